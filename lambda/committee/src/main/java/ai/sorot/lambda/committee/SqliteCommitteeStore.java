package ai.sorot.lambda.committee;

import static ai.sorot.lambda.committee.CommitteeRows.ASSIGNMENT_COLUMNS;
import static ai.sorot.lambda.committee.CommitteeRows.MEMBER_COLUMNS;
import static ai.sorot.lambda.committee.CommitteeRows.REVIEW_COLUMNS;
import static ai.sorot.lambda.committee.CommitteeRows.SESSION_COLUMNS;

import ai.sorot.lambda.sqlite.SqliteConnection;
import ai.sorot.lambda.sqlite.SqliteDatabase;
import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.Member;
import ai.sorot.model.committee.Review;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The committee on an office server: one SQLite file beside the job store, on the shared SQLite
 * layer ({@link SqliteDatabase}: WAL, one writer whose every write is one transaction, a small
 * reader pool). A committee's writes are a few a minute, its reads indexed queries of a few
 * milliseconds. A review write is a read of the version and the write in one transaction, the
 * same condition the DynamoDB store states in its expression. The rows' layout is {@link
 * CommitteeRows}; the schema {@link CommitteeSchema}.
 */
public final class SqliteCommitteeStore implements CommitteeStore {

    private static final int READERS = 2;

    private final SqliteDatabase db;

    private SqliteCommitteeStore(SqliteDatabase db) {
        this.db = db;
    }

    /** Opens (creating it and its schema on first use) the committee database at {@code file}. */
    public static SqliteCommitteeStore open(Path file) {
        return new SqliteCommitteeStore(
                SqliteDatabase.openShared(file, "the committee database", READERS, CommitteeSchema.MIGRATIONS));
    }

    // ---- members -------------------------------------------------------------------------------

    @Override
    public void addMember(Member member, String tokenHash) {
        db.write(c -> c.sql("INSERT INTO members (" + MEMBER_COLUMNS + ", token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(CommitteeRows.values(member, tokenHash))
                .update());
    }

    @Override
    public Optional<Member> member(String memberId) {
        return db.read(c -> c.sql("SELECT " + MEMBER_COLUMNS + " FROM members WHERE member_id = ?")
                .bind(memberId)
                .first(CommitteeRows::member));
    }

    @Override
    public List<Member> members() {
        return db.read(c -> c.sql("SELECT " + MEMBER_COLUMNS + " FROM members ORDER BY created_at, member_id")
                .list(CommitteeRows::member));
    }

    @Override
    public Optional<Member> memberByTokenHash(String tokenHash) {
        var found = db.read(c -> c.sql("SELECT " + MEMBER_COLUMNS + ", token_hash FROM members WHERE token_hash = ?")
                .bind(tokenHash)
                .list(rs -> Map.entry(CommitteeRows.member(rs), rs.getString("token_hash"))));
        return found.stream()
                .filter(e -> MemberTokens.sameHash(e.getValue(), tokenHash))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public Optional<Member> memberBySubject(String subject) {
        return db.read(c -> c.sql("SELECT " + MEMBER_COLUMNS + " FROM members WHERE subject = ? AND revoked_at IS NULL")
                .bind(subject)
                .first(CommitteeRows::member));
    }

    @Override
    public boolean revoke(String memberId, Instant at) {
        return db.write(c -> c.sql("UPDATE members SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL")
                        .bind(CommitteeRows.text(at), memberId)
                        .update())
                == 1;
    }

    // ---- reviews -------------------------------------------------------------------------------

    @Override
    public Optional<Review> review(String analysisId, String memberId) {
        return db.read(c -> review(c, analysisId, memberId));
    }

    private static Optional<Review> review(SqliteConnection c, String analysisId, String memberId) throws SQLException {
        return c.sql("SELECT " + REVIEW_COLUMNS + " FROM reviews WHERE analysis_id = ? AND member_id = ?")
                .bind(analysisId, memberId)
                .first(CommitteeRows::review);
    }

    @Override
    public List<Review> reviews(String analysisId) {
        return db.read(c -> c.sql("SELECT " + REVIEW_COLUMNS
                        + " FROM reviews WHERE analysis_id = ? ORDER BY updated_at, member_id")
                .bind(analysisId)
                .list(CommitteeRows::review));
    }

    @Override
    public List<Review> sessionReviews(String sessionId) {
        return db.read(c -> c.sql("SELECT " + REVIEW_COLUMNS
                        + " FROM reviews WHERE session_id = ? ORDER BY analysis_id, member_id")
                .bind(sessionId)
                .list(CommitteeRows::review));
    }

    @Override
    public List<Review> sessionReviews(String sessionId, String memberId) {
        return db.read(c -> c.sql("SELECT " + REVIEW_COLUMNS
                        + " FROM reviews WHERE session_id = ? AND member_id = ? ORDER BY analysis_id")
                .bind(sessionId, memberId)
                .list(CommitteeRows::review));
    }

    @Override
    public ReviewWrite putReview(Review review, long basedOn) {
        return db.write(c -> {
            var current = review(c, review.analysisId(), review.memberId());
            long stored = current.map(Review::version).orElse(ReviewWrite.NONE);
            if (basedOn != ReviewWrite.ANY && basedOn != stored) {
                return new ReviewWrite.Stale(current.orElse(null));
            }
            var written = withVersion(review, stored + 1);
            c.sql("INSERT OR REPLACE INTO reviews (" + REVIEW_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(CommitteeRows.values(written))
                    .update();
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

    // ---- sessions ------------------------------------------------------------------------------

    @Override
    public void createSession(StoredSession stored, List<Assignment> assignments) {
        db.write(c -> {
            c.sql("INSERT INTO sessions (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(CommitteeRows.values(stored))
                    .update();
            insertAssignments(c, assignments);
            return null;
        });
    }

    @Override
    public Optional<StoredSession> session(String sessionId) {
        return db.read(c -> c.sql("SELECT " + SESSION_COLUMNS + " FROM sessions WHERE session_id = ?")
                .bind(sessionId)
                .first(CommitteeRows::session));
    }

    @Override
    public List<Assignment> assignments(String sessionId) {
        return db.read(c -> c.sql("SELECT " + ASSIGNMENT_COLUMNS
                        + " FROM assignments WHERE session_id = ? ORDER BY analysis_id, member_id")
                .bind(sessionId)
                .list(CommitteeRows::assignment));
    }

    @Override
    public List<Assignment> queue(String sessionId, String memberId) {
        return db.read(c -> c.sql("SELECT " + ASSIGNMENT_COLUMNS
                        + " FROM assignments WHERE session_id = ? AND member_id = ? ORDER BY analysis_id")
                .bind(sessionId, memberId)
                .list(CommitteeRows::assignment));
    }

    @Override
    public void moveAssignments(String sessionId, List<Assignment> removed, List<Assignment> added) {
        db.write(c -> {
            var delete = c.sql("DELETE FROM assignments WHERE session_id = ? AND member_id = ? AND analysis_id = ?");
            for (var a : removed) {
                delete.bind(sessionId, a.memberId(), a.analysisId()).addBatch();
            }
            delete.runBatch();
            insertAssignments(c, added);
            return null;
        });
    }

    private static void insertAssignments(SqliteConnection c, List<Assignment> assignments) throws SQLException {
        var insert = c.sql("INSERT OR REPLACE INTO assignments (" + ASSIGNMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
        for (var a : assignments) {
            insert.bind(CommitteeRows.values(a)).addBatch();
        }
        insert.runBatch();
    }

    @Override
    public void setConflicts(String sessionId, String memberId, Set<String> analysisIds) {
        db.write(c -> {
            c.sql("DELETE FROM conflicts WHERE session_id = ? AND member_id = ?")
                    .bind(sessionId, memberId)
                    .update();
            var insert = c.sql("INSERT INTO conflicts (session_id, member_id, analysis_id) VALUES (?, ?, ?)");
            for (var id : analysisIds) {
                insert.bind(sessionId, memberId, id).addBatch();
            }
            insert.runBatch();
            return null;
        });
    }

    @Override
    public Map<String, Set<String>> conflicts(String sessionId) {
        var result = new LinkedHashMap<String, Set<String>>();
        db.read(c -> c.sql("SELECT member_id, analysis_id FROM conflicts WHERE session_id = ? "
                                + "ORDER BY member_id, analysis_id")
                        .bind(sessionId)
                        .list(rs -> Map.entry(rs.getString(1), rs.getString(2))))
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>())
                        .add(e.getValue()));
        return result;
    }

    @Override
    public void close() {
        db.close();
    }
}
