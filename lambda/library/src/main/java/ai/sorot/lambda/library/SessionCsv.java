package ai.sorot.lambda.library;

import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.Indicator;
import ai.sorot.model.report.Provenance;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session (or the whole library) as a spreadsheet a festival committee opens: one row per
 * submission with who read it (provenance), a model's verdict, score and rank when a model read it,
 * the craft indicators measured without one, and the curator's rating, verdict, notes and score card.
 */
final class SessionCsv {

    private SessionCsv() {}

    static void write(Library library, Long sessionId, Path out) throws IOException {
        var session = sessionId == null ? null : library.session(sessionId).orElseThrow();
        List<LibraryEntry> entries;
        if (session == null) {
            entries = library.search(
                    LibraryQuery.ALL.sortedBy(LibraryQuery.Sort.TITLE, false).page(1_000_000, 0));
        } else {
            var byId = new LinkedHashMap<String, LibraryEntry>();
            library.search(LibraryQuery.ALL.inSession(sessionId).page(1_000_000, 0))
                    .forEach(e -> byId.put(e.id(), e));
            entries = library.sessionItems(sessionId).stream()
                    .map(byId::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
        }
        // a model's verdict and an offline measure are different things: separate columns, never one "score"
        var columns = new ArrayList<>(List.of(
                "analysis_id",
                "title",
                "authors",
                "pages",
                "runtime_minutes",
                "provenance",
                "model_recommendation",
                "model_score",
                "model_rank"));
        GridScore.CRITERIA.forEach(c -> columns.add("model_" + c.replace(' ', '_')));
        Indicator.CODES.forEach(c -> columns.add("indicator_" + c));
        columns.addAll(List.of("curator_rating", "curator_verdict", "shortlisted", "notes", "tags"));
        if (session != null) {
            session.rubric().forEach(c -> columns.add("card_" + c.name()));
        }
        var rows = new ArrayList<Map<String, Object>>();
        for (var e : entries) {
            var row = new LinkedHashMap<String, Object>();
            row.put("analysis_id", e.id());
            row.put("title", e.title());
            row.put("authors", e.authors());
            row.put("pages", e.pages());
            row.put("runtime_minutes", e.runtime());
            var grid = new LinkedHashMap<String, Integer>();
            var indicators = new LinkedHashMap<String, Double>();
            String provenance = "";
            try {
                var coverage = library.report(e.id()).coverage();
                if (coverage != null) {
                    coverage.grid().forEach(g -> grid.put(g.criterion(), g.score()));
                    coverage.indicators().forEach(i -> indicators.put(i.code(), i.value()));
                    provenance = provenance(coverage.provenance());
                }
            } catch (RuntimeException missing) {
                // the row still exports without its grid and indicators
            }
            row.put("provenance", provenance);
            row.put("model_recommendation", e.recommendation() != null ? e.recommendation() : "Not judged");
            row.put("model_score", e.aiScore());
            // ranks come from model scores only (a report no model read has none)
            var rank = session == null
                    ? library.percentileInLibrary(e.id())
                    : library.percentileInSession(e.id(), session.id());
            row.put("model_rank", rank.map(Percentile::label).orElse(""));
            GridScore.CRITERIA.forEach(c -> row.put("model_" + c.replace(' ', '_'), grid.get(c)));
            Indicator.CODES.forEach(c -> row.put("indicator_" + c, indicators.get(c)));
            row.put("curator_rating", e.rating());
            row.put("curator_verdict", e.verdict() == null ? "" : e.verdict().name());
            row.put("shortlisted", e.shortlisted() ? "yes" : "");
            row.put("notes", e.notes());
            row.put("tags", String.join(" ", e.tags()));
            if (session != null) {
                var scores = library.criterionScores(session.id(), e.id());
                session.rubric().forEach(c -> row.put("card_" + c.name(), scores.get(c.name())));
            }
            rows.add(row);
        }
        writeRows(out, columns, rows);
    }

    /** Who read the script: "no model", or the model and where it ran. */
    static String provenance(Provenance provenance) {
        if (provenance == null) {
            return "";
        }
        return provenance.modelRead() ? provenance.label() : "no model";
    }

    /** Every CSV Sorot writes goes through here, so every text cell is neutralised for spreadsheets. */
    static void writeRows(Path out, List<String> columns, List<Map<String, Object>> rows) throws IOException {
        var schema = CsvSchema.builder()
                .addColumns(columns, CsvSchema.ColumnType.STRING)
                .build()
                .withHeader();
        var safe = rows.stream().map(SessionCsv::neutralised).toList();
        var csv = new CsvMapper().writer(schema).writeValueAsString(safe);
        // a spreadsheet opens UTF-8 CSV correctly when it starts with a byte-order mark
        AtomicFiles.write(out, ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> neutralised(Map<String, Object> row) {
        var safe = new LinkedHashMap<String, Object>();
        row.forEach((column, value) -> safe.put(column, CsvCells.neutralise(value)));
        return safe;
    }
}
