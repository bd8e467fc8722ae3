package ai.sorot.lambda.committee;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.committee.Review;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionAgreementTest {

    private static Review rating(String analysis, String member, int rating) {
        return new Review(analysis, member, member, rating, null, null, false, "s", null, 1, Instant.EPOCH);
    }

    @Test
    void theWidestSplitsComeFirstAndAlphaCoversOnlyScriptsReadTwice() {
        var titles = new LinkedHashMap<String, String>();
        titles.put("a1", "Agreed");
        titles.put("a2", "Split");
        titles.put("a3", "Slightly split");
        titles.put("a4", "Read once");
        var agreement = SessionAgreement.of(
                titles,
                List.of(
                        rating("a1", "ada", 4),
                        rating("a1", "ben", 4),
                        rating("a2", "ada", 1),
                        rating("a2", "ben", 5),
                        rating("a3", "ada", 3),
                        rating("a3", "ben", 4),
                        rating("a4", "ada", 2)));
        assertThat(agreement.method()).isEqualTo(SessionAgreement.METHOD);
        assertThat(agreement.scriptsCompared()).isEqualTo(3);
        assertThat(agreement.alpha()).isNotNull().isLessThan(1.0);
        assertThat(agreement.mostDisputed()).extracting(d -> d.title()).containsExactly("Split", "Slightly split");
        assertThat(agreement.mostDisputed().get(0).ratings()).containsExactly(1, 5);
        assertThat(agreement.mostDisputed().get(0).ratingSpread()).isEqualTo(4);
    }

    @Test
    void withOneComparableScriptThereIsNoAlpha() {
        var titles = new LinkedHashMap<String, String>();
        titles.put("a1", "One");
        var agreement = SessionAgreement.of(titles, List.of(rating("a1", "ada", 1), rating("a1", "ben", 5)));
        assertThat(agreement.alpha()).isNull();
        assertThat(agreement.scriptsCompared()).isEqualTo(1);
    }
}
