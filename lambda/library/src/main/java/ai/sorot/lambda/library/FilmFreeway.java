package ai.sorot.lambda.library;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Verdicts;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The round trip with FilmFreeway: its submissions export (a CSV) becomes a session, the dropped
 * screenplays are matched to its submissions by title or by the submission id in the file name,
 * and the decisions go back as a CSV keyed by submission id. Column names vary between festivals'
 * exports, so columns are found by what their headers say.
 */
public final class FilmFreeway {

    /** One row of the export. */
    public record Submission(String id, String title, String submitter, String links, String analysisId) {}

    private static final Pattern ID =
            Pattern.compile("(?i)^(submission ?id|submission ?#|submission number|tracking ?(id|number)|id)$");
    private static final Pattern TITLE = Pattern.compile("(?i)^(project ?title|title|project ?name|film ?title)$");
    private static final Pattern FIRST = Pattern.compile("(?i)^(submitter ?)?first ?name$");
    private static final Pattern LAST = Pattern.compile("(?i)^(submitter ?)?last ?name$");
    private static final Pattern SUBMITTER = Pattern.compile("(?i)^(submitter( ?name)?|director|applicant|name)$");
    private static final Pattern LINK = Pattern.compile("(?i).*(link|url|trailer|screener|website|vimeo|youtube).*");

    private FilmFreeway() {}

    /** Reads the export into a session (created if new); returns the session. */
    public static ReviewSession importSubmissions(Library library, Path csv, String sessionName) throws IOException {
        var rows = read(csv);
        if (rows.isEmpty()) {
            throw new SorotException(ErrorCode.EMPTY_FILE, "The FilmFreeway export has no submissions.");
        }
        var headers = new ArrayList<>(rows.getFirst().keySet());
        String id = find(headers, ID);
        String title = find(headers, TITLE);
        if (id == null || title == null) {
            throw new SorotException(
                    ErrorCode.UNSUPPORTED_FORMAT,
                    "Not a FilmFreeway submissions export: no submission id or project title column (columns: "
                            + String.join(", ", headers) + ").");
        }
        String first = find(headers, FIRST);
        String last = find(headers, LAST);
        String submitter = find(headers, SUBMITTER);
        var links = headers.stream().filter(h -> LINK.matcher(h).matches()).toList();
        var session = library.createSession(sessionName, List.of());
        library.inTransaction(() -> {
            for (var row : rows) {
                var submissionId = row.getOrDefault(id, "").strip();
                if (submissionId.isEmpty()) {
                    continue;
                }
                String who = submitter != null
                        ? row.get(submitter)
                        : String.join(
                                " ",
                                nonBlank(first == null ? null : row.get(first), last == null ? null : row.get(last)));
                String linkText = String.join(
                        " ",
                        links.stream()
                                .map(row::get)
                                .filter(v -> v != null && !v.isBlank())
                                .toList());
                library.update(
                        """
                        INSERT INTO submissions (session_id, submission_id, title, submitter, links) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (session_id, submission_id) DO UPDATE SET title = excluded.title,
                          submitter = excluded.submitter, links = excluded.links""",
                        session.id(),
                        submissionId,
                        row.getOrDefault(title, "").strip(),
                        who == null ? "" : who.strip(),
                        linkText);
            }
        });
        match(library, session.id());
        return library.session(session.id()).orElseThrow();
    }

    public static List<Submission> submissions(Library library, long sessionId) {
        return library.query(
                "SELECT submission_id, title, submitter, links, analysis_id FROM submissions WHERE session_id = ?"
                        + " ORDER BY rowid",
                st -> st.setLong(1, sessionId),
                rs -> {
                    var list = new ArrayList<Submission>();
                    while (rs.next()) {
                        list.add(new Submission(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                    return list;
                });
    }

    /**
     * Matches unmatched submissions to analyses in the library: the submission id in the file
     * name wins, then the same title, then a title sharing most of its words. Matched analyses
     * join the session. Returns how many were matched now.
     */
    public static int match(Library library, long sessionId) {
        var entries = library.search(LibraryQuery.ALL.page(1_000_000, 0));
        int matched = 0;
        for (var submission : submissions(library, sessionId)) {
            if (submission.analysisId() != null) {
                continue;
            }
            LibraryEntry best = null;
            double bestScore = 0;
            for (var entry : entries) {
                double score = similarity(submission, entry);
                if (score > bestScore) {
                    bestScore = score;
                    best = entry;
                }
            }
            if (best != null && bestScore >= 0.6) {
                final var chosen = best;
                library.inTransaction(() -> library.update(
                        "UPDATE submissions SET analysis_id = ? WHERE session_id = ? AND submission_id = ?",
                        chosen.id(),
                        sessionId,
                        submission.id()));
                library.addToSession(sessionId, List.of(chosen.id()));
                matched++;
            }
        }
        return matched;
    }

    static double similarity(Submission submission, LibraryEntry entry) {
        var file = entry.fileName() == null ? "" : entry.fileName();
        if (!submission.id().isBlank()
                && Pattern.compile("(^|\\D)" + Pattern.quote(submission.id()) + "(\\D|$)")
                        .matcher(file)
                        .find()) {
            return 1.0;
        }
        var a = words(submission.title());
        if (a.isEmpty()) {
            return 0;
        }
        var b = words(entry.title());
        var c = words(
                file.replaceAll("\\.(pdf|fountain)$", "").replace('_', ' ').replace('-', ' '));
        return Math.max(jaccard(a, b), jaccard(a, c) * 0.9);
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        var union = new java.util.HashSet<>(a);
        union.addAll(b);
        var both = new java.util.HashSet<>(a);
        both.retainAll(b);
        return both.size() / (double) union.size();
    }

    private static Set<String> words(String text) {
        return Library.words(text == null ? "" : text.replace('&', ' '));
    }

    /** Decisions and ratings back to FilmFreeway, one row per submission, keyed by its id. */
    public static void exportDecisions(Library library, long sessionId, Path out) throws IOException {
        var rows = new ArrayList<Map<String, Object>>();
        for (var submission : submissions(library, sessionId)) {
            var row = new LinkedHashMap<String, Object>();
            row.put("Submission ID", submission.id());
            row.put("Project Title", submission.title());
            var entry = submission.analysisId() == null
                    ? null
                    : library.entry(submission.analysisId()).orElse(null);
            row.put(
                    "Judging Status",
                    entry == null || entry.verdict() == null
                            ? "Undecided"
                            : switch (entry.verdict()) {
                                case ACCEPT -> "Selected";
                                case MAYBE -> "In Consideration";
                                case DECLINE -> "Not Selected";
                            });
            row.put("Rating", entry == null || entry.rating() == null ? "" : entry.rating());
            row.put("Notes", entry == null ? "" : entry.notes());
            row.put(
                    "Sorot Recommendation",
                    entry == null ? "" : entry.recommendation() == null ? Verdicts.NOT_JUDGED : entry.recommendation());
            row.put("Sorot Score", entry == null || entry.aiScore() == null ? "" : Math.round(entry.aiScore()));
            row.put("Sorot Analysis", submission.analysisId() == null ? "" : submission.analysisId());
            rows.add(row);
        }
        SessionCsv.writeRows(
                out,
                List.of(
                        "Submission ID",
                        "Project Title",
                        "Judging Status",
                        "Rating",
                        "Notes",
                        "Sorot Recommendation",
                        "Sorot Score",
                        "Sorot Analysis"),
                rows);
    }

    private static List<Map<String, String>> read(Path csv) throws IOException {
        var text = Files.readString(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var mapper = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        var rows = new ArrayList<Map<String, String>>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(mapper.schemaWithHeader().withColumnReordering(true))
                .readValues(text)) {
            while (it.hasNext()) {
                // a cell Sorot wrote (its decisions CSV read back) loses the quote that kept a spreadsheet from running
                // it
                var row = new LinkedHashMap<String, String>();
                it.next().forEach((column, cell) -> row.put(column, CsvCells.restore(cell)));
                rows.add(row);
            }
        } catch (RuntimeException e) {
            throw new SorotException(
                    ErrorCode.UNSUPPORTED_FORMAT, "The FilmFreeway export is not a readable CSV: " + e.getMessage());
        }
        return rows;
    }

    private static String find(List<String> headers, Pattern pattern) {
        return headers.stream()
                .filter(h -> pattern.matcher(h.strip()).matches())
                .findFirst()
                .orElse(null);
    }

    private static List<String> nonBlank(String... values) {
        var list = new ArrayList<String>();
        for (var v : values) {
            if (v != null && !v.isBlank()) {
                list.add(v.strip());
            }
        }
        return list;
    }
}
