package ai.sorot.lambda.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.lambda.pipeline.NarrationRequest;
import ai.sorot.lambda.pipeline.SpeechScript;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local speech leaves nothing in the system temp folder, even when the process dies in the middle
 * of a sentence (a test JVM that exits, a server killed with -9): the audio comes through a pipe.
 */
class SpeechLeavesNoFilesTest {

    @TempDir
    Path dir;

    /** The child: narrates with the given espeak-ng and waits; the parent kills it. */
    public static void main(String[] args) {
        var narrator = EspeakNarrator.find(args[0]).orElseThrow();
        narrator.narrate(new NarrationRequest("a", new SpeechScript(List.of("Hello.")), Duration.ofSeconds(60)));
    }

    @Test
    void aProcessKilledWhileItSpeaksLeavesNothingInTheTempFolder() throws Exception {
        var tmp = Files.createDirectory(dir.resolve("tmp"));
        var speaking = dir.resolve("speaking");
        var espeak = dir.resolve("espeak-ng");
        Files.writeString(espeak, """
                #!/bin/sh
                if [ "$1" = "--version" ]; then echo "eSpeak NG text-to-speech: 1.51  Data at: x"; exit 0; fi
                touch "%s"
                exec sleep 60
                """.formatted(speaking));
        Files.setPosixFilePermissions(espeak, PosixFilePermissions.fromString("rwx------"));

        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(
                        java,
                        "-XX:-UsePerfData",
                        "-Djava.io.tmpdir=" + tmp,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SpeechLeavesNoFilesTest.class.getName(),
                        espeak.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(speaking) || !child.isAlive());
            assertThat(speaking)
                    .as("the child started speaking: " + Files.readString(dir.resolve("child.log")))
                    .exists();
        } finally {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook
            child.waitFor(10, TimeUnit.SECONDS);
        }

        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("left in the temp folder")
                    .isEmpty();
        }
    }

    @Test
    void espeaksPipedWavSaysHowLongItReallyIs() {
        var espeak = EspeakNarrator.find();
        assumeTrue(espeak.isPresent(), "espeak-ng is not installed (CI installs it)");
        var wav = espeak.get()
                .narrate(new NarrationRequest(
                        "a", new SpeechScript(List.of("Hello there.", "And again.")), Duration.ofSeconds(30)))
                .output()
                .bytes();
        var header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(4)).as("RIFF size").isEqualTo(wav.length - 8);
        int data = 12;
        while (!new String(wav, data, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("data")) {
            data += 8 + header.getInt(data + 4);
        }
        assertThat(header.getInt(data + 4)).as("data size").isEqualTo(wav.length - data - 8);
    }
}
