package ai.sorot.lambda.api;

import static ai.sorot.lambda.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.lambda.cli.SorotCli;
import ai.sorot.lambda.support.ApiClient;
import ai.sorot.lambda.support.TestScripts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sorot serve} on a disk that fills up: a real 24 MB tmpfs mounted over the Sorot home
 * in a private mount namespace ({@code unshare}), so the server meets the system's own "No space
 * left on device". The test reads the home through {@code /proc/<pid>/root}, the server's view.
 */
class DiskFullHttpTest {

    @TempDir
    Path home;

    @Test
    void aFullDiskIsDiskFullAndKeepsWhatWasStoredBefore() throws Exception {
        assumeTrue(canMountPrivately(), "needs unshare with user and mount namespaces (Linux)");
        var java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(
                        "unshare",
                        "-Urm",
                        "sh",
                        "-c",
                        "mount -t tmpfs -o size=24m sorot-full \"$0\" && exec \"$@\"",
                        home.toString(),
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SorotCli.class.getName(),
                        "serve",
                        "--port",
                        "0",
                        "--workers",
                        "1")
                .redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("AWS_") || name.startsWith("SOROT_") || name.contains("GEMINI"));
        builder.environment().putAll(Map.of("SOROT_HOME", home.toString(), "SOROT_ANALYSTS", "offline"));
        var process = builder.start();
        try {
            var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
                assertThat(line).as("the server ended before printing its URL").isNotNull();
            } while (!line.startsWith("Sorot API listening on "));
            var url = URI.create(
                    line.substring("Sorot API listening on ".length()).strip());
            Thread.ofVirtual().start(() -> out.lines().forEach(l -> {})); // keep the pipe from filling
            var seen = Path.of("/proc", Long.toString(process.pid()), "root")
                    .resolve(home.toString().substring(1));
            var api = new ApiClient(url, Files.readString(seen.resolve("token")).strip());

            // earlier data: one finished analysis
            var earlier = api.submitFountain(TestScripts.cyberBobDebateFountain(), "Before the disk filled");
            assertThat(api.awaitFinal(earlier, Duration.ofSeconds(120))
                            .path("status")
                            .asText())
                    .isEqualTo("completed");

            // fill the disk with uploads, smaller and smaller, until not even 1 KB fits
            int refusals = 0;
            for (int size : new int[] {8 << 20, 1 << 20, 128 << 10, 16 << 10, 1 << 10}) {
                while (true) {
                    var put = upload(api, new byte[size]);
                    if (put.statusCode() == 200) {
                        continue;
                    }
                    LocalApiHttpTest.assertError(put, 507, "DISK_FULL");
                    refusals++;
                    assertThat(names(seen.resolve("blobs/uploads"))).noneMatch(n -> n.startsWith(".tmp-"));
                    break;
                }
            }
            assertThat(refusals).isEqualTo(5);

            var padded = TestScripts.cyberBobDebateFountain() + "\n\n[[" + "padding ".repeat(8 * 1024) + "]]";
            var refused = api.post("/analyze", Map.of("fountainText", padded, "title", "On a full disk"));
            LocalApiHttpTest.assertError(refused, 507, "DISK_FULL");
            assertThat(json(refused).path("error").path("message").asText()).contains("free some space");

            // what was stored before is all there, and the refused analysis left no folder behind
            assertThat(names(seen.resolve("blobs/analyses"))).containsExactly(earlier);
            var listed = json(api.get("/analyses?limit=200")).path("data").path("items");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("analysisId").asText()).isEqualTo(earlier);
            assertThat(api.get("/analyses/" + earlier).statusCode()).isEqualTo(200);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static java.net.http.HttpResponse<String> upload(ApiClient api, byte[] bytes) {
        var ticket = json(api.post("/uploads", "{}")).path("data");
        return api.withToken(null)
                .sendRaw(HttpRequest.newBuilder(
                                URI.create(ticket.path("uploadUrl").asText()))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static boolean canMountPrivately() {
        try {
            var probe = new ProcessBuilder(
                            "unshare",
                            "-Urm",
                            "sh",
                            "-c",
                            "mount -t tmpfs -o size=1m probe /mnt || mount -t tmpfs -o size=1m probe /tmp")
                    .redirectErrorStream(true)
                    .start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
