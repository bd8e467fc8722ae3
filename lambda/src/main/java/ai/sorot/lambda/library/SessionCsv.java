package ai.sorot.lambda.library;

import ai.sorot.model.report.GridScore;
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
 * submission with the AI's view, its rank, the curator's rating, verdict, notes and score card.
 */
final class SessionCsv {

    private SessionCsv() {}

    static void write(Library library, Long sessionId, Path out) throws IOException {
        var session = sessionId == null ? null : library.session(sessionId).orElseThrow();
        List<LibraryEntry> entries;
        if (session == null) {
            entries = library.search(LibraryQuery.ALL.sortedBy(LibraryQuery.Sort.TITLE, false).page(1_000_000, 0));
        } else {
            var byId = new LinkedHashMap<String, LibraryEntry>();
            library.search(LibraryQuery.ALL.inSession(sessionId).page(1_000_000, 0)).forEach(e -> byId.put(e.id(), e));
            entries = library.sessionItems(sessionId).stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        }
        var columns = new ArrayList<>(List.of("analysis_id", "title", "authors", "pages", "runtime_minutes",
                "ai_recommendation", "ai_score", "ai_rank"));
        GridScore.CRITERIA.forEach(c -> columns.add("ai_" + c.replace(' ', '_')));
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
            row.put("ai_recommendation", e.recommendation());
            row.put("ai_score", e.aiScore());
            var rank = session == null ? library.percentileInLibrary(e.id()) : library.percentileInSession(e.id(), session.id());
            row.put("ai_rank", rank.map(Percentile::label).orElse(""));
            var grid = new LinkedHashMap<String, Integer>();
            try {
                var coverage = library.report(e.id()).coverage();
                if (coverage != null) {
                    coverage.grid().forEach(g -> grid.put(g.criterion(), g.score()));
                }
            } catch (RuntimeException missing) {
                // the row still exports without its grid
            }
            GridScore.CRITERIA.forEach(c -> row.put("ai_" + c.replace(' ', '_'), grid.get(c)));
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

    /** Every CSV Sorot writes goes through here, so every text cell is neutralised for spreadsheets. */
    static void writeRows(Path out, List<String> columns, List<Map<String, Object>> rows) throws IOException {
        var schema = CsvSchema.builder().addColumns(columns, CsvSchema.ColumnType.STRING).build().withHeader();
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
