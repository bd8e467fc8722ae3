package ai.sorot.lambda.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TagConfidenceTest {

    private static final List<String> PROSE = List.of(
            "Dr. Hale walks into the kitchen and opens the window.",
            "The wind is cold and the city is still asleep.",
            "I don't know what you want from me, but I am here with you.",
            "She picks up the phone, listens for a moment, then puts it down again.",
            "We should leave before the rain starts.",
            "He sits at the table and reads the letter twice.",
            "You never told me that your brother was coming home.",
            "The old car stops in front of a small house at the end of the road.",
            "They wait in silence until the lights go out.",
            "Mr. Olsen looks at the clock and shakes his head slowly.");

    @Test
    void englishSentencesTagWithMoreConfidenceThanTheSameWordsInRandomOrder() {
        var real = TagConfidence.measure(PROSE);
        var words = new ArrayList<String>();
        PROSE.forEach(p -> words.addAll(Arrays.asList(p.replaceAll("[.,]", "").split(" "))));
        Collections.shuffle(words, new Random(7));
        var shuffled = new ArrayList<String>();
        for (int i = 0; i < words.size(); i += 10) {
            shuffled.add(String.join(" ", words.subList(i, Math.min(words.size(), i + 10))) + ".");
        }
        var random = TagConfidence.measure(shuffled);
        assertThat(real.tokens()).isGreaterThan(100);
        assertThat(real.meanProbability()).isGreaterThan(0.85);
        assertThat(random.meanProbability()).isLessThan(real.meanProbability() - 0.08);
        assertThat(random.unsureShare()).isGreaterThan(real.unsureShare());
    }

    @Test
    void titlesLikeDrDoNotEndASentence() {
        var measured = TagConfidence.measure(List.of(PROSE.get(0), PROSE.get(9)));
        assertThat(measured.sentences()).isEqualTo(2);
    }

    @Test
    void noProseNoFigure() {
        var none = TagConfidence.measure(List.of());
        assertThat(none.tokens()).isZero();
        assertThat(none.meanProbability()).isZero();
    }
}
