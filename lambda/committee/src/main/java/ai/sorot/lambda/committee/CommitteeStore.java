package ai.sorot.lambda.committee;

import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.Member;
import ai.sorot.model.committee.Review;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a committee's members, reviews and reading sessions live: a SQLite file beside the job
 * store on an office server, a DynamoDB table on the deployed stack. Both keep the same promises
 * ({@code CommitteeStoreContract} holds them to it): a review is keyed (analysis, member) and
 * written only against the version it was based on, so two devices never overwrite each other
 * silently; a member is found by the SHA-256 of their token, never by the token itself.
 */
public interface CommitteeStore extends AutoCloseable {

    /** Adds a member with the hash of their token ({@link MemberTokens#hash}). */
    void addMember(Member member, String tokenHash);

    Optional<Member> member(String memberId);

    /** Every member, revoked ones included, oldest first. */
    List<Member> members();

    /** The member whose token hashes to {@code tokenHash}, revoked or not: the caller decides. */
    Optional<Member> memberByTokenHash(String tokenHash);

    /** The active member tied to a signed-in identity. */
    Optional<Member> memberBySubject(String subject);

    /** Revokes a member; false when there is no such member or it was revoked already. */
    boolean revoke(String memberId, Instant at);

    Optional<Review> review(String analysisId, String memberId);

    /** Every member's review of one analysis. */
    List<Review> reviews(String analysisId);

    /** The reviews written in one session, across its scripts. */
    List<Review> sessionReviews(String sessionId);

    /** One member's reviews written in one session: what marks their queue's scripts as reviewed. */
    List<Review> sessionReviews(String sessionId, String memberId);

    /**
     * Writes a review if the stored one is still at {@code basedOn}: {@link ReviewWrite#NONE} for
     * a first review, {@link ReviewWrite#ANY} to overwrite whatever is there. The store sets the
     * new version (the old one plus one) and keeps everything else as given.
     */
    ReviewWrite putReview(Review review, long basedOn);

    void createSession(StoredSession session, List<Assignment> assignments);

    Optional<StoredSession> session(String sessionId);

    /** Every assignment of a session ({@code reviewed} is left false: the caller knows the reviews). */
    List<Assignment> assignments(String sessionId);

    /** One reader's queue in a session, by analysis id. */
    List<Assignment> queue(String sessionId, String memberId);

    /** Takes {@code removed} off their readers and gives {@code added} to theirs. */
    void moveAssignments(String sessionId, List<Assignment> removed, List<Assignment> added);

    /** Replaces the analyses a member declared a conflict with in a session. */
    void setConflicts(String sessionId, String memberId, Set<String> analysisIds);

    /** Declared conflicts of a session, by member. */
    Map<String, Set<String>> conflicts(String sessionId);

    @Override
    void close();
}
