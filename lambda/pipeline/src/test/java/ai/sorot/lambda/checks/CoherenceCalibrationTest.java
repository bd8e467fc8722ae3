package ai.sorot.lambda.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * No real script of the shared corpora is flagged INCOHERENT_TEXT; every generated one with enough
 * text is. The corpora also hold parser test files whose prose is one word repeated ("Action.
 * action. action.", "Blah blah blah"): placeholder text, which the check is for, and flags.
 */
class CoherenceCalibrationTest {

    @Test
    void noRealScriptIsFlaggedAndEveryRandomOrShuffledOneIs() throws Exception {
        var shared = CoherenceCalibration.shared();
        assumeTrue(shared != null, "the shared corpus is not here");
        var rows = CoherenceCalibration.measure(shared);
        var real = rows.stream()
                .filter(r -> r.kind().equals("real") && !r.placeholder())
                .toList();
        assertThat(real).hasSizeGreaterThan(20);
        assertThat(real)
                .filteredOn(CoherenceCalibration.Row::flagged)
                .extracting(CoherenceCalibration.Row::name)
                .isEmpty();
        var placeholders = rows.stream()
                .filter(r -> r.kind().equals("real") && r.placeholder())
                .toList();
        assertThat(placeholders).isNotEmpty().allMatch(CoherenceCalibration.Row::flagged);
        var generated = rows.stream().filter(r -> !r.kind().equals("real")).toList();
        assertThat(generated).hasSizeGreaterThan(10);
        assertThat(generated)
                .filteredOn(r -> !r.flagged())
                .extracting(r -> r.kind() + " " + r.name() + " " + r.coherence())
                .isEmpty();
        // OpenNLP's tagger alone separates them too, on either side of its threshold
        var englishReal = real.stream()
                .filter(r -> r.coherence().enoughText()
                        && r.language() != null
                        && r.language().isEnglish())
                .toList();
        assertThat(englishReal).hasSizeGreaterThan(15);
        assertThat(englishReal)
                .allSatisfy(r -> assertThat(r.tags().meanProbability())
                        .as(r.name())
                        .isGreaterThan(Coherence.MIN_TAG_CONFIDENCE + 0.03));
        assertThat(generated)
                .allSatisfy(r -> assertThat(r.tags().meanProbability())
                        .as(r.kind() + " " + r.name())
                        .isLessThan(Coherence.MIN_TAG_CONFIDENCE - 0.03));
    }
}
