package ai.sorot.lambda.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.sorot.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

/** A client of the Sorot API over real HTTP, the way the desktop app talks to it. */
public final class ApiClient {

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public URI base() {
        return base;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> post(String path, Object body) {
        return post(path, write(body));
    }

    public HttpResponse<String> sendRaw(HttpRequest.Builder builder) {
        return send(builder);
    }

    public HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public ApiClient withToken(String other) {
        return new ApiClient(base, other);
    }

    /** Submits a PDF inline, as the seed's example does, and returns the analysis id. */
    public String submitPdf(byte[] pdf, String trailerUrl, String title, boolean force) {
        var body = Json.mapper().createObjectNode();
        body.put("pdfData", Base64.getEncoder().encodeToString(pdf));
        body.put("fileName", "script.pdf");
        if (trailerUrl != null) {
            body.put("trailerUrl", trailerUrl);
        }
        if (title != null) {
            body.put("title", title);
        }
        if (force) {
            body.put("force", true);
        }
        var response = post("/analyze", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("data").path("analysisId").asText();
    }

    public String submitFountain(String text, String title) {
        var body = Json.mapper().createObjectNode();
        body.put("fountainText", text);
        body.put("fileName", "script.fountain");
        if (title != null) {
            body.put("title", title);
        }
        var response = post("/analyze", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("data").path("analysisId").asText();
    }

    /** Polls {@code /status} until the analysis is completed or failed; returns the last status data. */
    public JsonNode awaitFinal(String id, Duration timeout) {
        return await("analysis " + id + " completed or failed")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> json(get("/status?id=" + id)).path("data"),
                        data -> data.path("status").asText().equals("completed")
                                || data.path("status").asText().equals("failed"));
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
