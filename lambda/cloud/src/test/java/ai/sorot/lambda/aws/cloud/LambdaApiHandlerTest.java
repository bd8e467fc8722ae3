package ai.sorot.lambda.aws.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.sorot.lambda.api.ApiRouter;
import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.offline.Wav;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda handler fed real HTTP API payload-2.0 events (the JSON API Gateway sends, in
 * {@code src/test/resources/events}), over a local backend.
 */
class LambdaApiHandlerTest {

    @TempDir
    static Path home;

    static LocalBackend backend;
    static LambdaApiHandler handler;
    static String token;

    @BeforeAll
    static void start() {
        backend = LocalBackend.open(LocalBackend.Options.defaults(new SorotHome(home)));
        handler = new LambdaApiHandler(new ApiRouter(backend.backend()));
        token = backend.token().token();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    static APIGatewayV2HTTPEvent event(String name, Map<String, String> values) {
        try (InputStream in = LambdaApiHandlerTest.class.getResourceAsStream("/events/" + name)) {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${TOKEN}", token);
            for (var e : values.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            return Json.mapper().readValue(text, APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(APIGatewayV2HTTPResponse response) throws IOException {
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8");
        return Json.mapper().readTree(response.getBody());
    }

    private String submitSeedExample() throws IOException {
        var pdf = Base64.getEncoder().encodeToString(TestScripts.cyberBobPdf());
        var response =
                handler.handleRequest(event("analyze-seed.json", Map.of("PDF_BASE64", pdf, "LENGTH", "0")), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        var data = body(response).path("data");
        assertThat(data.path("status").asText()).isIn("processing", "completed");
        return data.path("analysisId").asText();
    }

    private JsonNode awaitCompleted(String id) throws Exception {
        return await("analysis " + id + " completed")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> {
                            var data = body(handler.handleRequest(
                                            event("status.json", Map.of("ANALYSIS_ID", id)), null))
                                    .path("data");
                            assertThat(data.path("status").asText()).isNotEqualTo("failed");
                            return data;
                        },
                        data -> data.path("status").asText().equals("completed"));
    }

    @Test
    void theSeedsAnalyzeAndStatusEventsRunAnAnalysisToItsReport() throws Exception {
        var id = submitSeedExample();
        assertThat(id).matches("analysis-\\d+-[a-z0-9]+");
        var status = awaitCompleted(id);
        assertThat(status.path("totalSteps").asInt()).isEqualTo(5);
        assertThat(status.path("progress").asInt()).isEqualTo(100);

        var report = body(handler.handleRequest(event("report.json", Map.of("ANALYSIS_ID", id)), null))
                .path("data");
        assertThat(report.path("trailerUrl").asText()).isEqualTo("https://youtube.com/watch?v=example");
        assertThat(report.path("coverage").path("provenance").path("provider").asText())
                .isEqualTo("Sorot's own measures, no model");
        assertThat(report.path("coverage").path("provenance").path("place").asText())
                .isEqualTo("NO_MODEL");

        var audio = handler.handleRequest(event("audio.json", Map.of("ANALYSIS_ID", id)), null);
        assertThat(audio.getStatusCode()).isEqualTo(200);
        assertThat(audio.getIsBase64Encoded()).isTrue();
        assertThat(audio.getHeaders()).containsEntry("content-type", "audio/wav");
        assertThat(Wav.durationSeconds(Base64.getDecoder().decode(audio.getBody())))
                .isBetween(10.0, 45.0); // a short

        var list =
                body(handler.handleRequest(event("list.json", Map.of()), null)).path("data");
        assertThat(list.path("items").size()).isBetween(1, 5);
    }

    @Test
    void aBase64EncodedBodyIsDecodedBeforeParsing() throws Exception {
        var json = "{\"fountainText\": %s, \"fileName\": \"debate.fountain\", \"force\": true}"
                .formatted(Json.mapper().writeValueAsString(TestScripts.cyberBobDebateFountain()));
        var event = event(
                "analyze-base64-body.json",
                Map.of("BODY_BASE64", Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))));
        var response = handler.handleRequest(event, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        awaitCompleted(body(response).path("data").path("analysisId").asText());
    }

    @Test
    void healthAndPreflightNeedNoTokenButEverythingElseDoes() throws Exception {
        var health = handler.handleRequest(event("health.json", Map.of()), null);
        assertThat(health.getStatusCode()).isEqualTo(200);
        assertThat(body(health).path("data").path("status").asText()).isEqualTo("ok");
        assertThat(body(health).path("data").has("mode")).isFalse(); // the details are the token holder's
        var withToken = event("health.json", Map.of());
        withToken.getHeaders().put("authorization", "Bearer " + token);
        assertThat(body(handler.handleRequest(withToken, null))
                        .path("data")
                        .path("mode")
                        .asText())
                .isEqualTo("local");

        var preflight = handler.handleRequest(event("preflight.json", Map.of()), null);
        assertThat(preflight.getStatusCode()).isEqualTo(204);
        assertThat(preflight.getHeaders())
                .containsEntry("access-control-allow-origin", "*")
                .containsEntry("access-control-allow-methods", "POST,GET,PUT,DELETE,OPTIONS");

        var refused = handler.handleRequest(event("no-token.json", Map.of()), null);
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(body(refused).path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void uploadsHandOutAUrlForTheFile() throws Exception {
        var response = handler.handleRequest(event("uploads.json", Map.of()), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        var data = body(response).path("data");
        assertThat(data.path("uploadId").asText()).startsWith("upload-");
        assertThat(data.path("uploadUrl").asText())
                .contains("/uploads/" + data.path("uploadId").asText());
    }

    @Test
    void theResponseSerialisesToTheShapeApiGatewayExpects() throws Exception {
        var response = handler.handleRequest(event("health.json", Map.of()), null);
        var json = Json.mapper().readTree(Json.mapper().writeValueAsString(response));
        assertThat(json.path("statusCode").asInt()).isEqualTo(200);
        assertThat(json.has("isBase64Encoded")).isTrue();
        assertThat(json.path("headers").path("content-type").asText()).startsWith("application/json");
        assertThat(Json.mapper()
                        .readTree(json.path("body").asText())
                        .path("success")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void anEventWithoutRequestContextStillRoutesByRouteKeyAndRawPath() throws Exception {
        var event = event("health.json", Map.of());
        event.setRequestContext(null);
        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(200);
    }
}
