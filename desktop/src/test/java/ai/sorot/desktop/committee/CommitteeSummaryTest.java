package ai.sorot.desktop.committee;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.committee.AnalysisReviews;
import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.ReviewAggregate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committee's line beside the curator's own rating: a split is said, a blind session explains itself. */
class CommitteeSummaryTest {

    private static AnalysisReviews of(ReviewAggregate aggregate, boolean hidden) {
        return new AnalysisReviews("a1", List.of(), aggregate, hidden);
    }

    @Test
    void aSplitCommitteeIsSaidWithItsMeanVerdictsAndSpread() {
        var split =
                new ReviewAggregate(3, 3.0, Map.of(CommitteeVerdict.ACCEPT, 1, CommitteeVerdict.DECLINE, 2), 4, 1.63);
        assertThat(CommitteeSummary.describe(of(split, false), true))
                .isEqualTo("3 reviews · mean 3.0★ · 1 accept · 2 decline · spread 4 (split: discuss it)");
        var agreed = new ReviewAggregate(2, 4.0, Map.of(CommitteeVerdict.MAYBE, 2), 0, 0.0);
        assertThat(CommitteeSummary.describe(of(agreed, false), true))
                .isEqualTo("2 reviews · mean 4.0★ · 2 maybe · spread 0 (all agree)");
    }

    @Test
    void aBlindSessionSaysWhatIsMissingAndNothingSyncedIsNotNoReviews() {
        assertThat(CommitteeSummary.describe(of(new ReviewAggregate(0, null, Map.of(), null, null), true), false))
                .contains("once you have rated");
        assertThat(CommitteeSummary.describe(of(new ReviewAggregate(0, null, Map.of(), null, null), true), true))
                .contains("once your review reaches the server");
        assertThat(CommitteeSummary.describe(null, false)).contains("not been synced");
        assertThat(CommitteeSummary.describe(of(new ReviewAggregate(0, null, Map.of(), null, null), false), false))
                .startsWith("No one on the committee");
    }

    @Test
    void anAnswerWithoutTheApisEnvelopeIsNamedByItsStatus() {
        assertThat(CommitteeClient.failureOf(403, "<html>Forbidden</html>".getBytes())
                        .code()
                        .name())
                .isEqualTo("FORBIDDEN");
        assertThat(CommitteeClient.failureOf(401, new byte[0]).isUnauthorized()).isTrue();
        assertThat(CommitteeClient.failureOf(
                                409,
                                "{\"success\":false,\"error\":{\"code\":\"REVIEW_CONFLICT\",\"message\":\"m\"}}"
                                        .getBytes())
                        .rawCode())
                .isEqualTo("REVIEW_CONFLICT");
        assertThat(CommitteeClient.failureOf(503, new byte[0]).isUnreachable()).isTrue();
    }
}
