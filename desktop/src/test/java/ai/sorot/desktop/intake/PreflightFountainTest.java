package ai.sorot.desktop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window refuses a Fountain file exactly when an analysis would: the backend's decision, NOT_A_SCREENPLAY with its evidence. */
class PreflightFountainTest {

    @TempDir
    Path dir;

    private final Preflight preflight = new Preflight();

    @Test
    void randomBytesNamedFountainAreNotAScreenplay() throws Exception {
        var bytes = new byte[4_000];
        new Random(7).nextBytes(bytes);
        var file = Files.write(dir.resolve("noise.fountain"), bytes);
        assertThat(preflight.check(file)).isInstanceOfSatisfying(PreflightResult.Refused.class, r -> {
            assertThat(r.code()).isEqualTo("NOT_A_SCREENPLAY");
            assertThat(r.reason()).contains("noise.fountain").contains("not text");
        });
    }

    @Test
    void proseWithNoHeadingOrCueIsNotAScreenplayAndSaysWhy() throws Exception {
        var random = new Random(3);
        var text = new StringBuilder();
        while (text.length() < 4_000) {
            text.append("the ")
                    .append(Integer.toString(random.nextInt(1 << 20), 36))
                    .append(" went on. ");
        }
        var file = Files.writeString(dir.resolve("essay.fountain"), text, StandardCharsets.UTF_8);
        assertThat(preflight.check(file)).isInstanceOfSatisfying(PreflightResult.Refused.class, r -> {
            assertThat(r.code()).isEqualTo("NOT_A_SCREENPLAY");
            assertThat(r.reason()).containsPattern("no scene headings or character cues in [\\d,]+ characters");
        });
    }

    @Test
    void aShortRealSceneIsAccepted() throws Exception {
        var file = Files.writeString(
                dir.resolve("scene.fountain"), "INT. KITCHEN - NIGHT\n\nA kettle screams.\n\nMARA\nLeave it.\n");
        assertThat(preflight.check(file)).isInstanceOf(PreflightResult.Accepted.class);
    }
}
