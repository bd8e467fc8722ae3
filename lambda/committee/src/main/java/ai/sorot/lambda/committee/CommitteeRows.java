package ai.sorot.lambda.committee;

import ai.sorot.lambda.sqlite.Columns;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.Criterion;
import ai.sorot.model.committee.Member;
import ai.sorot.model.committee.Review;
import ai.sorot.model.committee.Role;
import ai.sorot.model.committee.Session;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How members, reviews, sessions and assignments are laid out in the committee database's rows,
 * both ways. Instants are ISO-8601 text (the schema that shipped), lists and scores JSON.
 */
final class CommitteeRows {

    static final String MEMBER_COLUMNS = "member_id, name, email, role, subject, created_at, revoked_at";
    static final String REVIEW_COLUMNS = "analysis_id, member_id, member_name, rating, verdict, notes, shortlisted, "
            + "session_id, scores, version, updated_at";
    static final String SESSION_COLUMNS =
            "session_id, name, created_at, created_by, readers_per_script, blind, rubric, analysis_ids, reader_ids";
    static final String ASSIGNMENT_COLUMNS = "session_id, analysis_id, member_id, title, pages";

    private static final TypeReference<Map<String, Integer>> SCORES = new TypeReference<>() {};
    private static final TypeReference<List<Criterion>> RUBRIC = new TypeReference<>() {};
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

    private CommitteeRows() {}

    /** The values of {@link #MEMBER_COLUMNS} and then the token hash, in order. */
    static Object[] values(Member m, String tokenHash) {
        return new Object[] {
            m.memberId(),
            m.name(),
            m.email(),
            m.role(),
            m.subject(),
            text(m.createdAt()),
            text(m.revokedAt()),
            tokenHash
        };
    }

    /** The values of {@link #REVIEW_COLUMNS}, in order. */
    static Object[] values(Review r) {
        return new Object[] {
            r.analysisId(),
            r.memberId(),
            r.memberName(),
            r.rating(),
            r.verdict(),
            r.notes(),
            r.shortlisted(),
            r.sessionId(),
            r.scores() == null ? null : json(r.scores()),
            r.version(),
            text(r.updatedAt())
        };
    }

    /** The values of {@link #SESSION_COLUMNS}, in order. */
    static Object[] values(StoredSession stored) {
        var s = stored.session();
        return new Object[] {
            s.sessionId(),
            s.name(),
            text(s.createdAt()),
            s.createdBy(),
            s.readersPerScript(),
            s.blind(),
            json(s.rubric() == null ? List.of() : s.rubric()),
            json(s.analysisIds()),
            json(stored.readerIds())
        };
    }

    /** The values of {@link #ASSIGNMENT_COLUMNS}, in order. */
    static Object[] values(Assignment a) {
        return new Object[] {a.sessionId(), a.analysisId(), a.memberId(), a.title(), a.pages()};
    }

    static Member member(ResultSet rs) throws SQLException {
        return new Member(
                rs.getString("member_id"),
                rs.getString("name"),
                rs.getString("email"),
                Columns.enumOf(rs, "role", Role.class),
                rs.getString("subject"),
                instant(rs, "created_at"),
                instant(rs, "revoked_at"));
    }

    static Review review(ResultSet rs) throws SQLException {
        var rating = Columns.whole(rs, "rating");
        var scores = rs.getString("scores");
        return new Review(
                rs.getString("analysis_id"),
                rs.getString("member_id"),
                rs.getString("member_name"),
                rating == null ? null : rating.intValue(),
                Columns.enumOf(rs, "verdict", CommitteeVerdict.class),
                rs.getString("notes"),
                rs.getInt("shortlisted") == 1,
                rs.getString("session_id"),
                scores == null ? null : parse(scores, SCORES),
                rs.getLong("version"),
                instant(rs, "updated_at"));
    }

    static StoredSession session(ResultSet rs) throws SQLException {
        return new StoredSession(
                new Session(
                        rs.getString("session_id"),
                        rs.getString("name"),
                        instant(rs, "created_at"),
                        rs.getString("created_by"),
                        rs.getInt("readers_per_script"),
                        rs.getInt("blind") == 1,
                        parse(rs.getString("rubric"), RUBRIC),
                        parse(rs.getString("analysis_ids"), IDS)),
                parse(rs.getString("reader_ids"), IDS));
    }

    static Assignment assignment(ResultSet rs) throws SQLException {
        return new Assignment(
                rs.getString("session_id"),
                rs.getString("analysis_id"),
                rs.getString("title"),
                rs.getString("member_id"),
                rs.getInt("pages"),
                false);
    }

    static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var text = rs.getString(column);
        return text == null ? null : Instant.parse(text);
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T parse(String text, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "The committee database holds unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
