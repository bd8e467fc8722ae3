package ai.sorot.lambda.library;

import ai.sorot.lambda.files.DiskFull;
import ai.sorot.lambda.files.OwnerOnly;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Verdicts;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
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
    private final Connection connection;

    private Library(Path folder, Connection connection) {
        this.folder = folder;
        this.connection = connection;
    }

    /** Opens (creating and migrating as needed) the library in {@code folder}. */
    public static Library open(Path folder) {
        try {
            OwnerOnly.createDirectories(folder.resolve("items"));
            OwnerOnly.createFileIfMissing(folder.resolve("library.db")); // else SQLite makes it with the umask's permissions
            var config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5_000);
            var connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("library.db"), config.toProperties());
            LibraryMigrations.migrate(connection);
            LibraryMigrations.forgetUnreadVerdicts(connection);
            LibraryMigrations.addCheckColumn(connection);
            removeInterruptedWrites(folder.resolve("items"));
            return new Library(folder, connection);
        } catch (IOException | SQLException e) {
            throw new SorotException(ErrorCode.INTERNAL, "Cannot open the library in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Temporary files of writes a crash interrupted: never pointed to by a row, safe to remove. An
     * import's staging folder is left for an hour, in case another Sorot is importing right now.
     */
    private static void removeInterruptedWrites(Path items) throws IOException {
        try (var files = Files.walk(items, 2)) {
            for (var file : files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
                Files.deleteIfExists(file);
            }
        }
        var anHourAgo = java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600));
        try (var staging = Files.newDirectoryStream(items, SessionBundle.STAGING_PREFIX + "*")) {
            for (var dir : staging) {
                if (Files.getLastModifiedTime(dir).compareTo(anHourAgo) < 0) {
                    removeFolder(dir);
                }
            }
        }
    }

    public Path folder() {
        return folder;
    }

    public synchronized int schemaVersion() {
        try (var st = connection.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    // ---- saving ------------------------------------------------------------------------------

    /** What comes with a report: the audio summary, a first-page thumbnail, the screenplay file. */
    public record Attachments(byte[] audio, String audioContentType, byte[] thumbnailPng, byte[] source, String sourceName) {

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
            AtomicFiles.write(dir.resolve("report.json"), Json.mapper().writeValueAsBytes(report));
            if (attachments.audio() != null) {
                AtomicFiles.write(dir.resolve(audioFileName(attachments.audioContentType())), attachments.audio());
            }
            if (attachments.thumbnailPng() != null) {
                AtomicFiles.write(dir.resolve("thumbnail.png"), attachments.thumbnailPng());
            }
            if (attachments.source() != null) {
                AtomicFiles.write(dir.resolve("source" + extension(attachments.sourceName())), attachments.source());
            }
        } catch (IOException | RuntimeException e) {
            if (fresh) {
                removeFolder(dir);
            }
            throw DiskFull.or(ErrorCode.INTERNAL, "The analysis could not be saved", e);
        }
        try {
            inTransaction(() -> {
                insertRow(report, attachments.audio() != null ? attachments.audioContentType() : null,
                        attachments.thumbnailPng() != null, true);
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
        try (var st = connection.prepareStatement("""
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
            int i = 1;
            st.setString(i++, id);
            st.setString(i++, row.title());
            st.setString(i++, row.authors());
            st.setString(i++, report.fileName());
            st.setString(i++, report.trailerUrl());
            st.setString(i++, row.logline());
            st.setString(i++, row.synopsis());
            st.setString(i++, row.genres());
            st.setString(i++, row.recommendation());
            setDouble(st, i++, row.score());
            setInt(st, i++, row.pages());
            setDouble(st, i++, row.runtime());
            setInt(st, i++, row.scenes());
            st.setString(i++, row.analysers());
            st.setString(i++, text(report.createdAt()));
            st.setString(i++, text(report.completedAt()));
            st.setString(i++, Instant.now().toString());
            st.setInt(i++, audioType != null ? 1 : 0);
            st.setString(i++, audioType);
            st.setInt(i++, hasThumbnail ? 1 : 0);
            st.setString(i, String.join(" ", report.checks().stream().map(c -> c.code()).distinct().toList()));
            st.executeUpdate();
        }
    }

    /** Removes a folder and what is in it; what cannot be removed is left (harmless, overwritten later). */
    static void removeFolder(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort: a later save of the same id overwrites what is left
        }
    }

    public synchronized boolean contains(String id) {
        return query("SELECT 1 FROM analyses WHERE id = ?", st -> st.setString(1, id), ResultSet::next);
    }

    public synchronized int size() {
        return query("SELECT count(*) FROM analyses", st -> { }, rs -> rs.getInt(1));
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
        var rows = search(LibraryQuery.ALL.page(1, 0), "a.id = ?", List.of(id));
        return rows.stream().findFirst();
    }

    /** The entries of these analyses, in no particular order (those deleted meanwhile are left out). */
    synchronized List<LibraryEntry> entries(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return search(LibraryQuery.ALL.page(ids.size(), 0), "a.id IN (" + marks + ")", List.copyOf(ids));
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
        String type = query("SELECT audio_type FROM analyses WHERE id = ? AND has_audio = 1",
                st -> st.setString(1, id), rs -> rs.next() ? rs.getString(1) : null);
        if (type == null) {
            return Optional.empty();
        }
        var file = itemFolder(safeId(id)).resolve(audioFileName(type));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public Optional<Path> thumbnail(String id) {
        var file = itemFolder(safeId(id)).resolve("thumbnail.png");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The screenplay file as it was submitted, for reading the pages the report cites. */
    public Optional<Path> source(String id) {
        try (var files = Files.list(itemFolder(safeId(id)))) {
            return files.filter(p -> p.getFileName().toString().startsWith("source")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public synchronized List<LibraryEntry> search(LibraryQuery query) {
        return search(query, null, List.of());
    }

    public synchronized int count(LibraryQuery query) {
        var sql = new StringBuilder("SELECT count(*) FROM analyses a LEFT JOIN reviews r ON r.analysis_id = a.id");
        var filter = LibraryFilters.of(query, null, List.of());
        sql.append(filter.sql());
        return query(sql.toString(), st -> bind(st, filter.params()), rs -> rs.getInt(1));
    }

    private List<LibraryEntry> search(LibraryQuery query, String extraWhere, List<Object> extraParams) {
        var sql = new StringBuilder("""
                SELECT a.id, a.title, a.authors, a.file_name, a.logline, a.genres, a.recommendation, a.ai_score,
                  a.pages, a.runtime, a.scenes, a.analysers, a.saved_at, a.has_audio, a.checks,
                  r.rating, r.verdict, r.notes, r.shortlisted,
                  (SELECT group_concat(tag, char(31)) FROM tags t WHERE t.analysis_id = a.id) AS tag_list""");
        boolean fullText = LibraryFilters.hasText(query);
        sql.append(fullText ? ", bm25(search) AS rank" : ", 0 AS rank");
        sql.append(" FROM analyses a LEFT JOIN reviews r ON r.analysis_id = a.id");
        var filter = LibraryFilters.of(query, extraWhere, extraParams);
        sql.append(filter.sql());
        var params = filter.params();
        var sort = query.sort() == LibraryQuery.Sort.RELEVANCE && !fullText ? LibraryQuery.Sort.SAVED : query.sort();
        boolean desc = sort == LibraryQuery.Sort.RELEVANCE ? false : query.descending();
        sql.append(" ORDER BY ").append(sort.sql).append(desc ? " DESC" : " ASC").append(" NULLS LAST, a.rowid DESC");
        sql.append(" LIMIT ? OFFSET ?");
        params.add(query.limit());
        params.add(query.offset());
        return query(sql.toString(), st -> bind(st, params), rs -> {
            var entries = new ArrayList<LibraryEntry>();
            while (rs.next()) {
                entries.add(entry(rs));
            }
            return entries;
        });
    }

    private static LibraryEntry entry(ResultSet rs) throws SQLException {
        String verdict = rs.getString("verdict");
        String tagList = rs.getString("tag_list");
        return new LibraryEntry(rs.getString("id"), rs.getString("title"), rs.getString("authors"),
                rs.getString("file_name"), rs.getString("logline"), rs.getString("genres"), rs.getString("recommendation"),
                (Double) rs.getObject("ai_score") == null ? null : rs.getDouble("ai_score"),
                rs.getObject("pages") == null ? null : rs.getInt("pages"),
                rs.getObject("runtime") == null ? null : rs.getDouble("runtime"),
                rs.getObject("scenes") == null ? null : rs.getInt("scenes"),
                rs.getString("analysers"), Instant.parse(rs.getString("saved_at")), rs.getInt("has_audio") == 1,
                rs.getObject("rating") == null ? null : rs.getInt("rating"),
                verdict == null ? null : CuratorVerdict.valueOf(verdict),
                rs.getString("notes") == null ? "" : rs.getString("notes"), rs.getInt("shortlisted") == 1,
                tagList == null ? List.of() : Arrays.stream(tagList.split("\u001f")).sorted().toList(),
                rs.getString("checks") == null || rs.getString("checks").isBlank() ? List.of()
                        : List.of(rs.getString("checks").split(" ")));
    }

    // ---- the curator's review ---------------------------------------------------------------------

    public synchronized void rate(String id, Integer rating) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new SorotException(ErrorCode.INVALID_JSON, "A rating is 1 to 5 stars.");
        }
        review(id, "rating", rating);
    }

    public synchronized void setVerdict(String id, CuratorVerdict verdict) {
        review(id, "verdict", verdict == null ? null : verdict.name());
    }

    public synchronized void setNotes(String id, String notes) {
        inTransaction(() -> {
            review(id, "notes", notes == null ? "" : notes);
            reindex(id);
        });
    }

    public synchronized void setShortlisted(String id, boolean shortlisted) {
        review(id, "shortlisted", shortlisted ? 1 : 0);
    }

    public synchronized void tag(String id, String tag) {
        var clean = cleanTag(tag);
        inTransaction(() -> {
            requireAnalysis(id);
            update("INSERT OR IGNORE INTO tags (analysis_id, tag) VALUES (?, ?)", id, clean);
            reindex(id);
        });
    }

    public synchronized void untag(String id, String tag) {
        inTransaction(() -> {
            update("DELETE FROM tags WHERE analysis_id = ? AND tag = ?", id, cleanTag(tag));
            reindex(id);
        });
    }

    /** Every tag in use, with how many analyses carry it, most used first. */
    public synchronized List<String> allTags() {
        return query("SELECT tag FROM tags GROUP BY tag ORDER BY count(*) DESC, tag", st -> { }, rs -> {
            var tags = new ArrayList<String>();
            while (rs.next()) {
                tags.add(rs.getString(1));
            }
            return tags;
        });
    }

    private void review(String id, String column, Object value) {
        requireAnalysis(id);
        var now = Instant.now().toString();
        inTransaction(() -> {
            update("INSERT INTO reviews (analysis_id, updated_at) VALUES (?, ?) ON CONFLICT(analysis_id) DO NOTHING", id, now);
            update("UPDATE reviews SET " + column + " = ?, updated_at = ? WHERE analysis_id = ?", value, now, id);
        });
    }

    private void requireAnalysis(String id) {
        if (!contains(id)) {
            throw new SorotException(ErrorCode.NOT_FOUND, "No analysis " + id + " in the library.");
        }
    }

    private static String cleanTag(String tag) {
        var clean = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        if (clean.isEmpty() || clean.length() > 40) {
            throw new SorotException(ErrorCode.MISSING_FIELD, "A tag is one to forty characters.");
        }
        return clean;
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

    // ---- calibration ---------------------------------------------------------------------------

    /** The analysis's AI score ranked within the whole library. */
    public synchronized Optional<Percentile> percentileInLibrary(String id) {
        return percentile(id, "SELECT count(*) FROM analyses WHERE ai_score IS NOT NULL",
                "SELECT count(*) FROM analyses WHERE ai_score > ?", null);
    }

    /** The analysis's AI score ranked within a session. */
    public synchronized Optional<Percentile> percentileInSession(String id, long sessionId) {
        return percentile(id,
                "SELECT count(*) FROM analyses a JOIN session_items si ON si.analysis_id = a.id AND si.session_id = ?"
                        + " WHERE a.ai_score IS NOT NULL",
                "SELECT count(*) FROM analyses a JOIN session_items si ON si.analysis_id = a.id AND si.session_id = ?"
                        + " WHERE a.ai_score > ?", sessionId);
    }

    private Optional<Percentile> percentile(String id, String totalSql, String aboveSql, Long sessionId) {
        Double score = query("SELECT ai_score FROM analyses WHERE id = ?", st -> st.setString(1, id),
                rs -> rs.next() && rs.getObject(1) != null ? rs.getDouble(1) : null);
        if (score == null) {
            return Optional.empty();
        }
        int total = query(totalSql, st -> {
            if (sessionId != null) {
                st.setLong(1, sessionId);
            }
        }, rs -> rs.getInt(1));
        int above = query(aboveSql, st -> {
            int i = 1;
            if (sessionId != null) {
                st.setLong(i++, sessionId);
            }
            st.setDouble(i, score);
        }, rs -> rs.getInt(1));
        return total == 0 ? Optional.empty() : Optional.of(Percentile.of(above + 1, total));
    }

    // ---- sessions ----------------------------------------------------------------------------------

    public synchronized ReviewSession createSession(String name, List<ReviewSession.Criterion> rubric) {
        if (name == null || name.isBlank()) {
            throw new SorotException(ErrorCode.MISSING_FIELD, "A session needs a name.");
        }
        try {
            long id = query("SELECT id FROM sessions WHERE name = ?", st -> st.setString(1, name.strip()),
                    rs -> rs.next() ? rs.getLong(1) : -1L);
            if (id < 0) {
                update("INSERT INTO sessions (name, created_at, rubric) VALUES (?, ?, ?)", name.strip(),
                        Instant.now().toString(), Json.mapper().writeValueAsString(rubric == null ? List.of() : rubric));
            }
            return session(name.strip()).orElseThrow();
        } catch (SQLException | IOException e) {
            throw failure(e);
        }
    }

    public synchronized void setRubric(long sessionId, List<ReviewSession.Criterion> rubric) {
        try {
            update("UPDATE sessions SET rubric = ? WHERE id = ?", Json.mapper().writeValueAsString(rubric), sessionId);
        } catch (SQLException | IOException e) {
            throw failure(e);
        }
    }

    public synchronized Optional<ReviewSession> session(String name) {
        return sessions().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public synchronized Optional<ReviewSession> session(long id) {
        return sessions().stream().filter(s -> s.id() == id).findFirst();
    }

    public synchronized List<ReviewSession> sessions() {
        return query("""
                SELECT s.id, s.name, s.created_at, s.rubric,
                  (SELECT count(*) FROM session_items si WHERE si.session_id = s.id),
                  (SELECT count(*) FROM session_items si WHERE si.session_id = s.id AND si.reviewed = 1)
                FROM sessions s ORDER BY s.created_at DESC, s.id DESC""", st -> { }, rs -> {
            var sessions = new ArrayList<ReviewSession>();
            while (rs.next()) {
                List<ReviewSession.Criterion> rubric;
                try {
                    rubric = Json.mapper().readValue(rs.getString(4), new TypeReference<>() {});
                } catch (IOException e) {
                    rubric = List.of();
                }
                sessions.add(new ReviewSession(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)), rubric,
                        rs.getInt(5), rs.getInt(6)));
            }
            return sessions;
        });
    }

    public synchronized void deleteSession(long sessionId) {
        inTransaction(() -> update("DELETE FROM sessions WHERE id = ?", sessionId));
    }

    /** Adds analyses to the end of a session, keeping the order given; ones already in it stay where they are. */
    public synchronized void addToSession(long sessionId, List<String> analysisIds) {
        inTransaction(() -> {
            int next = query("SELECT coalesce(max(position), 0) FROM session_items WHERE session_id = ?",
                    st -> st.setLong(1, sessionId), rs -> rs.getInt(1));
            for (var id : new LinkedHashSet<>(analysisIds)) {
                requireAnalysis(id);
                update("INSERT OR IGNORE INTO session_items (session_id, analysis_id, position) VALUES (?, ?, ?)",
                        sessionId, id, ++next);
            }
        });
    }

    public synchronized void removeFromSession(long sessionId, String analysisId) {
        inTransaction(() -> update("DELETE FROM session_items WHERE session_id = ? AND analysis_id = ?", sessionId, analysisId));
    }

    /** The session's analyses in review order. */
    public synchronized List<String> sessionItems(long sessionId) {
        return query("SELECT analysis_id FROM session_items WHERE session_id = ? ORDER BY position", st -> st.setLong(1, sessionId),
                rs -> {
                    var ids = new ArrayList<String>();
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                    return ids;
                });
    }

    public synchronized void markReviewed(long sessionId, String analysisId, boolean reviewed) {
        inTransaction(() -> update("UPDATE session_items SET reviewed = ? WHERE session_id = ? AND analysis_id = ?",
                reviewed ? 1 : 0, sessionId, analysisId));
    }

    public synchronized boolean isReviewed(long sessionId, String analysisId) {
        return query("SELECT reviewed FROM session_items WHERE session_id = ? AND analysis_id = ?", st -> {
            st.setLong(1, sessionId);
            st.setString(2, analysisId);
        }, rs -> rs.next() && rs.getInt(1) == 1);
    }

    public synchronized void scoreCriterion(long sessionId, String analysisId, String criterion, int score) {
        var session = session(sessionId).orElseThrow(() -> new SorotException(ErrorCode.NOT_FOUND, "No such session."));
        var rule = session.rubric().stream().filter(c -> c.name().equals(criterion)).findFirst()
                .orElseThrow(() -> new SorotException(ErrorCode.NOT_FOUND, "The session's score card has no \"" + criterion + "\"."));
        if (score < 1 || score > rule.scale()) {
            throw new SorotException(ErrorCode.INVALID_JSON, criterion + " is scored 1 to " + rule.scale() + ".");
        }
        inTransaction(() -> update("""
                INSERT INTO rubric_scores (session_id, analysis_id, criterion, score) VALUES (?, ?, ?, ?)
                ON CONFLICT (session_id, analysis_id, criterion) DO UPDATE SET score = excluded.score""",
                sessionId, analysisId, criterion, score));
    }

    public synchronized java.util.Map<String, Integer> criterionScores(long sessionId, String analysisId) {
        return query("SELECT criterion, score FROM rubric_scores WHERE session_id = ? AND analysis_id = ?", st -> {
            st.setLong(1, sessionId);
            st.setString(2, analysisId);
        }, rs -> {
            var scores = new java.util.LinkedHashMap<String, Integer>();
            while (rs.next()) {
                scores.put(rs.getString(1), rs.getInt(2));
            }
            return scores;
        });
    }

    // ---- exports ---------------------------------------------------------------------------------

    /** A session (or, with {@code sessionId} null, the whole library) as CSV. */
    public void exportCsv(Long sessionId, Path out) {
        export(() -> SessionCsv.write(this, sessionId, out));
    }

    public void exportSessionPdf(long sessionId, Path out) {
        export(() -> LibraryPdf.writeSession(this, sessionId, out));
    }

    public void exportAnalysisPdf(String id, Path out) {
        export(() -> LibraryPdf.writeAnalysis(this, id, out));
    }

    /** A zip of the session's reports, audio and reviews for a co-programmer to open offline. */
    public void exportBundle(long sessionId, Path out) {
        export(() -> SessionBundle.export(this, sessionId, out));
    }

    public ReviewSession importBundle(Path bundle) {
        if (!Files.isRegularFile(bundle)) {
            throw new SorotException(ErrorCode.FILE_NOT_FOUND, "No such bundle: " + bundle);
        }
        try {
            return SessionBundle.importBundle(this, bundle);
        } catch (IOException e) {
            throw new SorotException(ErrorCode.UNSUPPORTED_FORMAT, "Cannot read the bundle: " + e.getMessage(), e);
        }
    }

    private interface Export {
        void run() throws IOException;
    }

    private static void export(Export export) {
        try {
            export.run();
        } catch (IOException e) {
            throw DiskFull.or(ErrorCode.INTERNAL, "The export could not be written", e);
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------

    Connection connection() {
        return connection;
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

    static String audioFileName(String contentType) {
        return contentType != null && contentType.contains("mpeg") ? "audio.mp3" : "audio.wav";
    }

    private static String extension(String name) {
        if (name == null) {
            return ".pdf";
        }
        var lower = name.toLowerCase(Locale.ROOT);
        for (var kept : List.of(".fountain", ".fdx", ".highland")) {
            if (lower.endsWith(kept)) {
                return kept;
            }
        }
        return ".pdf";
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void setDouble(PreparedStatement st, int i, Double value) throws SQLException {
        if (value == null) {
            st.setNull(i, Types.REAL);
        } else {
            st.setDouble(i, value);
        }
    }

    private static void setInt(PreparedStatement st, int i, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(i, Types.INTEGER);
        } else {
            st.setInt(i, value);
        }
    }

    private static void bind(PreparedStatement st, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            st.setObject(i + 1, params.get(i));
        }
    }

    interface SqlWork {
        void run() throws SQLException;
    }

    interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    void inTransaction(SqlWork work) {
        try {
            boolean outer = connection.getAutoCommit();
            if (!outer) {
                work.run(); // already inside one
                return;
            }
            connection.setAutoCommit(false);
            Exception failed = null;
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                failed = e;
                try {
                    connection.rollback();
                } catch (SQLException alreadyRolledBack) {
                    // a commit that fails on a full disk is rolled back by SQLite itself: keep the real cause
                    e.addSuppressed(alreadyRolledBack);
                }
            }
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // the same: "cannot commit - no transaction is active" must not hide why the transaction ended
                if (failed == null) {
                    throw e;
                }
                failed.addSuppressed(e);
            }
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed != null) {
                throw (SQLException) failed;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    int update(String sql, Object... params) throws SQLException {
        try (var st = connection.prepareStatement(sql)) {
            bind(st, Arrays.asList(params));
            return st.executeUpdate();
        }
    }

    <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (var st = connection.prepareStatement(sql)) {
            binder.bind(st);
            try (var rs = st.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static SorotException failure(Exception e) {
        return DiskFull.or(ErrorCode.INTERNAL, "Library error", e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing left to save
        }
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
