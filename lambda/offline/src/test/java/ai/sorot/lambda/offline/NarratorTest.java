package ai.sorot.lambda.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.lambda.pipeline.NarrationRequest;
import ai.sorot.lambda.pipeline.SpeechScript;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both local voices produce real speech: a WAV of the expected length that is neither silent nor noise. */
class NarratorTest {

    private static final SpeechScript SCRIPT = new SpeechScript(List.of(
            "Sorot audio summary for Brick and Steel, by Stu Maschwitz.",
            "It is a three page short screenplay, about three minutes on screen, in eight scenes.",
            "Verdict: consider, with an overall score of seventy out of one hundred."));

    @Test
    void freeTtsSpeaksInPureJava() {
        var result = new FreeTtsNarrator().narrate(new NarrationRequest("a", SCRIPT, Duration.ofSeconds(60)));
        assertSpeech(result.output().bytes(), result.output().durationSeconds());
        assertThat(result.provenance().offline()).isTrue();
        assertThat(result.usage().characters()).isEqualTo(SCRIPT.plainText().length());
    }

    @Test
    void espeakSpeaksWhenInstalled() {
        var espeak = EspeakNarrator.find();
        assumeTrue(espeak.isPresent(), "espeak-ng is not installed (CI installs it)");
        var result = espeak.get().narrate(new NarrationRequest("a", SCRIPT, Duration.ofSeconds(60)));
        assertSpeech(result.output().bytes(), result.output().durationSeconds());
        assertThat(result.provenance().provider()).startsWith("espeak-ng");
    }

    @Test
    void aMissingEspeakIsNotFound() {
        assertThat(EspeakNarrator.find("/nonexistent/espeak-ng")).isEmpty();
    }

    @Test
    void ssmlEscapesTheTextAndPausesBetweenParagraphs() {
        assertThat(EspeakNarrator.ssml(List.of("Tom & Jerry <3", "Next")))
                .isEqualTo("<speak>Tom &amp; Jerry &lt;3<break time=\"650ms\"/>Next</speak>");
    }

    /** Twenty-odd words take 6 to 20 s to say; speech has loud syllables and quiet gaps. */
    static void assertSpeech(byte[] wav, double seconds) {
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 4)).isEqualTo("WAVE");
        assertThat(Wav.durationSeconds(wav)).isEqualTo(seconds);
        assertThat(seconds).isBetween(6.0, 20.0);
        var samples = ByteBuffer.wrap(wav, 44, wav.length - 44)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer();
        int windows = 0;
        int loud = 0;
        int quiet = 0;
        int window = 800;
        for (int start = 0; start + window <= samples.limit(); start += window) {
            double sum = 0;
            for (int i = start; i < start + window; i++) {
                sum += (double) samples.get(i) * samples.get(i);
            }
            double rms = Math.sqrt(sum / window);
            windows++;
            loud += rms > 1500 ? 1 : 0;
            quiet += rms < 300 ? 1 : 0;
        }
        assertThat(loud).as("windows with voice").isGreaterThan(windows / 3);
        assertThat(quiet).as("pauses between words").isGreaterThan(windows / 50);
    }
}
