package ai.sorot.desktop.committee;

import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.committee.AnalysisReviews;
import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.Review;
import ai.sorot.model.committee.ReviewConflict;
import ai.sorot.model.committee.ReviewInput;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a member's desktop keeps of the committee, in one SQLite file in the Sorot home: the
 * <b>outbox</b> of reviews written here and not yet accepted by the server (each with the version
 * it was based on, and the server's version when a push met a conflict), the member's own reviews
 * as the server last confirmed them (the base of the next write), and the committee's reviews and
 * queues as last pulled, so review mode shows them offline. Each change is one transaction: a crash
 * leaves the outbox as it was before or after, never half written.
 */
public final class CommitteeStore implements AutoCloseable {

    /** One review waiting to be pushed. {@code conflict} is set when the server refused it as stale. */
    public record Pending(
            String analysisId,
            ReviewInput input,
            long basedOn,
            Instant queuedAt,
            ReviewConflict conflict,
            String problem) {

        public boolean blocked() {
            return conflict != null || problem != null;
        }
    }

    private final Connection db;

    private CommitteeStore(Connection db) {
        this.db = db;
    }

    /** Opens (creating) the store at {@code file}. */
    public static CommitteeStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            var db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (var st = db.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("""
                        CREATE TABLE IF NOT EXISTS outbox (analysis_id TEXT PRIMARY KEY, input TEXT NOT NULL,
                          based_on INTEGER NOT NULL, queued_at TEXT NOT NULL, conflict TEXT, problem TEXT)""");
                st.execute(
                        "CREATE TABLE IF NOT EXISTS mine (analysis_id TEXT PRIMARY KEY, version INTEGER NOT NULL, review TEXT NOT NULL)");
                st.execute("""
                        CREATE TABLE IF NOT EXISTS reviews (analysis_id TEXT NOT NULL, scope TEXT NOT NULL, body TEXT NOT NULL,
                          PRIMARY KEY (analysis_id, scope))""");
                st.execute("CREATE TABLE IF NOT EXISTS queues (session_id TEXT PRIMARY KEY, body TEXT NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            }
            return new CommitteeStore(db);
        } catch (SQLException | IOException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL,
                    "The committee's sync state at " + file + " cannot be opened: " + e.getMessage(),
                    e);
        }
    }

    // ---------------------------------------------------------------- outbox

    /**
     * Queues {@code input} for {@code analysisId}. A review already waiting is replaced by the newer
     * edit but keeps the version it was based on: the server must judge the edit against what this
     * device last saw, not against its own earlier unsent draft.
     */
    public synchronized void enqueue(String analysisId, ReviewInput input, long basedOn) {
        update("""
                INSERT INTO outbox (analysis_id, input, based_on, queued_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(analysis_id) DO UPDATE SET input = excluded.input, queued_at = excluded.queued_at, problem = NULL""", analysisId, json(input), basedOn, Instant.now().toString());
    }

    public synchronized List<Pending> pending() {
        var out = new ArrayList<Pending>();
        try (var st = db.prepareStatement(
                        "SELECT analysis_id, input, based_on, queued_at, conflict, problem FROM outbox ORDER BY queued_at");
                var rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Pending(
                        rs.getString(1),
                        read(rs.getString(2), ReviewInput.class),
                        rs.getLong(3),
                        Instant.parse(rs.getString(4)),
                        rs.getString(5) == null ? null : read(rs.getString(5), ReviewConflict.class),
                        rs.getString(6)));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return out;
    }

    public Optional<Pending> pending(String analysisId) {
        return pending().stream().filter(p -> p.analysisId().equals(analysisId)).findFirst();
    }

    /** The server took the write: it leaves the outbox and becomes the base of the next one, in one step. */
    public synchronized void accepted(Review saved) {
        transaction(() -> {
            update("DELETE FROM outbox WHERE analysis_id = ?", saved.analysisId());
            putMine(saved);
            if (saved.memberId() != null) {
                update(
                        "INSERT INTO meta (key, value) VALUES ('me', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        saved.memberId());
            }
        });
    }

    public synchronized void conflicted(String analysisId, ReviewConflict conflict) {
        update("UPDATE outbox SET conflict = ? WHERE analysis_id = ?", json(conflict), analysisId);
    }

    /** The server refused the write for a reason retrying will not fix (a rating out of range, 403). */
    public synchronized void refused(String analysisId, String problem) {
        update("UPDATE outbox SET problem = ? WHERE analysis_id = ?", problem, analysisId);
    }

    /** "Keep mine": the queued edit is now based on the server's version, and pushed again. */
    public synchronized void rebase(String analysisId, long onVersion) {
        update(
                "UPDATE outbox SET based_on = ?, conflict = NULL, problem = NULL WHERE analysis_id = ?",
                onVersion,
                analysisId);
    }

    /** "Keep theirs": the queued edit is dropped and the server's version is the base. */
    public synchronized void discard(String analysisId, Review kept) {
        transaction(() -> {
            update("DELETE FROM outbox WHERE analysis_id = ?", analysisId);
            if (kept != null) {
                putMine(kept);
            }
        });
    }

    // ---------------------------------------------------------------- the member's own reviews

    public synchronized Optional<Review> mine(String analysisId) {
        return queryOne("SELECT review FROM mine WHERE analysis_id = ?", analysisId)
                .map(s -> read(s, Review.class));
    }

    public synchronized void putMine(Review review) {
        update("""
                INSERT INTO mine (analysis_id, version, review) VALUES (?, ?, ?)
                ON CONFLICT(analysis_id) DO UPDATE SET version = excluded.version, review = excluded.review""", review.analysisId(), review.version(), json(review));
    }

    /** The member id the server knows this device's token as, once a write or a queue has said. */
    public synchronized Optional<String> me() {
        return queryOne("SELECT value FROM meta WHERE key = 'me'", null);
    }

    public synchronized void setMe(String memberId) {
        update(
                "INSERT INTO meta (key, value) VALUES ('me', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                memberId);
    }

    /** The session last opened on this desktop, so the page opens on it next time. */
    public synchronized Optional<String> lastSession() {
        return queryOne("SELECT value FROM meta WHERE key = 'session'", null);
    }

    public synchronized void setLastSession(String sessionId) {
        update(
                "INSERT INTO meta (key, value) VALUES ('session', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                sessionId);
    }

    // ---------------------------------------------------------------- what was pulled

    /** {@code scope} is "" for the library-wide reviews, a session id for what that session shows. */
    public synchronized void putReviews(String scope, AnalysisReviews reviews) {
        update("""
                INSERT INTO reviews (analysis_id, scope, body) VALUES (?, ?, ?)
                ON CONFLICT(analysis_id, scope) DO UPDATE SET body = excluded.body""", reviews.analysisId(), scope, json(reviews));
    }

    public synchronized Optional<AnalysisReviews> reviews(String scope, String analysisId) {
        try (var st = db.prepareStatement("SELECT body FROM reviews WHERE analysis_id = ? AND scope = ?")) {
            st.setString(1, analysisId);
            st.setString(2, scope);
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.of(read(rs.getString(1), AnalysisReviews.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public synchronized void putQueue(String sessionId, List<Assignment> queue) {
        update(
                "INSERT INTO queues (session_id, body) VALUES (?, ?) ON CONFLICT(session_id) DO UPDATE SET body = excluded.body",
                sessionId,
                json(queue));
    }

    public synchronized List<Assignment> queue(String sessionId) {
        return queryOne("SELECT body FROM queues WHERE session_id = ?", sessionId)
                .map(s -> {
                    try {
                        return Json.mapper().readValue(s, new TypeReference<List<Assignment>>() {});
                    } catch (IOException e) {
                        throw new SorotException(
                                ErrorCode.INTERNAL, "A saved queue cannot be read: " + e.getMessage(), e);
                    }
                })
                .orElse(List.of());
    }

    // ---------------------------------------------------------------- plumbing

    private void transaction(Runnable work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void update(String sql, Object... args) {
        try (var st = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private Optional<String> queryOne(String sql, String arg) {
        try (var st = db.prepareStatement(sql)) {
            if (arg != null) {
                st.setString(1, arg);
            }
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "Cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String text, Class<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "A saved " + type.getSimpleName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static SorotException failed(SQLException e) {
        var full = e.getMessage() != null && e.getMessage().contains("SQLITE_FULL");
        return new SorotException(
                full ? ErrorCode.DISK_FULL : ErrorCode.INTERNAL,
                (full
                                ? "The disk is full; the review stays on screen and in the library: "
                                : "The committee's sync state failed: ")
                        + e.getMessage(),
                e);
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing on the way out
        }
    }
}
