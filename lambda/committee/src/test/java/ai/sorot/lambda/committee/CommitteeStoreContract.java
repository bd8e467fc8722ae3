package ai.sorot.lambda.committee;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.Criterion;
import ai.sorot.model.committee.Member;
import ai.sorot.model.committee.Review;
import ai.sorot.model.committee.Role;
import ai.sorot.model.committee.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CommitteeStore} promises, run against each implementation (a SQLite file on an
 * office server, DynamoDB on the stack): members found by token hash and subject, revocation,
 * reviews written only against the version they were based on, sessions with their readers'
 * queues, moved assignments and declared conflicts.
 */
public abstract class CommitteeStoreContract {

    protected static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    protected CommitteeStore store;
    /** Tells this test's items from those of others sharing the store (one DynamoDB table per class). */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    protected abstract CommitteeStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private String id(String name) {
        return name + "-" + run;
    }

    private Member member(String name, Role role, String subject, int minute) {
        return new Member(
                id(name), name, name + "@festival.example", role, subject, T0.plusSeconds(60L * minute), null);
    }

    private Review review(String analysis, String member, int rating, CommitteeVerdict verdict, String session) {
        return new Review(
                id(analysis),
                id(member),
                member,
                rating,
                verdict,
                "notes of " + member,
                rating >= 4,
                session,
                Map.of("story", rating),
                0,
                T0.plusSeconds(rating));
    }

    @Test
    void aMemberIsFoundByTheHashOfTheirTokenAndNeverByAnotherHash() {
        var ada = member("ada", Role.READER, null, 1);
        var token = MemberTokens.newToken();
        store.addMember(ada, MemberTokens.hash(token));

        assertThat(store.memberByTokenHash(MemberTokens.hash(token))).contains(ada);
        assertThat(store.memberByTokenHash(MemberTokens.hash(MemberTokens.newToken())))
                .isEmpty();
        assertThat(store.member(ada.memberId())).contains(ada);
        assertThat(store.members()).contains(ada);
    }

    @Test
    void aRevokedMemberStaysListedWithTheTimeOfRevocationAndIsRevokedOnce() {
        var ben = member("ben", Role.LEAD, null, 2);
        var hash = MemberTokens.hash(MemberTokens.newToken());
        store.addMember(ben, hash);

        assertThat(store.revoke(ben.memberId(), T0.plusSeconds(3600))).isTrue();
        assertThat(store.revoke(ben.memberId(), T0.plusSeconds(7200))).isFalse();
        assertThat(store.revoke(id("nobody"), T0)).isFalse();
        var revoked = store.memberByTokenHash(hash).orElseThrow();
        assertThat(revoked.revokedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(store.member(ben.memberId()).orElseThrow().revoked()).isTrue();
    }

    @Test
    void aSignedInSubjectFindsItsActiveMemberOnly() {
        var cy = member("cy", Role.READER, id("sub-cy"), 3);
        store.addMember(cy, MemberTokens.hash(MemberTokens.newToken()));
        assertThat(store.memberBySubject(id("sub-cy"))).contains(cy);
        assertThat(store.memberBySubject(id("sub-other"))).isEmpty();
        store.revoke(cy.memberId(), T0.plusSeconds(10));
        assertThat(store.memberBySubject(id("sub-cy"))).isEmpty();
    }

    @Test
    void aFirstReviewIsVersionOneAndEachWriteMovesTheVersionOn() {
        var first = store.putReview(review("a1", "ada", 4, CommitteeVerdict.ACCEPT, null), ReviewWrite.NONE);
        assertThat(first).isInstanceOf(ReviewWrite.Written.class);
        assertThat(((ReviewWrite.Written) first).review().version()).isEqualTo(1);

        var second = store.putReview(review("a1", "ada", 5, CommitteeVerdict.ACCEPT, null), 1);
        assertThat(((ReviewWrite.Written) second).review().version()).isEqualTo(2);
        var read = store.review(id("a1"), id("ada")).orElseThrow();
        assertThat(read.rating()).isEqualTo(5);
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.scores()).isEqualTo(Map.of("story", 5));
        assertThat(read.notes()).isEqualTo("notes of ada");
    }

    @Test
    void aWriteBasedOnAnOlderVersionIsRefusedWithTheStoredReviewAndChangesNothing() {
        store.putReview(review("a2", "ada", 3, CommitteeVerdict.MAYBE, null), ReviewWrite.NONE);
        store.putReview(review("a2", "ada", 4, CommitteeVerdict.ACCEPT, null), 1); // the laptop

        var fromTheTrain = store.putReview(review("a2", "ada", 1, CommitteeVerdict.DECLINE, null), 1);
        assertThat(fromTheTrain).isInstanceOf(ReviewWrite.Stale.class);
        var current = ((ReviewWrite.Stale) fromTheTrain).current();
        assertThat(current.rating()).isEqualTo(4);
        assertThat(current.version()).isEqualTo(2);
        assertThat(store.review(id("a2"), id("ada")).orElseThrow().rating()).isEqualTo(4);

        var secondFirst = store.putReview(review("a2", "ada", 2, CommitteeVerdict.DECLINE, null), ReviewWrite.NONE);
        assertThat(secondFirst).isInstanceOf(ReviewWrite.Stale.class);
        var forced = store.putReview(review("a2", "ada", 2, CommitteeVerdict.DECLINE, null), ReviewWrite.ANY);
        assertThat(((ReviewWrite.Written) forced).review().version()).isEqualTo(3);
    }

    @Test
    void aBasedOnVersionForAReviewThatDoesNotExistIsStaleWithNothingCurrent() {
        var write = store.putReview(review("a3", "ada", 3, CommitteeVerdict.MAYBE, null), 4);
        assertThat(write).isEqualTo(new ReviewWrite.Stale(null));
        assertThat(store.review(id("a3"), id("ada"))).isEmpty();
    }

    @Test
    void reviewsAreListedPerAnalysisAndPerSession() {
        var session = id("s1");
        store.putReview(review("a4", "ada", 2, CommitteeVerdict.DECLINE, session), ReviewWrite.NONE);
        store.putReview(review("a4", "ben", 5, CommitteeVerdict.ACCEPT, session), ReviewWrite.NONE);
        store.putReview(review("a5", "ada", 3, CommitteeVerdict.MAYBE, null), ReviewWrite.NONE);

        assertThat(store.reviews(id("a4")))
                .extracting(Review::memberId)
                .containsExactlyInAnyOrder(id("ada"), id("ben"));
        assertThat(store.sessionReviews(session))
                .extracting(Review::analysisId)
                .containsOnly(id("a4"))
                .hasSize(2);
        assertThat(store.sessionReviews(session, id("ben")))
                .extracting(Review::rating)
                .containsExactly(5);

        // a review moved out of the session leaves its listing
        store.putReview(review("a4", "ben", 5, CommitteeVerdict.ACCEPT, null), 1);
        assertThat(store.sessionReviews(session)).extracting(Review::memberId).containsExactly(id("ada"));
    }

    @Test
    void aSessionKeepsItsSettingsItsReadersAndEachReadersQueue() {
        var sid = id("s2");
        var session = new Session(
                sid,
                "Shorts 2027",
                T0,
                id("lead"),
                2,
                true,
                List.of(new Criterion("story", 5)),
                List.of(id("a1"), id("a2")));
        var assignments = List.of(
                new Assignment(sid, id("a1"), "One", id("ada"), 100, false),
                new Assignment(sid, id("a1"), "One", id("ben"), 100, false),
                new Assignment(sid, id("a2"), "Two", id("ada"), 12, false),
                new Assignment(sid, id("a2"), "Two", id("cy"), 12, false));
        store.createSession(new StoredSession(session, List.of(id("ada"), id("ben"), id("cy"))), assignments);

        var stored = store.session(sid).orElseThrow();
        assertThat(stored.session()).isEqualTo(session);
        assertThat(stored.readerIds()).containsExactly(id("ada"), id("ben"), id("cy"));
        assertThat(store.assignments(sid)).containsExactlyInAnyOrderElementsOf(assignments);
        assertThat(store.queue(sid, id("ada")))
                .extracting(Assignment::analysisId)
                .containsExactly(id("a1"), id("a2"));
        assertThat(store.queue(sid, id("ada")).get(0).title()).isEqualTo("One");
        assertThat(store.session(id("none"))).isEmpty();
    }

    @Test
    void aMovedAssignmentLeavesOneQueueForAnother() {
        var sid = id("s3");
        var session = new Session(sid, "Features", T0, id("lead"), 1, false, List.of(), List.of(id("a1")));
        var toAda = new Assignment(sid, id("a1"), "One", id("ada"), 90, false);
        store.createSession(new StoredSession(session, List.of(id("ada"), id("ben"))), List.of(toAda));

        var toBen = new Assignment(sid, id("a1"), "One", id("ben"), 90, false);
        store.moveAssignments(sid, List.of(toAda), List.of(toBen));
        assertThat(store.queue(sid, id("ada"))).isEmpty();
        assertThat(store.queue(sid, id("ben"))).containsExactly(toBen);
        assertThat(store.assignments(sid)).containsExactly(toBen);
    }

    @Test
    void declaredConflictsReplaceTheOnesBefore() {
        var sid = id("s4");
        store.setConflicts(sid, id("ada"), Set.of(id("a1"), id("a2")));
        store.setConflicts(sid, id("ben"), Set.of(id("a3")));
        store.setConflicts(sid, id("ada"), Set.of(id("a2")));
        assertThat(store.conflicts(sid)).isEqualTo(Map.of(id("ada"), Set.of(id("a2")), id("ben"), Set.of(id("a3"))));
        store.setConflicts(sid, id("ben"), Set.of());
        assertThat(store.conflicts(sid)).containsOnlyKeys(id("ada"));
    }
}
