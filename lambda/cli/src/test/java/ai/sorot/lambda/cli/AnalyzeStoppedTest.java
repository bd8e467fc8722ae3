package ai.sorot.lambda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.support.TestScripts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./sorot analyze} stopped with Ctrl+C or a kill in the middle leaves nothing in the temp folder. */
class AnalyzeStoppedTest {

    @TempDir
    Path dir;

    @Test
    void anAnalysisStoppedMidwayRemovesItsScratchHome() throws Exception {
        var tmp = Files.createDirectory(dir.resolve("tmp"));
        var pdf = Files.write(dir.resolve("Brick.pdf"), TestScripts.brickAndSteelPdf());
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(
                        java,
                        "-XX:-UsePerfData",
                        "-Djava.io.tmpdir=" + tmp,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SorotCli.class.getName(),
                        "analyze",
                        pdf.toString(),
                        "--no-save",
                        "--out",
                        dir.resolve("out").toString())
                .redirectErrorStream(true);
        builder.environment().put("SOROT_HOME", dir.resolve("home").toString());
        var process = builder.start();
        var seen = new StringBuilder();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.contains("[1/5]")) {
                    try (Stream<Path> during = Files.list(tmp)) {
                        assertThat(during.map(p -> p.getFileName().toString()))
                                .as("the scratch home is there while it runs")
                                .anyMatch(name -> name.startsWith("sorot-analyze-"));
                    }
                    process.destroy(); // SIGTERM, as Ctrl+C: shutdown hooks run, finally blocks do not
                    break;
                }
            }
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(seen.toString()).isTrue();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("left in the temp folder; output:\n" + seen)
                    .noneMatch(name -> name.startsWith("sorot-"));
        }
    }
}
