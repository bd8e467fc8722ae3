package ai.sorot.lambda.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.offline.LocalNarrator;
import ai.sorot.lambda.offline.OfflineCoverageAnalyst;
import ai.sorot.lambda.offline.OfflineTrailerAnalyst;
import ai.sorot.lambda.pipeline.Analysts;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.ApiClient;
import ai.sorot.lambda.support.TestScripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committee's routes on {@code ./sorot serve}'s server over real HTTP on loopback, its store
 * a SQLite file in the Sorot home, analyses submitted and read by the offline analysts.
 */
class CommitteeHttpTest extends CommitteeApiContract {

    @TempDir
    static Path home;

    static LocalServer server;
    static ApiClient api;
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        var reader = new ScreenplayReader();
        var analysts = new Analysts(
                reader::read, new OfflineCoverageAnalyst(), new OfflineTrailerAnalyst(), new LocalNarrator(null));
        var options = LocalServer.Options.defaults(new SorotHome(home))
                .withPort(0)
                .withBackend(LocalBackend.Options.defaults(new SorotHome(home))
                        .withAnalysts(analysts)
                        .withWorkers(2));
        server = LocalServer.start(options);
        api = new ApiClient(server.url(), server.token());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Override
    protected Answer call(String method, String path, String body, String token, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(server.url().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var answerHeaders = new HashMap<String, String>();
            response.headers().map().forEach((k, v) -> answerHeaders.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            return new Answer(response.statusCode(), answerHeaders, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String ownerToken() {
        return server.token();
    }

    @Override
    protected String newAnalysis(String title) {
        // the title in the text too, so that no two submissions are the same content
        var id = api.submitFountain("Title: " + title + "\n\n" + TestScripts.cyberBobDebateFountain(), title);
        assertThat(api.awaitFinal(id, Duration.ofSeconds(120)).path("status").asText())
                .isEqualTo("completed");
        return id;
    }
}
