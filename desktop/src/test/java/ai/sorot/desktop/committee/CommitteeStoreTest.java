package ai.sorot.desktop.committee;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.Review;
import ai.sorot.model.committee.ReviewConflict;
import ai.sorot.model.committee.ReviewInput;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real SQLite file: what a crash or a restart must not lose. */
class CommitteeStoreTest {

    @TempDir
    Path dir;

    private static ReviewInput input(int rating, CommitteeVerdict verdict) {
        return new ReviewInput(rating, verdict, "", false, null, null);
    }

    private static Review review(String id, long version, int rating) {
        return new Review(
                id, "m1", "Ada", rating, CommitteeVerdict.MAYBE, "", false, null, null, version, Instant.now());
    }

    @Test
    void aQueuedReviewOutlivesClosingTheStoreAndANewerEditKeepsTheVersionItWasBasedOn() {
        var file = dir.resolve("committee.db");
        try (var store = CommitteeStore.open(file)) {
            store.enqueue("a1", input(3, CommitteeVerdict.MAYBE), 2);
            store.enqueue("a1", input(5, CommitteeVerdict.ACCEPT), 4);
        }
        try (var store = CommitteeStore.open(file)) {
            var pending = store.pending();
            assertThat(pending).hasSize(1);
            assertThat(pending.getFirst().input().rating()).isEqualTo(5);
            assertThat(pending.getFirst().basedOn()).isEqualTo(2);
            assertThat(pending.getFirst().blocked()).isFalse();
        }
    }

    @Test
    void anAcceptedWriteLeavesTheOutboxAndBecomesTheBaseInOneStep() {
        try (var store = CommitteeStore.open(dir.resolve("c.db"))) {
            store.enqueue("a1", input(4, CommitteeVerdict.ACCEPT), 0);
            store.accepted(review("a1", 1, 4));
            assertThat(store.pending()).isEmpty();
            assertThat(store.mine("a1")).get().extracting(Review::version).isEqualTo(1L);
            assertThat(store.me()).contains("m1");
        }
    }

    @Test
    void aConflictKeepsBothVersionsUntilTheCuratorChooses() {
        try (var store = CommitteeStore.open(dir.resolve("c.db"))) {
            var mine = input(2, CommitteeVerdict.DECLINE);
            store.enqueue("a1", mine, 1);
            var theirs = review("a1", 2, 5);
            store.conflicted("a1", new ReviewConflict("REVIEW_CONFLICT", "changed", theirs, mine));
            var pending = store.pending("a1").orElseThrow();
            assertThat(pending.blocked()).isTrue();
            assertThat(pending.input()).isEqualTo(mine);
            assertThat(pending.conflict().current().rating()).isEqualTo(5);

            store.rebase("a1", 2);
            var rebased = store.pending("a1").orElseThrow();
            assertThat(rebased.blocked()).isFalse();
            assertThat(rebased.basedOn()).isEqualTo(2);
            assertThat(rebased.input()).isEqualTo(mine);
        }
    }
}
