package ai.sorot.lambda.api;

import static ai.sorot.lambda.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.offline.LocalNarrator;
import ai.sorot.lambda.offline.OfflineCoverageAnalyst;
import ai.sorot.lambda.offline.OfflineTrailerAnalyst;
import ai.sorot.lambda.pipeline.Analysts;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.ApiClient;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.api.StepStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server killed with SIGKILL in the middle of an analysis; the next start finishes the work. */
class ResumeAfterKillTest {

    @TempDir
    Path home;

    @Test
    void analysesResumeFromTheirLastFinishedStepAfterTheServerIsKilled() throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // its temp folder is the test's: what the killed JVM leaves there (SQLite's native library) goes with it
        var tmp = Files.createDirectories(home.resolve("jvm-tmp"));
        var process = new ProcessBuilder(
                        java,
                        "-Djava.io.tmpdir=" + tmp,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KillableServer.class.getName(),
                        home.toString())
                .redirectErrorStream(true)
                .start();
        String running;
        String waiting;
        try {
            var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
                assertThat(line)
                        .as("the server process ended before printing its URL")
                        .isNotNull();
            } while (!line.startsWith("URL "));
            var api = new ApiClient(
                    URI.create(line.substring(4).strip()),
                    Files.readString(home.resolve("token")).strip());
            running = api.submitPdf(TestScripts.brickAndSteelPdf(), null, "Killed mid-step", true);
            waiting = api.submitFountain(TestScripts.cyberBobDebateFountain(), "Still queued"); // one worker: it waits
            await("step 2 started")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> json(api.get("/status?id=" + running))
                            .path("data")
                            .path("steps")
                            .get(1)
                            .path("status")
                            .asText()
                            .equals("running"));
            assertThat(json(api.get("/status?id=" + waiting))
                            .path("data")
                            .path("status")
                            .asText())
                    .isEqualTo("queued");
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of SQLite
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        var extractions = new AtomicInteger();
        var reader = new ScreenplayReader();
        var analysts = new Analysts(
                (bytes, name) -> {
                    extractions.incrementAndGet();
                    return reader.read(bytes, name);
                },
                new OfflineCoverageAnalyst(),
                new OfflineTrailerAnalyst(),
                new LocalNarrator(null));
        var sorotHome = new SorotHome(home);
        try (var server = LocalServer.start(LocalServer.Options.defaults(sorotHome)
                .withPort(0)
                .withBackend(LocalBackend.Options.defaults(sorotHome).withAnalysts(analysts)))) {
            var api = new ApiClient(server.url(), server.token());
            assertThat(api.awaitFinal(running, Duration.ofSeconds(60))
                            .path("status")
                            .asText())
                    .isEqualTo("completed");
            assertThat(api.awaitFinal(waiting, Duration.ofSeconds(60))
                            .path("status")
                            .asText())
                    .isEqualTo("completed");
            var job = server.backend().jobs().find(running).orElseThrow();
            assertThat(job.step(PipelineStep.EXTRACT).attempts())
                    .as("step 1 ran once, before the kill")
                    .isEqualTo(1);
            assertThat(job.step(PipelineStep.COVERAGE).attempts())
                    .as("step 2 claimed again after the kill")
                    .isEqualTo(2);
            assertThat(job.step(PipelineStep.COVERAGE).status()).isEqualTo(StepStatus.COMPLETED);
            assertThat(extractions)
                    .as("only the queued analysis needed extracting")
                    .hasValue(1);
            assertThat(api.getBytes("/analyses/" + running + "/audio").statusCode())
                    .isEqualTo(200);
        }
    }
}
