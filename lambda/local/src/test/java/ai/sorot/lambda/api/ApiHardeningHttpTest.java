package ai.sorot.lambda.api;

import static ai.sorot.lambda.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.offline.OfflineAnalysts;
import ai.sorot.lambda.pipeline.StepBudgets;
import ai.sorot.lambda.support.ApiClient;
import ai.sorot.lambda.support.RawHttp;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an outside probe of the local API found, over real HTTP on loopback: a refused request is
 * answered from its head without its body being read; an upload is stored byte for byte whatever
 * its declared type, streamed, and leaves nothing when it fails; {@code /health} tells a caller
 * without the token no more than that the server is up.
 */
class ApiHardeningHttpTest {

    /** How long a test waits for an answer the server must give before the client sends the body. */
    private static final Duration ANSWER = Duration.ofSeconds(30);

    private static final long UPLOAD_MAX = 2L * 1024 * 1024;

    @TempDir
    static Path home;

    static LocalServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        var sorotHome = new SorotHome(home);
        var limits = new ApiLimits(4L * 1024 * 1024, UPLOAD_MAX, Duration.ofHours(1), 300);
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

    // ---- a refused request's body is never read ---------------------------------------------------

    @Test
    void anUploadWithAForgedSignatureIsRefusedBeforeItsBodyIsSent() {
        var forged = uploadUrl().replaceAll("signature=[^&]+", "signature=forged");
        // 98 MB declared, 64 KB sent: the answer must come without the rest
        try (var http = RawHttp.open(
                server.url(),
                "PUT",
                pathAndQuery(forged),
                Map.of("Content-Type", "application/pdf", "Content-Length", "98000000"),
                ANSWER)) {
            var response = http.send(new byte[64 * 1024]).read();
            assertError(response, 401, "UNAUTHORIZED");
        }
        assertThat(filesIn("uploads")).isEmpty();
    }

    @Test
    void aProtectedRouteWithoutTheTokenIsRefusedBeforeItsBodyIsSent() {
        for (var authorization : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer wrong-token"))) {
            var headers = new java.util.HashMap<>(authorization);
            headers.put("Content-Type", "application/json");
            headers.put("Content-Length", Integer.toString(7 * 1024 * 1024)); // under the JSON limit
            try (var http = RawHttp.open(server.url(), "POST", "/analyze", headers, ANSWER)) {
                assertError(
                        http.send("{\"pdfData\": \"".getBytes(StandardCharsets.US_ASCII))
                                .read(),
                        401,
                        "UNAUTHORIZED");
            }
        }
    }

    @Test
    void aJsonBodyDeclaredOverItsLimitIsRefusedWithoutBeingRead() {
        try (var http = RawHttp.open(
                server.url(),
                "POST",
                "/analyze",
                Map.of(
                        "Authorization",
                        "Bearer " + server.token(),
                        "Content-Type",
                        "application/json",
                        "Content-Length",
                        Long.toString(50L * 1024 * 1024)),
                ANSWER)) {
            var response = http.send("{\"pdfData\": \"".getBytes(StandardCharsets.US_ASCII))
                    .read();
            assertError(response, 413, "FILE_TOO_LARGE");
            assertThat(parsed(response).path("error").path("message").asText())
                    .contains("8 MB")
                    .contains("POST /uploads");
        }
    }

    @Test
    void aJsonBodySentWithoutALengthIsCutOffAtItsLimit() {
        var huge = ("{\"pdfData\": \"" + "A".repeat(9 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
        var response = api.sendRaw(api.request("/analyze")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))); // chunked
        assertError(response, 413, "FILE_TOO_LARGE");
    }

    // ---- an upload is bytes ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "text/plain; charset=utf-8",
                "application/x-www-form-urlencoded",
                "application/pdf"
            })
    void anUploadIsStoredByteForByteWhateverContentTypeItDeclares(String contentType) throws Exception {
        var pdf = TestScripts.brickAndSteelPdf();
        assertThat(isUtf8(pdf))
                .as("the fixture must hold bytes that are not UTF-8 text")
                .isFalse();
        var ticket = json(api.post("/uploads", "{}")).path("data");
        var put = api.withToken(null)
                .sendRaw(HttpRequest.newBuilder(
                                URI.create(ticket.path("uploadUrl").asText()))
                        .header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).path("data").path("bytes").asLong()).isEqualTo(pdf.length);
        var uploadId = ticket.path("uploadId").asText();
        assertThat(Files.readAllBytes(blobs().resolve("uploads").resolve(uploadId)))
                .isEqualTo(pdf);

        var accepted = api.post(
                "/analyze", "{\"uploadId\": \"%s\", \"fileName\": \"brick.pdf\", \"force\": true}".formatted(uploadId));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void anUploadSentInChunksIsStreamedUpToItsLimitAndOverItLeavesNothing() {
        var ticket = json(api.post("/uploads", "{}")).path("data");
        var url = URI.create(ticket.path("uploadUrl").asText());
        var tooBig = new byte[(int) UPLOAD_MAX + 1];
        var over = api.withToken(null)
                .sendRaw(HttpRequest.newBuilder(url)
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig))));
        assertError(over, 413, "FILE_TOO_LARGE");
        assertThat(filesIn("uploads")).isEmpty();

        var pdf = TestScripts.cyberBobPdf();
        var chunked = api.withToken(null)
                .sendRaw(HttpRequest.newBuilder(url)
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(pdf))));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(200);
        assertThat(filesIn("uploads")).containsExactly(ticket.path("uploadId").asText());
        api.post(
                "/analyze",
                "{\"uploadId\": \"%s\", \"force\": true}"
                        .formatted(ticket.path("uploadId").asText()));
    }

    @Test
    void anUploadDeclaredOverItsLimitIsRefusedBeforeItsBodyIsSent() {
        try (var http = RawHttp.open(
                server.url(),
                "PUT",
                pathAndQuery(uploadUrl()),
                Map.of("Content-Length", Long.toString(UPLOAD_MAX + 1)),
                ANSWER)) {
            assertError(http.send(new byte[1024]).read(), 413, "FILE_TOO_LARGE");
        }
        assertThat(filesIn("uploads")).isEmpty();
    }

    @Test
    void anUploadCutOffMidwayLeavesNoFile() throws Exception {
        var url = uploadUrl();
        try (var http =
                RawHttp.open(server.url(), "PUT", pathAndQuery(url), Map.of("Content-Length", "1000000"), ANSWER)) {
            http.send(new byte[200_000]);
        } // hung up with 800 KB to go
        // the server notices the hang-up on its own thread
        await().atMost(ANSWER)
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(filesIn("uploads")).isEmpty());
        // the same URL takes the whole file afterwards
        var pdf = TestScripts.cyberBobPdf();
        var again = api.withToken(null)
                .sendRaw(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        var uploadId = URI.create(url).getPath().substring("/uploads/".length());
        assertThat(Files.readAllBytes(blobs().resolve("uploads").resolve(uploadId)))
                .isEqualTo(pdf);
        api.post("/analyze", "{\"uploadId\": \"%s\", \"force\": true}".formatted(uploadId));
    }

    // ---- /health -----------------------------------------------------------------------------------

    @Test
    void healthWithoutAValidTokenSaysOnlyThatTheServerIsUpAndItsVersion() {
        for (var client : List.of(api.withToken(null), api.withToken("wrong-token"))) {
            var response = client.get("/health");
            assertThat(response.statusCode()).isEqualTo(200);
            var data = json(response).path("data");
            assertThat(fieldNames(data)).containsExactly("status", "version");
            assertThat(data.path("status").asText()).isEqualTo("ok");
            assertThat(response.body()).doesNotContain(home.toString()).doesNotContain("SQLite");
        }
        var full = json(api.get("/health")).path("data");
        assertThat(full.path("mode").asText()).isEqualTo("local");
        assertThat(full.path("analysers").path("coverage").asText()).isEqualTo("Sorot's own measures, no model");
        assertThat(full.path("analysers").path("store").asText()).startsWith("SQLite");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static String uploadUrl() {
        return json(api.post("/uploads", "{}")).path("data").path("uploadUrl").asText();
    }

    private static String pathAndQuery(String url) {
        var uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static Path blobs() {
        return server.backend().blobs().root();
    }

    /** The files in a blob folder, temporary ones included. */
    private static List<String> filesIn(String folder) {
        var dir = blobs().resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void assertError(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(parsed(response).path("error").path("code").asText()).isEqualTo(code);
    }

    private static void assertError(java.net.http.HttpResponse<String> response, int status, String code) {
        LocalApiHttpTest.assertError(response, status, code);
    }

    private static JsonNode parsed(RawHttp.Response response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON (" + response.status() + "): " + response.body(), e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
