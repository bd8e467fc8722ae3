package ai.sorot.lambda.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.sorot.lambda.committee.KrippendorffAlpha.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class KrippendorffAlphaTest {

    /**
     * Krippendorff's own worked example ("Computing Krippendorff's Alpha-Reliability", 2011, part
     * C): four observers, twelve units, values 1-5, some missing. He reports alpha = 0.743
     * (nominal), 0.815 (ordinal) and 0.849 (interval).
     */
    private static final Integer[][] OBSERVERS = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
        {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null}
    };

    private static List<List<Integer>> units() {
        var units = new ArrayList<List<Integer>>();
        for (int unit = 0; unit < 12; unit++) {
            int u = unit;
            units.add(Arrays.stream(OBSERVERS)
                    .map(row -> row[u])
                    .filter(Objects::nonNull)
                    .toList());
        }
        return units;
    }

    @Test
    void krippendorffsReliabilityDataGiveHisPublishedOrdinalAlpha() {
        assertThat(KrippendorffAlpha.alpha(units(), Metric.ORDINAL).orElseThrow())
                .isCloseTo(0.815, within(0.0005));
    }

    @Test
    void theSameDataGiveHisNominalAndIntervalAlphas() {
        assertThat(KrippendorffAlpha.alpha(units(), Metric.NOMINAL).orElseThrow())
                .isCloseTo(0.743, within(0.0005));
        assertThat(KrippendorffAlpha.alpha(units(), Metric.INTERVAL).orElseThrow())
                .isCloseTo(0.849, within(0.0005));
    }

    @Test
    void readersWhoAlwaysAgreeHaveAlphaOne() {
        var agreeing = List.of(List.of(1, 1), List.of(3, 3, 3), List.of(5, 5));
        assertThat(KrippendorffAlpha.alpha(agreeing, Metric.ORDINAL).orElseThrow())
                .isEqualTo(1.0);
    }

    @Test
    void readersWhoSystematicallyDisagreeFallBelowZero() {
        var opposed = List.of(List.of(1, 5), List.of(5, 1), List.of(1, 5), List.of(5, 1));
        assertThat(KrippendorffAlpha.alpha(opposed, Metric.ORDINAL).orElseThrow())
                .isLessThan(0);
    }

    @Test
    void withoutPairsOrWithoutVariationAlphaIsUndefined() {
        assertThat(KrippendorffAlpha.alpha(List.of(List.of(4), List.of(2)), Metric.ORDINAL))
                .isEmpty();
        assertThat(KrippendorffAlpha.alpha(List.of(List.of(3, 3), List.of(3, 3)), Metric.ORDINAL))
                .isEmpty();
        assertThat(KrippendorffAlpha.alpha(List.of(), Metric.ORDINAL)).isEmpty();
    }
}
