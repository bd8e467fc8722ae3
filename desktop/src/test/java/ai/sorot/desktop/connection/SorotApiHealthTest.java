package ai.sorot.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.SorotHome;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's health check against the real local server over loopback: {@code /health} tells
 * an anonymous caller only that the API is up, so the client sends its token when it has one and
 * the connection tooltip and Settings still name the analysers.
 */
class SorotApiHealthTest {

    @TempDir
    static Path home;

    static LocalServer server;

    @BeforeAll
    static void start() {
        server = LocalServer.start(
                LocalServer.Options.defaults(new SorotHome(home)).withPort(0));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void withItsTokenTheClientLearnsTheModeAndTheAnalysers() {
        var api = new SorotApi(SorotApi.defaultClient(), new Endpoint(server.url(), server.token(), true));
        var health = api.health();
        assertThat(health.mode()).isEqualTo("local");
        assertThat(health.analysers()).containsKey("coverage");
    }

    @Test
    void withoutATokenTheClientLearnsOnlyThatTheApiIsUp() {
        var api = new SorotApi(SorotApi.defaultClient(), new Endpoint(server.url(), null, false));
        var health = api.health();
        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.version()).isNotBlank();
        assertThat(health.mode()).isNull();
        assertThat(health.analysers()).isNull();
    }
}
