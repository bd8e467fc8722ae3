package ai.sorot.lambda.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.lambda.pipeline.NarrationRequest;
import ai.sorot.lambda.pipeline.SpeechScript;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An espeak-ng that answers its version but then never finishes: the step's budget still holds. */
class HungEspeakTest {

    @TempDir
    Path dir;

    private Path script(String body) throws Exception {
        var file = dir.resolve("espeak-ng");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    @Test
    void aSynthesiserThatNeverFinishesFailsWithStepTimeoutWithinTheBudget() throws Exception {
        var binary = script("""
                if [ "$1" = "--version" ]; then echo "eSpeak NG text-to-speech: 1.51  Data at: x"; exit 0; fi
                exec sleep 60""");
        var narrator = EspeakNarrator.find(binary.toString()).orElseThrow();
        long start = System.nanoTime();
        assertThatThrownBy(() -> narrator.narrate(
                        new NarrationRequest("a", new SpeechScript(List.of("Hello.")), Duration.ofMillis(500))))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STEP_TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aFailingSynthesiserReportsItsOwnMessage() throws Exception {
        var binary = script("""
                if [ "$1" = "--version" ]; then echo "eSpeak NG text-to-speech: 1.51"; exit 0; fi
                echo "no voice data found" >&2; exit 3""");
        var narrator = EspeakNarrator.find(binary.toString()).orElseThrow();
        assertThatThrownBy(() -> narrator.narrate(
                        new NarrationRequest("a", new SpeechScript(List.of("Hello.")), Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ANALYST_FAILED);
                    assertThat(e.getMessage()).contains("exit 3").contains("no voice data found");
                });
    }

    @Test
    void aVersionProbeThatHangsMeansNoEspeak() throws Exception {
        var binary = script("exec sleep 60");
        long start = System.nanoTime();
        assertThat(EspeakNarrator.find(binary.toString())).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
