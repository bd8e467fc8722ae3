package ai.sorot.lambda.library;

import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Review sessions: a named, ordered set of analyses with a score card, reviewed one by one. */
final class LibrarySessions {

    private final Library library;

    LibrarySessions(Library library) {
        this.library = library;
    }

    ReviewSession createSession(String name, List<ReviewSession.Criterion> rubric) {
        if (name == null || name.isBlank()) {
            throw new SorotException(ErrorCode.MISSING_FIELD, "A session needs a name.");
        }
        try {
            long id = library.query(
                    "SELECT id FROM sessions WHERE name = ?",
                    st -> st.setString(1, name.strip()),
                    rs -> rs.next() ? rs.getLong(1) : -1L);
            if (id < 0) {
                library.update(
                        "INSERT INTO sessions (name, created_at, rubric) VALUES (?, ?, ?)",
                        name.strip(),
                        Instant.now().toString(),
                        Json.mapper().writeValueAsString(rubric == null ? List.of() : rubric));
            }
            return session(name.strip()).orElseThrow();
        } catch (SQLException | IOException e) {
            throw LibrarySql.failure(e);
        }
    }

    void setRubric(long sessionId, List<ReviewSession.Criterion> rubric) {
        try {
            library.update(
                    "UPDATE sessions SET rubric = ? WHERE id = ?", Json.mapper().writeValueAsString(rubric), sessionId);
        } catch (SQLException | IOException e) {
            throw LibrarySql.failure(e);
        }
    }

    Optional<ReviewSession> session(String name) {
        return sessions().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    Optional<ReviewSession> session(long id) {
        return sessions().stream().filter(s -> s.id() == id).findFirst();
    }

    List<ReviewSession> sessions() {
        return library.query("""
                SELECT s.id, s.name, s.created_at, s.rubric,
                  (SELECT count(*) FROM session_items si WHERE si.session_id = s.id),
                  (SELECT count(*) FROM session_items si WHERE si.session_id = s.id AND si.reviewed = 1)
                FROM sessions s ORDER BY s.created_at DESC, s.id DESC""", st -> {}, rs -> {
            var sessions = new ArrayList<ReviewSession>();
            while (rs.next()) {
                List<ReviewSession.Criterion> rubric;
                try {
                    rubric = Json.mapper().readValue(rs.getString(4), new TypeReference<>() {});
                } catch (IOException e) {
                    rubric = List.of();
                }
                sessions.add(new ReviewSession(
                        rs.getLong(1),
                        rs.getString(2),
                        Instant.parse(rs.getString(3)),
                        rubric,
                        rs.getInt(5),
                        rs.getInt(6)));
            }
            return sessions;
        });
    }

    void deleteSession(long sessionId) {
        library.inTransaction(() -> library.update("DELETE FROM sessions WHERE id = ?", sessionId));
    }

    /** Adds analyses to the end of a session, keeping the order given; ones already in it stay where they are. */
    void addToSession(long sessionId, List<String> analysisIds) {
        library.inTransaction(() -> {
            int next = library.query(
                    "SELECT coalesce(max(position), 0) FROM session_items WHERE session_id = ?",
                    st -> st.setLong(1, sessionId),
                    rs -> rs.getInt(1));
            for (var id : new LinkedHashSet<>(analysisIds)) {
                library.requireAnalysis(id);
                library.update(
                        "INSERT OR IGNORE INTO session_items (session_id, analysis_id, position) VALUES (?, ?, ?)",
                        sessionId,
                        id,
                        ++next);
            }
        });
    }

    void removeFromSession(long sessionId, String analysisId) {
        library.inTransaction(() -> library.update(
                "DELETE FROM session_items WHERE session_id = ? AND analysis_id = ?", sessionId, analysisId));
    }

    /** The session's analyses in review order. */
    List<String> sessionItems(long sessionId) {
        return library.query(
                "SELECT analysis_id FROM session_items WHERE session_id = ? ORDER BY position",
                st -> st.setLong(1, sessionId),
                rs -> {
                    var ids = new ArrayList<String>();
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                    return ids;
                });
    }

    void markReviewed(long sessionId, String analysisId, boolean reviewed) {
        library.inTransaction(() -> library.update(
                "UPDATE session_items SET reviewed = ? WHERE session_id = ? AND analysis_id = ?",
                reviewed ? 1 : 0,
                sessionId,
                analysisId));
    }

    boolean isReviewed(long sessionId, String analysisId) {
        return library.query(
                "SELECT reviewed FROM session_items WHERE session_id = ? AND analysis_id = ?",
                st -> {
                    st.setLong(1, sessionId);
                    st.setString(2, analysisId);
                },
                rs -> rs.next() && rs.getInt(1) == 1);
    }

    void scoreCriterion(long sessionId, String analysisId, String criterion, int score) {
        var session = session(sessionId).orElseThrow(() -> new SorotException(ErrorCode.NOT_FOUND, "No such session."));
        var rule = session.rubric().stream()
                .filter(c -> c.name().equals(criterion))
                .findFirst()
                .orElseThrow(() -> new SorotException(
                        ErrorCode.NOT_FOUND, "The session's score card has no \"" + criterion + "\"."));
        if (score < 1 || score > rule.scale()) {
            throw new SorotException(ErrorCode.INVALID_JSON, criterion + " is scored 1 to " + rule.scale() + ".");
        }
        library.inTransaction(() -> library.update("""
                INSERT INTO rubric_scores (session_id, analysis_id, criterion, score) VALUES (?, ?, ?, ?)
                ON CONFLICT (session_id, analysis_id, criterion) DO UPDATE SET score = excluded.score""", sessionId, analysisId, criterion, score));
    }

    java.util.Map<String, Integer> criterionScores(long sessionId, String analysisId) {
        return library.query(
                "SELECT criterion, score FROM rubric_scores WHERE session_id = ? AND analysis_id = ?",
                st -> {
                    st.setLong(1, sessionId);
                    st.setString(2, analysisId);
                },
                rs -> {
                    var scores = new java.util.LinkedHashMap<String, Integer>();
                    while (rs.next()) {
                        scores.put(rs.getString(1), rs.getInt(2));
                    }
                    return scores;
                });
    }
}
