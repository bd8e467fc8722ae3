package ai.sorot.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.ServerCertificate;
import ai.sorot.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner's own desktop beside {@code ./sorot serve --bind 0.0.0.0} on the same home: it finds the
 * server through {@code server.json}, reaches it on loopback (not the wildcard), and trusts the
 * certificate that file names without asking. A real HTTPS server on every interface.
 */
class EmbeddedBackendTlsTest {

    @TempDir
    Path dir;

    @Test
    void aServeOnEveryInterfaceOnThisHomeIsReachedOnLoopbackWithItsCertificatePinned() throws Exception {
        var serverHome = new ai.sorot.lambda.local.SorotHome(dir.resolve("server"));
        var certificate = ServerCertificate.selfSigned(serverHome.ensureExists().tls());
        var sleeper =
                new ProcessBuilder("sleep", "60").start(); // stands for the serve process: server.json names a live pid
        try (var server = LocalServer.start(LocalServer.Options.defaults(serverHome)
                .withHost("0.0.0.0")
                .withPort(0)
                .withTls(certificate))) {
            var info = Json.mapper().readTree(serverHome.serverInfo().toFile());
            assertThat(info.path("fingerprint").asText()).isEqualTo(certificate.fingerprint());
            var desktopHome = new DesktopHome(dir.resolve("desktop-home"));
            var backendHome = new ai.sorot.lambda.local.SorotHome(desktopHome.root()).ensureExists();
            Files.write(
                    backendHome.serverInfo(),
                    Json.mapper()
                            .writeValueAsBytes(Map.of(
                                    "url",
                                    info.path("url").asText(),
                                    "pid",
                                    sleeper.pid(),
                                    "tokenFile",
                                    info.path("tokenFile").asText(),
                                    "fingerprint",
                                    info.path("fingerprint").asText())));

            var source = new EmbeddedBackend(desktopHome);
            var endpoint = source.open();
            assertThat(endpoint.baseUrl().toString())
                    .isEqualTo("https://127.0.0.1:" + server.url().getPort());
            assertThat(source.describe()).isEqualTo("Local · sorot serve");
            var health = new SorotApi(SorotApi.defaultClient(new CertificatePins(desktopHome)), endpoint).health();
            assertThat(health.mode()).isEqualTo("local");
        } finally {
            sleeper.destroy();
            sleeper.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
