package ai.sorot.lambda.api;

import static ai.sorot.lambda.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.offline.OfflineAnalysts;
import ai.sorot.lambda.pipeline.StepBudgets;
import ai.sorot.lambda.support.ApiClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A field of the wrong JSON type is the client's bug, named as such over real HTTP: Jackson's
 * default would turn {@code "fountainText": 123} into a three-character screenplay and analyse it.
 */
class RequestFieldTypesHttpTest {

    @TempDir
    static Path home;

    static LocalServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        var sorotHome = new SorotHome(home);
        var limits = new ApiLimits(4L * 1024 * 1024, 2L * 1024 * 1024, Duration.ofHours(1), 300);
        var backend = new LocalBackend.Options(
                sorotHome,
                1,
                100,
                OfflineAnalysts.standard(),
                StepBudgets.DEFAULT,
                limits,
                Clock.systemUTC(),
                () -> URI.create("http://127.0.0.1"));
        server = LocalServer.start(
                LocalServer.Options.defaults(sorotHome).withPort(0).withBackend(backend));
        api = new ApiClient(server.url(), server.token());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"fountainText\": 123}",
                "{\"fountainText\": true}",
                "{\"fountainText\": 1.5}",
                "{\"fileName\": 7, \"fountainText\": \"INT. HOUSE - DAY\\n\\nA room.\"}"
            })
    void aNumberOrBooleanWhereTextBelongsIsRefusedNotConverted(String body) {
        var response = api.post("/analyze", body);
        LocalApiHttpTest.assertError(response, 400, "INVALID_JSON");
        assertThat(json(response).path("error").path("message").asText()).contains("wrong type");
    }

    @Test
    void nothingWasQueuedForTheRefusedRequests() {
        aNumberOrBooleanWhereTextBelongsIsRefusedNotConverted("{\"fountainText\": 123}");
        var list = json(api.get("/analyses")).path("data");
        assertThat(list.path("items").size()).isZero();
    }
}
