package ai.sorot.lambda.committee;

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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * The committee on an office server: one SQLite file beside the job store, in WAL mode. One
 * connection behind this object's lock: a committee's writes are a few a minute, and the reads
 * are indexed queries of a few milliseconds. A review write is a read of the version and the
 * write in one transaction, the same condition the DynamoDB store states in its expression.
 */
public final class SqliteCommitteeStore implements CommitteeStore {

    private static final String MEMBER_COLUMNS = "member_id, name, email, role, subject, created_at, revoked_at";
    private static final String REVIEW_COLUMNS =
            "analysis_id, member_id, member_name, rating, verdict, notes, shortlisted, "
                    + "session_id, scores, version, updated_at";
    private static final TypeReference<Map<String, Integer>> SCORES = new TypeReference<>() {};
    private static final TypeReference<List<Criterion>> RUBRIC = new TypeReference<>() {};
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

    private final Connection connection;

    private SqliteCommitteeStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating it and its schema on first use) the committee database at {@code file}. */
    public static SqliteCommitteeStore open(Path file) {
        try {
            var config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(10_000);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            var connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            CommitteeMigrations.migrate(connection);
            // autocommit between writes: the driver begins the next transaction as soon as one ends
            // when autocommit is off, which would hold the write lock and keep 'sorot members' out
            return new SqliteCommitteeStore(connection);
        } catch (SQLException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "Cannot open the committee database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void addMember(Member member, String tokenHash) {
        update("INSERT INTO members (" + MEMBER_COLUMNS + ", token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", st -> {
            st.setString(1, member.memberId());
            st.setString(2, member.name());
            st.setString(3, member.email());
            st.setString(4, member.role().name());
            st.setString(5, member.subject());
            st.setString(6, member.createdAt().toString());
            st.setString(
                    7, member.revokedAt() == null ? null : member.revokedAt().toString());
            st.setString(8, tokenHash);
        });
    }

    @Override
    public synchronized Optional<Member> member(String memberId) {
        return query(
                        "SELECT " + MEMBER_COLUMNS + " FROM members WHERE member_id = ?",
                        st -> st.setString(1, memberId),
                        SqliteCommitteeStore::member)
                .stream()
                .findFirst();
    }

    @Override
    public synchronized List<Member> members() {
        return query(
                "SELECT " + MEMBER_COLUMNS + " FROM members ORDER BY created_at, member_id",
                st -> {},
                SqliteCommitteeStore::member);
    }

    @Override
    public synchronized Optional<Member> memberByTokenHash(String tokenHash) {
        var found = query(
                "SELECT " + MEMBER_COLUMNS + ", token_hash FROM members WHERE token_hash = ?",
                st -> st.setString(1, tokenHash),
                rs -> Map.entry(member(rs), rs.getString("token_hash")));
        return found.stream()
                .filter(e -> MemberTokens.sameHash(e.getValue(), tokenHash))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public synchronized Optional<Member> memberBySubject(String subject) {
        return query(
                        "SELECT " + MEMBER_COLUMNS + " FROM members WHERE subject = ? AND revoked_at IS NULL",
                        st -> st.setString(1, subject),
                        SqliteCommitteeStore::member)
                .stream()
                .findFirst();
    }

    @Override
    public synchronized boolean revoke(String memberId, Instant at) {
        return update("UPDATE members SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL", st -> {
                    st.setString(1, at.toString());
                    st.setString(2, memberId);
                })
                == 1;
    }

    @Override
    public synchronized Optional<Review> review(String analysisId, String memberId) {
        return query(
                        "SELECT " + REVIEW_COLUMNS + " FROM reviews WHERE analysis_id = ? AND member_id = ?",
                        st -> {
                            st.setString(1, analysisId);
                            st.setString(2, memberId);
                        },
                        SqliteCommitteeStore::review)
                .stream()
                .findFirst();
    }

    @Override
    public synchronized List<Review> reviews(String analysisId) {
        return query(
                "SELECT " + REVIEW_COLUMNS + " FROM reviews WHERE analysis_id = ? ORDER BY updated_at, member_id",
                st -> st.setString(1, analysisId),
                SqliteCommitteeStore::review);
    }

    @Override
    public synchronized List<Review> sessionReviews(String sessionId) {
        return query(
                "SELECT " + REVIEW_COLUMNS + " FROM reviews WHERE session_id = ? ORDER BY analysis_id, member_id",
                st -> st.setString(1, sessionId),
                SqliteCommitteeStore::review);
    }

    @Override
    public synchronized List<Review> sessionReviews(String sessionId, String memberId) {
        return query(
                "SELECT " + REVIEW_COLUMNS
                        + " FROM reviews WHERE session_id = ? AND member_id = ? ORDER BY analysis_id",
                st -> {
                    st.setString(1, sessionId);
                    st.setString(2, memberId);
                },
                SqliteCommitteeStore::review);
    }

    @Override
    public synchronized ReviewWrite putReview(Review review, long basedOn) {
        return transaction(() -> {
            var current = review(review.analysisId(), review.memberId());
            long stored = current.map(Review::version).orElse(ReviewWrite.NONE);
            if (basedOn != ReviewWrite.ANY && basedOn != stored) {
                return new ReviewWrite.Stale(current.orElse(null));
            }
            var written = withVersion(review, stored + 1);
            try (var st = connection.prepareStatement("INSERT OR REPLACE INTO reviews (" + REVIEW_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, written.analysisId());
                st.setString(2, written.memberId());
                st.setString(3, written.memberName());
                setInt(st, 4, written.rating());
                st.setString(
                        5, written.verdict() == null ? null : written.verdict().name());
                st.setString(6, written.notes());
                st.setInt(7, written.shortlisted() ? 1 : 0);
                st.setString(8, written.sessionId());
                st.setString(9, written.scores() == null ? null : json(written.scores()));
                st.setLong(10, written.version());
                st.setString(11, written.updatedAt().toString());
                st.executeUpdate();
            }
            return new ReviewWrite.Written(written);
        });
    }

    static Review withVersion(Review r, long version) {
        return new Review(
                r.analysisId(),
                r.memberId(),
                r.memberName(),
                r.rating(),
                r.verdict(),
                r.notes(),
                r.shortlisted(),
                r.sessionId(),
                r.scores(),
                version,
                r.updatedAt());
    }

    @Override
    public synchronized void createSession(StoredSession stored, List<Assignment> assignments) {
        var s = stored.session();
        transaction(() -> {
            try (var st = connection.prepareStatement(
                    "INSERT INTO sessions (session_id, name, created_at, created_by, "
                            + "readers_per_script, blind, rubric, analysis_ids, reader_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, s.sessionId());
                st.setString(2, s.name());
                st.setString(3, s.createdAt().toString());
                st.setString(4, s.createdBy());
                st.setInt(5, s.readersPerScript());
                st.setInt(6, s.blind() ? 1 : 0);
                st.setString(7, json(s.rubric() == null ? List.of() : s.rubric()));
                st.setString(8, json(s.analysisIds()));
                st.setString(9, json(stored.readerIds()));
                st.executeUpdate();
            }
            insertAssignments(assignments);
            return null;
        });
    }

    @Override
    public synchronized Optional<StoredSession> session(String sessionId) {
        return query(
                        "SELECT * FROM sessions WHERE session_id = ?",
                        st -> st.setString(1, sessionId),
                        rs -> new StoredSession(
                                new Session(
                                        rs.getString("session_id"),
                                        rs.getString("name"),
                                        Instant.parse(rs.getString("created_at")),
                                        rs.getString("created_by"),
                                        rs.getInt("readers_per_script"),
                                        rs.getInt("blind") == 1,
                                        parse(rs.getString("rubric"), RUBRIC),
                                        parse(rs.getString("analysis_ids"), IDS)),
                                parse(rs.getString("reader_ids"), IDS)))
                .stream()
                .findFirst();
    }

    @Override
    public synchronized List<Assignment> assignments(String sessionId) {
        return query(
                "SELECT * FROM assignments WHERE session_id = ? ORDER BY analysis_id, member_id",
                st -> st.setString(1, sessionId),
                SqliteCommitteeStore::assignment);
    }

    @Override
    public synchronized List<Assignment> queue(String sessionId, String memberId) {
        return query(
                "SELECT * FROM assignments WHERE session_id = ? AND member_id = ? ORDER BY analysis_id",
                st -> {
                    st.setString(1, sessionId);
                    st.setString(2, memberId);
                },
                SqliteCommitteeStore::assignment);
    }

    @Override
    public synchronized void moveAssignments(String sessionId, List<Assignment> removed, List<Assignment> added) {
        transaction(() -> {
            try (var st = connection.prepareStatement(
                    "DELETE FROM assignments WHERE session_id = ? AND member_id = ? AND analysis_id = ?")) {
                for (var a : removed) {
                    st.setString(1, sessionId);
                    st.setString(2, a.memberId());
                    st.setString(3, a.analysisId());
                    st.addBatch();
                }
                st.executeBatch();
            }
            insertAssignments(added);
            return null;
        });
    }

    private void insertAssignments(List<Assignment> assignments) throws SQLException {
        try (var st =
                connection.prepareStatement("INSERT OR REPLACE INTO assignments (session_id, analysis_id, member_id, "
                        + "title, pages) VALUES (?, ?, ?, ?, ?)")) {
            for (var a : assignments) {
                st.setString(1, a.sessionId());
                st.setString(2, a.analysisId());
                st.setString(3, a.memberId());
                st.setString(4, a.title());
                st.setInt(5, a.pages());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    @Override
    public synchronized void setConflicts(String sessionId, String memberId, Set<String> analysisIds) {
        transaction(() -> {
            try (var st = connection.prepareStatement("DELETE FROM conflicts WHERE session_id = ? AND member_id = ?")) {
                st.setString(1, sessionId);
                st.setString(2, memberId);
                st.executeUpdate();
            }
            try (var st = connection.prepareStatement(
                    "INSERT INTO conflicts (session_id, member_id, analysis_id) VALUES (?, ?, ?)")) {
                for (var id : analysisIds) {
                    st.setString(1, sessionId);
                    st.setString(2, memberId);
                    st.setString(3, id);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public synchronized Map<String, Set<String>> conflicts(String sessionId) {
        var result = new LinkedHashMap<String, Set<String>>();
        query(
                        "SELECT member_id, analysis_id FROM conflicts WHERE session_id = ? ORDER BY member_id, analysis_id",
                        st -> st.setString(1, sessionId),
                        rs -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>())
                        .add(e.getValue()));
        return result;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    // ---- rows ----------------------------------------------------------------------------------

    private static Member member(ResultSet rs) throws SQLException {
        var revoked = rs.getString("revoked_at");
        return new Member(
                rs.getString("member_id"),
                rs.getString("name"),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                rs.getString("subject"),
                Instant.parse(rs.getString("created_at")),
                revoked == null ? null : Instant.parse(revoked));
    }

    private static Review review(ResultSet rs) throws SQLException {
        int rating = rs.getInt("rating");
        Integer boxed = rs.wasNull() ? null : rating;
        var verdict = rs.getString("verdict");
        var scores = rs.getString("scores");
        return new Review(
                rs.getString("analysis_id"),
                rs.getString("member_id"),
                rs.getString("member_name"),
                boxed,
                verdict == null ? null : CommitteeVerdict.valueOf(verdict),
                rs.getString("notes"),
                rs.getInt("shortlisted") == 1,
                rs.getString("session_id"),
                scores == null ? null : parse(scores, SCORES),
                rs.getLong("version"),
                Instant.parse(rs.getString("updated_at")));
    }

    private static Assignment assignment(ResultSet rs) throws SQLException {
        return new Assignment(
                rs.getString("session_id"),
                rs.getString("analysis_id"),
                rs.getString("title"),
                rs.getString("member_id"),
                rs.getInt("pages"),
                false);
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        try (var st = connection.prepareStatement(sql)) {
            binder.bind(st);
            var rows = new ArrayList<T>();
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private int update(String sql, Binder binder) {
        try (var st = connection.prepareStatement(sql)) {
            binder.bind(st);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** One write transaction (BEGIN IMMEDIATE: the write lock from the start), committed whole or not at all. */
    private <T> T transaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                var result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the failure being reported matters more
        }
    }

    private static void setInt(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
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

    private static SorotException failed(SQLException e) {
        return new SorotException(ErrorCode.INTERNAL, "The committee database failed: " + e.getMessage(), e);
    }
}
