package ai.sorot.lambda.library;

import ai.sorot.lambda.files.DiskFull;
import ai.sorot.lambda.files.OwnerOnly;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Verdicts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;

/**
 * The curator's local library: every finished analysis with its report, audio, thumbnail and
 * screenplay, in a SQLite file (WAL) beside a folder of files written atomically. Works with no
 * network at all. Files are written before the row that points to them is committed, so a crash
 * at any moment loses nothing saved before it and leaves no half-written file behind.
 * Thread-safe: one connection, one writer at a time.
 */
public final class Library implements AutoCloseable {

    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private final Path folder;
    private final LibrarySql sql;
    private final LibraryReviews reviews = new LibraryReviews(this);
    private final LibrarySessions sessions = new LibrarySessions(this);
    private final LibraryRanks ranks = new LibraryRanks(this);
    private final LibraryCatalogue catalogue = new LibraryCatalogue(this);
    private final LibraryExports exports = new LibraryExports(this);

    private Library(Path folder, Connection connection) {
        this.folder = folder;
        this.sql = new LibrarySql(connection);
    }

    /** Opens (creating and migrating as needed) the library in {@code folder}. */
    public static Library open(Path folder) {
        try {
            OwnerOnly.createDirectories(folder.resolve("items"));
            OwnerOnly.createFileIfMissing(
                    folder.resolve("library.db")); // else SQLite makes it with the umask's permissions
            var config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5_000);
            var connection =
                    DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("library.db"), config.toProperties());
            LibraryMigrations.migrate(connection);
            LibraryFiles.removeInterruptedWrites(folder.resolve("items"));
            return new Library(folder, connection);
        } catch (IOException | SQLException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "Cannot open the library in " + folder + ": " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    public synchronized int schemaVersion() {
        try (var st = sql.connection().createStatement();
                var rs = st.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        } catch (SQLException e) {
            throw LibrarySql.failure(e);
        }
    }

    // ---- saving ------------------------------------------------------------------------------

    /** What comes with a report: the audio summary, a first-page thumbnail, the screenplay file. */
    public record Attachments(
            byte[] audio, String audioContentType, byte[] thumbnailPng, byte[] source, String sourceName) {

        public static final Attachments NONE = new Attachments(null, null, null, null, null);
    }

    /**
     * Saves (or replaces) an analysis. The curator's rating, notes and tags on it are kept. When
     * the disk fills, what was saved before stays as it was, a new analysis leaves no folder
     * behind, and the error is {@link ErrorCode#DISK_FULL}.
     */
    public synchronized void save(AnalysisReport report, Attachments attachments) {
        var id = safeId(report.analysisId());
        var dir = itemFolder(id);
        boolean fresh = !Files.exists(dir);
        try {
            LibraryFiles.writeItem(dir, report, attachments);
        } catch (IOException | RuntimeException e) {
            if (fresh) {
                removeFolder(dir);
            }
            throw DiskFull.or(ErrorCode.INTERNAL, "The analysis could not be saved", e);
        }
        try {
            inTransaction(() -> {
                insertRow(
                        report,
                        attachments.audio() != null ? attachments.audioContentType() : null,
                        attachments.thumbnailPng() != null,
                        true);
                reindex(id);
            });
        } catch (RuntimeException e) {
            if (fresh && !contains(id)) {
                removeFolder(dir);
            }
            throw DiskFull.or(ErrorCode.INTERNAL, "The analysis could not be saved", e);
        }
    }

    /**
     * The row of an analysis whose files are in place. {@code replace} false refuses an id the
     * library already has (the import never replaces a receiver's analysis).
     */
    void insertRow(AnalysisReport report, String audioType, boolean hasThumbnail, boolean replace) throws SQLException {
        var id = safeId(report.analysisId());
        try (var st = sql.connection().prepareStatement("""
                INSERT INTO analyses (id, title, authors, file_name, trailer_url, logline, synopsis, genres,
                  recommendation, ai_score, pages, runtime, scenes, analysers, created_at, completed_at, saved_at,
                  has_audio, audio_type, has_thumbnail, checks)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""" + (replace ? """
                 ON CONFLICT(id) DO UPDATE SET title = excluded.title, authors = excluded.authors,
                  file_name = excluded.file_name, trailer_url = excluded.trailer_url, logline = excluded.logline,
                  synopsis = excluded.synopsis, genres = excluded.genres, recommendation = excluded.recommendation,
                  ai_score = excluded.ai_score, pages = excluded.pages, runtime = excluded.runtime,
                  scenes = excluded.scenes, analysers = excluded.analysers, created_at = excluded.created_at,
                  completed_at = excluded.completed_at,
                  has_audio = max(analyses.has_audio, excluded.has_audio),
                  audio_type = coalesce(excluded.audio_type, analyses.audio_type),
                  has_thumbnail = max(analyses.has_thumbnail, excluded.has_thumbnail), checks = excluded.checks""" : ""))) {
            var row = ReportRow.of(report);
            var checks = String.join(
                    " ", report.checks().stream().map(c -> c.code()).distinct().toList());
            LibrarySql.bind(
                    st,
                    Arrays.asList(
                            id,
                            row.title(),
                            row.authors(),
                            report.fileName(),
                            report.trailerUrl(),
                            row.logline(),
                            row.synopsis(),
                            row.genres(),
                            row.recommendation(),
                            row.score(),
                            row.pages(),
                            row.runtime(),
                            row.scenes(),
                            row.analysers(),
                            text(report.createdAt()),
                            text(report.completedAt()),
                            Instant.now().toString(),
                            audioType != null ? 1 : 0,
                            audioType,
                            hasThumbnail ? 1 : 0,
                            checks));
            st.executeUpdate();
        }
    }

    /** Removes a folder and what is in it; what cannot be removed is left (harmless, overwritten later). */
    static void removeFolder(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort: a later save of the same id overwrites what is left
        }
    }

    public synchronized boolean contains(String id) {
        return query("SELECT 1 FROM analyses WHERE id = ?", st -> st.setString(1, id), ResultSet::next);
    }

    public synchronized int size() {
        return query("SELECT count(*) FROM analyses", st -> {}, rs -> rs.getInt(1));
    }

    /** Removes an analysis, its review, tags and files. */
    public synchronized void delete(String id) {
        inTransaction(() -> {
            update("DELETE FROM search WHERE rowid = (SELECT rowid FROM analyses WHERE id = ?)", id);
            update("DELETE FROM analyses WHERE id = ?", id);
        });
        // the row is gone; stray files are harmless and overwritten by a later save
        removeFolder(itemFolder(safeId(id)));
    }

    // ---- reading -------------------------------------------------------------------------------

    public synchronized Optional<LibraryEntry> entry(String id) {
        var rows = catalogue.search(LibraryQuery.ALL.page(1, 0), "a.id = ?", List.of(id));
        return rows.stream().findFirst();
    }

    /** The entries of these analyses, in no particular order (those deleted meanwhile are left out). */
    synchronized List<LibraryEntry> entries(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return catalogue.search(LibraryQuery.ALL.page(ids.size(), 0), "a.id IN (" + marks + ")", List.copyOf(ids));
    }

    public AnalysisReport report(String id) {
        var file = itemFolder(safeId(id)).resolve("report.json");
        try {
            return Verdicts.shown(Json.mapper().readValue(file.toFile(), AnalysisReport.class));
        } catch (IOException e) {
            throw new SorotException(ErrorCode.NOT_FOUND, "No saved report for " + id + " in the library.", e);
        }
    }

    /** The audio summary on disk, if it was saved. */
    public synchronized Optional<Path> audio(String id) {
        String type = query(
                "SELECT audio_type FROM analyses WHERE id = ? AND has_audio = 1",
                st -> st.setString(1, id),
                rs -> rs.next() ? rs.getString(1) : null);
        if (type == null) {
            return Optional.empty();
        }
        return LibraryFiles.audio(itemFolder(safeId(id)), type);
    }

    public Optional<Path> thumbnail(String id) {
        return LibraryFiles.thumbnail(itemFolder(safeId(id)));
    }

    /** The screenplay file as it was submitted, for reading the pages the report cites. */
    public Optional<Path> source(String id) {
        return LibraryFiles.source(itemFolder(safeId(id)));
    }

    public synchronized List<LibraryEntry> search(LibraryQuery query) {
        return catalogue.search(query, null, List.of());
    }

    public synchronized int count(LibraryQuery query) {
        return catalogue.count(query);
    }

    // ---- the curator's review (LibraryReviews) -----------------------------------------------------

    public synchronized void rate(String id, Integer rating) {
        reviews.rate(id, rating);
    }

    public synchronized void setVerdict(String id, CuratorVerdict verdict) {
        reviews.setVerdict(id, verdict);
    }

    public synchronized void setNotes(String id, String notes) {
        reviews.setNotes(id, notes);
    }

    public synchronized void setShortlisted(String id, boolean shortlisted) {
        reviews.setShortlisted(id, shortlisted);
    }

    public synchronized void tag(String id, String tag) {
        reviews.tag(id, tag);
    }

    public synchronized void untag(String id, String tag) {
        reviews.untag(id, tag);
    }

    /** Every tag in use, most used first. */
    public synchronized List<String> allTags() {
        return reviews.allTags();
    }

    void requireAnalysis(String id) {
        if (!contains(id)) {
            throw new SorotException(ErrorCode.NOT_FOUND, "No analysis " + id + " in the library.");
        }
    }

    /** Rewrites the full-text row of one analysis from its current title, text, notes and tags. */
    void reindex(String id) throws SQLException {
        update("DELETE FROM search WHERE rowid = (SELECT rowid FROM analyses WHERE id = ?)", id);
        update("""
                INSERT INTO search (rowid, title, authors, logline, synopsis, notes, tags)
                SELECT a.rowid, a.title, a.authors, a.logline, a.synopsis, coalesce(r.notes, ''),
                  coalesce((SELECT group_concat(tag, ' ') FROM tags t WHERE t.analysis_id = a.id), '')
                FROM analyses a LEFT JOIN reviews r ON r.analysis_id = a.id WHERE a.id = ?""", id);
    }

    // ---- calibration (LibraryRanks) ------------------------------------------------------------

    /** The analysis's model score ranked within the whole library. */
    public synchronized Optional<Percentile> percentileInLibrary(String id) {
        return ranks.percentileInLibrary(id);
    }

    /** The analysis's model score ranked within a session. */
    public synchronized Optional<Percentile> percentileInSession(String id, long sessionId) {
        return ranks.percentileInSession(id, sessionId);
    }

    // ---- sessions (LibrarySessions) --------------------------------------------------------------

    public synchronized ReviewSession createSession(String name, List<ReviewSession.Criterion> rubric) {
        return sessions.createSession(name, rubric);
    }

    public synchronized void setRubric(long sessionId, List<ReviewSession.Criterion> rubric) {
        sessions.setRubric(sessionId, rubric);
    }

    public synchronized Optional<ReviewSession> session(String name) {
        return sessions.session(name);
    }

    public synchronized Optional<ReviewSession> session(long id) {
        return sessions.session(id);
    }

    public synchronized List<ReviewSession> sessions() {
        return sessions.sessions();
    }

    public synchronized void deleteSession(long sessionId) {
        sessions.deleteSession(sessionId);
    }

    /** Adds analyses to the end of a session, keeping the order given; ones already in it stay where they are. */
    public synchronized void addToSession(long sessionId, List<String> analysisIds) {
        sessions.addToSession(sessionId, analysisIds);
    }

    public synchronized void removeFromSession(long sessionId, String analysisId) {
        sessions.removeFromSession(sessionId, analysisId);
    }

    /** The session's analyses in review order. */
    public synchronized List<String> sessionItems(long sessionId) {
        return sessions.sessionItems(sessionId);
    }

    public synchronized void markReviewed(long sessionId, String analysisId, boolean reviewed) {
        sessions.markReviewed(sessionId, analysisId, reviewed);
    }

    public synchronized boolean isReviewed(long sessionId, String analysisId) {
        return sessions.isReviewed(sessionId, analysisId);
    }

    public synchronized void scoreCriterion(long sessionId, String analysisId, String criterion, int score) {
        sessions.scoreCriterion(sessionId, analysisId, criterion, score);
    }

    public synchronized java.util.Map<String, Integer> criterionScores(long sessionId, String analysisId) {
        return sessions.criterionScores(sessionId, analysisId);
    }

    // ---- exports (LibraryExports) ----------------------------------------------------------------

    /** A session (or, with {@code sessionId} null, the whole library) as CSV. */
    public void exportCsv(Long sessionId, Path out) {
        exports.csv(sessionId, out);
    }

    public void exportSessionPdf(long sessionId, Path out) {
        exports.sessionPdf(sessionId, out);
    }

    public void exportAnalysisPdf(String id, Path out) {
        exports.analysisPdf(id, out);
    }

    /** A zip of the session's reports, audio and reviews for a co-programmer to open offline. */
    public void exportBundle(long sessionId, Path out) {
        exports.bundle(sessionId, out);
    }

    public ReviewSession importBundle(Path bundle) {
        return exports.importBundle(bundle);
    }

    // ---- plumbing --------------------------------------------------------------------------------

    Connection connection() {
        return sql.connection();
    }

    Path itemFolder(String id) {
        return folder.resolve("items").resolve(safeId(id));
    }

    /** What an analysis id may look like: it names a folder, so no path separators and no leading dot. */
    static final String SAFE_ID = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}";

    static String safeId(String id) {
        if (id == null || !id.matches(SAFE_ID)) {
            throw new SorotException(ErrorCode.INVALID_PARAMETER, "Not an analysis id: " + id);
        }
        return id;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    void inTransaction(LibrarySql.SqlWork work) {
        sql.inTransaction(work);
    }

    int update(String statement, Object... params) throws SQLException {
        return sql.update(statement, params);
    }

    <T> T query(String statement, LibrarySql.Binder binder, LibrarySql.Reader<T> reader) {
        return sql.query(statement, binder, reader);
    }

    public synchronized void close() {
        sql.close();
    }

    static Set<String> words(String text) {
        var words = new LinkedHashSet<String>();
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
