package ai.sorot.lambda.offline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.semantic.Embedder;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Key lines chosen by meaning, with the real embedding model. */
class KeyLinesTest {

    private static final List<String> STORM = List.of(
            "Mara bakes a lemon cake and hums along to the radio.",
            "Waves break over the bow and the deck floods with black water.",
            "The storm tears the mainsail loose and the mast groans.",
            "The captain lashes himself to the wheel as the ship rolls in the storm.",
            "The waves break over the bow again and the deck floods.",
            "Lightning splits the sky above the sinking trawler.",
            "The crew bail seawater from the hold while the gale screams.");

    private static final List<String> COURT = List.of(
            "The judge bangs her gavel and the courtroom falls silent.",
            "The prosecutor hands the jury a photograph of the knife.",
            "A seagull lands on the windowsill outside.",
            "The defendant's lawyer objects and the judge overrules him.",
            "The jury files out to deliberate on the verdict.");

    @Test
    void eachActGivesTheLinesClosestToItsMeaningNotItsFirstAndNotTheSameLineTwice() {
        var picks = KeyLines.central(List.of(STORM, COURT), Function.identity(), new int[] {2, 1}, Embedder.shared());
        assertThat(picks).hasSize(2);
        assertThat(picks.get(0)).hasSize(2).doesNotContain(STORM.getFirst());
        // the two near-identical wave lines say the same thing: at most one of them is picked
        assertThat(picks.get(0))
                .filteredOn(l -> l.contains("break over the bow"))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(picks.get(1)).hasSize(1).doesNotContain("A seagull lands on the windowsill outside.");
    }

    @Test
    void aLongActIsSampledEvenlyThroughout() {
        var lines = java.util.stream.IntStream.range(0, 100).boxed().toList();
        var sample = KeyLines.evenly(lines, 10);
        assertThat(sample).hasSize(10).startsWith(0).contains(50).endsWith(90);
        assertThat(KeyLines.evenly(List.of(1, 2), 10)).containsExactly(1, 2);
    }

    @Test
    void anEmptyActGivesNoLines() {
        var picks = KeyLines.central(
                List.of(List.<String>of(), COURT), Function.identity(), new int[] {2, 2}, Embedder.shared());
        assertThat(picks.get(0)).isEmpty();
        assertThat(picks.get(1)).hasSize(2);
    }
}
