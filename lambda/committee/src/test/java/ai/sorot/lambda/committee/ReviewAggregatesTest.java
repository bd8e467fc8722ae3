package ai.sorot.lambda.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.Review;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewAggregatesTest {

    private static Review review(String member, Integer rating, CommitteeVerdict verdict) {
        return new Review("a", member, member, rating, verdict, null, false, null, null, 1, Instant.EPOCH);
    }

    @Test
    void aSplitCommitteeShowsItsSpreadBesideTheMean() {
        var aggregate = ReviewAggregates.of(List.of(
                review("ada", 1, CommitteeVerdict.DECLINE),
                review("ben", 5, CommitteeVerdict.ACCEPT),
                review("cy", 3, CommitteeVerdict.MAYBE),
                review("di", 5, CommitteeVerdict.ACCEPT)));
        assertThat(aggregate.count()).isEqualTo(4);
        assertThat(aggregate.meanRating()).isEqualTo(3.5);
        assertThat(aggregate.ratingSpread()).isEqualTo(4);
        // population deviation of 1, 5, 3, 5: sqrt(((2.5^2) + (1.5^2) + (0.5^2) + (1.5^2)) / 4) = sqrt(2.75)
        assertThat(aggregate.ratingStdDev()).isCloseTo(Math.sqrt(2.75), within(1e-12));
        assertThat(aggregate.verdictCounts())
                .isEqualTo(Map.of(CommitteeVerdict.ACCEPT, 2, CommitteeVerdict.MAYBE, 1, CommitteeVerdict.DECLINE, 1));
    }

    @Test
    void reviewsWithoutRatingsCountButGiveNoMean() {
        var aggregate = ReviewAggregates.of(List.of(review("ada", null, CommitteeVerdict.MAYBE)));
        assertThat(aggregate.count()).isEqualTo(1);
        assertThat(aggregate.meanRating()).isNull();
        assertThat(aggregate.ratingSpread()).isNull();
        assertThat(aggregate.ratingStdDev()).isNull();
        assertThat(aggregate.verdictCounts())
                .containsEntry(CommitteeVerdict.MAYBE, 1)
                .containsEntry(CommitteeVerdict.ACCEPT, 0);
    }

    @Test
    void noReviewsAreCountZero() {
        var aggregate = ReviewAggregates.of(List.of());
        assertThat(aggregate.count()).isZero();
        assertThat(aggregate.meanRating()).isNull();
    }
}
