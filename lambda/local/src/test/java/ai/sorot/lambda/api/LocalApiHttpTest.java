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
import ai.sorot.lambda.offline.Wav;
import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.Analysts;
import ai.sorot.lambda.pipeline.CoverageAnalyst;
import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.ApiClient;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.Json;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Provenance;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local API over real HTTP on loopback, as the desktop app uses it: the seed's examples,
 * every route, the token, every validation error, idempotency, uploads, failures, load.
 */
class LocalApiHttpTest {

    private static final Duration FINISH = Duration.ofSeconds(120);
    private static final String TRAILER = "https://youtube.com/watch?v=example";
    /** Coverage for titles starting "HOLD" waits on this, so tests can look at a running analysis. */
    static final CountDownLatch HOLD = new CountDownLatch(1);

    @TempDir
    static Path home;

    static LocalServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        var reader = new ScreenplayReader();
        var analysts =
                new Analysts(reader::read, new TestCoverage(), new OfflineTrailerAnalyst(), new LocalNarrator(null));
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
        HOLD.countDown();
        server.stop();
    }

    /** The offline analyst, except that a title can ask it to fail or to wait. */
    static final class TestCoverage implements CoverageAnalyst {
        private final OfflineCoverageAnalyst offline = new OfflineCoverageAnalyst();

        @Override
        public Provenance provenance() {
            return offline.provenance();
        }

        @Override
        public AnalystResult<Coverage> analyse(CoverageRequest request) {
            var title = request.title() == null ? "" : request.title();
            if (title.startsWith("FAIL")) {
                throw new IllegalStateException("the analyst broke");
            }
            if (title.startsWith("HOLD")) {
                try {
                    HOLD.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
            return offline.analyse(request);
        }
    }

    // ---- the seed's examples ------------------------------------------------------------------

    @Test
    void seedAnalyzeExampleAnswersAtOnceWithTheSeedsShape() {
        var body = """
                {"pdfData": "%s", "trailerUrl": "https://youtube.com/watch?v=example"}""".formatted(Base64.getEncoder().encodeToString(TestScripts.brickAndSteelPdf()));
        var response = api.post("/analyze", body);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        var node = json(response);
        assertThat(fieldNames(node)).containsExactlyInAnyOrder("success", "data");
        assertThat(node.path("success").asBoolean()).isTrue();
        var data = node.path("data");
        assertThat(data.path("analysisId").asText()).matches("analysis-\\d{13}-[a-z0-9]{8}");
        assertThat(data.path("status").asText()).isIn("processing", "completed");
        assertThat(data.path("message").asText())
                .isIn("Analysis started successfully", "Analysis already exists for this file and trailer");
    }

    @Test
    void seedStatusExampleReportsFiveStepsToCompletion() {
        var id = api.submitPdf(TestScripts.cyberBobPdf(), null, "Status walk", true);
        var seenSteps = new HashSet<Integer>();
        var last = new AtomicReference<JsonNode>();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    var response = api.get("/status?id=" + id);
                    assertThat(response.statusCode()).isEqualTo(200);
                    var data = json(response).path("data");
                    assertThat(data.path("status").asText()).isIn("queued", "processing", "completed");
                    assertThat(data.path("totalSteps").asInt()).isEqualTo(5);
                    assertThat(data.path("currentStep").asInt()).isBetween(1, 5);
                    assertThat(data.path("progress").asInt()).isBetween(0, 100);
                    assertThat(data.path("stepName").asText())
                            .isIn(
                                    "Extracting screenplay",
                                    "Analyzing screenplay",
                                    "Analyzing trailer",
                                    "Scoring and curation",
                                    "Generating audio summary");
                    assertThat(data.path("steps")).hasSize(5);
                    seenSteps.add(data.path("currentStep").asInt());
                    last.set(data);
                    return data.path("status").asText().equals("completed");
                });
        var data = last.get();
        assertThat(data.path("progress").asInt()).isEqualTo(100);
        assertThat(data.path("currentStep").asInt()).isEqualTo(5);
        var steps = data.path("steps");
        assertThat(steps.get(0).path("name").asText()).isEqualTo("Extracting screenplay");
        assertThat(steps.get(2).path("status").asText()).isEqualTo("skipped");
        for (var step : steps) {
            assertThat(step.path("status").asText()).isIn("completed", "skipped");
            assertThat(step.has("finishedAt")).isTrue();
        }
        assertThat(steps.get(1).path("provider").asText()).isEqualTo("Sorot's own measures, no model");
    }

    // ---- every route ----------------------------------------------------------------------------

    @Test
    void aFinishedAnalysisServesItsReportAndItsAudio() {
        var id = api.submitPdf(TestScripts.brickAndSteelPdf(), "https://youtu.be/dQw4w9WgXcQ", "Brick report", true);
        assertThat(api.awaitFinal(id, FINISH).path("status").asText()).isEqualTo("completed");

        var report = json(api.get("/analyses/" + id)).path("data");
        assertThat(report.path("analysisId").asText()).isEqualTo(id);
        assertThat(report.path("title").asText()).isEqualTo("Brick report");
        assertThat(report.path("coverage").path("provenance").path("offline").asBoolean())
                .isTrue();
        // no model read it: no grid and no verdict, the craft indicators instead
        assertThat(report.path("coverage").path("grid").size()).isZero();
        assertThat(report.path("coverage").path("recommendation").isMissingNode())
                .isTrue();
        assertThat(report.path("curation").path("overallScore").isMissingNode()).isTrue();
        assertThat(report.path("coverage").path("indicators").size()).isEqualTo(5);
        assertThat(report.path("trailer").path("analysed").asBoolean()).isFalse();
        assertThat(report.path("trailer").path("note").asText()).startsWith("Not analysed offline");
        assertThat(report.path("curation").path("recommendation").isMissingNode())
                .isTrue();
        assertThat(report.path("curation").path("summary").asText())
                .startsWith("Not judged: no model read this script");
        assertThat(report.path("screenplay").path("stats").path("pageCount").asInt())
                .isGreaterThan(0);
        assertThat(report.path("screenplay").path("elements")).isEmpty(); // the paragraphs stay on the server
        assertThat(report.path("steps")).hasSize(5);
        assertThat(report.path("audio").path("contentType").asText()).isEqualTo("audio/wav");

        var audio = api.getBytes("/analyses/" + id + "/audio");
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("content-type")).hasValue("audio/wav");
        assertThat(Wav.durationSeconds(audio.body())).isBetween(10.0, 45.0); // a short: its summary fits in 45 s
        assertThat(Wav.durationSeconds(audio.body()))
                .isCloseTo(
                        report.path("audio").path("durationSeconds").asDouble(),
                        org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void theLibraryListIsNewestFirstAndPages() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.submitFountain(
                    TestScripts.cyberBobDebateFountain() + "\n\n[[list test " + i + "]]", "List " + i));
        }
        var first = json(api.get("/analyses?limit=2")).path("data");
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("items").get(0).path("analysisId").asText()).isEqualTo(ids.get(2));
        assertThat(first.path("items").get(1).path("analysisId").asText()).isEqualTo(ids.get(1));
        var item = first.path("items").get(0);
        assertThat(item.path("title").asText()).isEqualTo("List 2");
        assertThat(item.path("fileName").asText()).isEqualTo("script.fountain");
        assertThat(item.path("createdAt").asText()).isNotEmpty();
        var second = json(api.get(
                        "/analyses?limit=2&cursor=" + first.path("nextCursor").asText()))
                .path("data");
        assertThat(second.path("items").get(0).path("analysisId").asText()).isEqualTo(ids.get(0));
        ids.forEach(id -> api.awaitFinal(id, FINISH));
        var finished =
                json(api.get("/analyses?limit=1")).path("data").path("items").get(0);
        assertThat(finished.path("status").asText()).isEqualTo("completed");
        assertThat(finished.path("recommendation").isMissingNode()
                        || finished.path("recommendation").isNull())
                .isTrue();
        assertThat(finished.path("overallScore").asDouble()).isBetween(0.0, 100.0);
    }

    @Test
    void healthNamesTheActiveAnalysersToTheTokenHolder() {
        var response = api.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        var data = json(response).path("data");
        assertThat(data.path("status").asText()).isEqualTo("ok");
        assertThat(data.path("mode").asText()).isEqualTo("local");
        assertThat(data.path("version").asText()).isNotEmpty();
        var analysers = data.path("analysers");
        assertThat(analysers.path("coverage").asText()).isEqualTo("Sorot's own measures, no model");
        assertThat(analysers.path("trailer").asText()).contains("not analysed offline");
        assertThat(analysers.path("narrator").asText()).containsAnyOf("espeak-ng", "FreeTTS");
        assertThat(analysers.path("store").asText()).startsWith("SQLite");
    }

    @Test
    void aLargeScreenplayGoesThroughAnUploadUrl() {
        var ticket = json(api.post("/uploads", "{\"fileName\": \"bob.pdf\", \"size\": 104986}"))
                .path("data");
        var uploadId = ticket.path("uploadId").asText();
        assertThat(uploadId).startsWith("upload-");
        var uploadUrl = ticket.path("uploadUrl").asText();
        assertThat(uploadUrl).startsWith(server.url() + "/uploads/" + uploadId + "?");
        assertThat(Instant.parse(ticket.path("expiresAt").asText())).isAfter(Instant.now());

        // like a presigned S3 PUT: no token, the URL is the permission
        var put = api.withToken(null)
                .sendRaw(HttpRequest.newBuilder(URI.create(uploadUrl))
                        .header("Content-Type", "application/pdf")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(TestScripts.cyberBobPdf())));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        var tampered = uploadUrl.replaceAll("signature=[^&]+", "signature=forged");
        var forged = api.withToken(null)
                .sendRaw(HttpRequest.newBuilder(URI.create(tampered))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(TestScripts.cyberBobPdf())));
        assertThat(forged.statusCode()).isEqualTo(401);

        var accepted = api.post(
                "/analyze", "{\"uploadId\": \"%s\", \"fileName\": \"bob.pdf\", \"force\": true}".formatted(uploadId));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        var id = json(accepted).path("data").path("analysisId").asText();
        assertThat(api.awaitFinal(id, FINISH).path("status").asText()).isEqualTo("completed");
        // an upload is used once
        var reuse = api.post("/analyze", "{\"uploadId\": \"%s\"}".formatted(uploadId));
        assertError(reuse, 404, "UPLOAD_NOT_FOUND");
    }

    @Test
    void anUploadTakesNoMoreThanTheSizeItWasAskedFor() {
        var ticket = json(api.post("/uploads", "{\"fileName\": \"bob.pdf\", \"size\": 1000}"))
                .path("data");
        var put = api.withToken(null)
                .sendRaw(HttpRequest.newBuilder(
                                URI.create(ticket.path("uploadUrl").asText()))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(TestScripts.cyberBobPdf())));
        assertError(put, 413, "FILE_TOO_LARGE");
        assertError(api.post("/uploads", "{\"size\": 0}"), 400, "INVALID_PARAMETER");
        assertError(api.post("/uploads", "{\"size\": 12.5}"), 400, "INVALID_PARAMETER");
        assertError(api.post("/uploads", "{\"size\": \"big\"}"), 400, "INVALID_PARAMETER");
    }

    @Test
    void anUploadKeepsEveryByteWhateverContentTypeItIsSentWith() {
        // bytes that are not valid UTF-8, sent as text/plain: they must arrive unchanged
        var fountain = (TestScripts.cyberBobDebateFountain() + "\n\n[[caf\u00e9 upload]]")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var ticket = json(api.post("/uploads", "{}")).path("data");
        var put = api.withToken(null)
                .sendRaw(HttpRequest.newBuilder(
                                URI.create(ticket.path("uploadUrl").asText()))
                        .header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(fountain)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        var stored = server.backend()
                .blobs()
                .get("uploads/" + ticket.path("uploadId").asText())
                .orElseThrow();
        assertThat(stored).isEqualTo(fountain);
    }

    // ---- the token and CORS ---------------------------------------------------------------------

    static Stream<String> protectedRoutes() {
        return Stream.of(
                "POST /analyze",
                "POST /uploads",
                "GET /status?id=analysis-1700000000000-abcdefgh",
                "GET /analyses",
                "GET /analyses/analysis-1700000000000-abcdefgh",
                "GET /analyses/analysis-1700000000000-abcdefgh/audio",
                "GET /nowhere");
    }

    @ParameterizedTest
    @MethodSource("protectedRoutes")
    void everyRouteButHealthNeedsTheToken(String route) {
        var method = route.substring(0, route.indexOf(' '));
        var path = route.substring(route.indexOf(' ') + 1);
        for (var client : List.of(api.withToken(null), api.withToken("wrong-token"))) {
            var builder = client.request(path)
                    .method(
                            method,
                            method.equals("POST")
                                    ? HttpRequest.BodyPublishers.ofString("{}")
                                    : HttpRequest.BodyPublishers.noBody());
            var response = client.sendRaw(builder);
            assertError(response, 401, "UNAUTHORIZED");
            assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
        }
        var otherScheme = api.sendRaw(api.withToken(null)
                .request(path)
                .header("Authorization", "Token " + server.token())
                .method(method, HttpRequest.BodyPublishers.noBody()));
        assertThat(otherScheme.statusCode()).isEqualTo(401);
    }

    @Test
    void theTokenIsKeptOwnerOnlyInTheHome() throws Exception {
        var file = home.resolve("token");
        assertThat(Files.readString(file).strip()).isEqualTo(server.token());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        var info = Json.mapper().readTree(home.resolve("server.json").toFile());
        assertThat(info.path("url").asText()).isEqualTo(server.url().toString());
        assertThat(info.toString()).doesNotContain(server.token());
    }

    @Test
    void corsPreflightIsAnsweredAsTheSeedConfiguresIt() {
        var response = api.withToken(null)
                .sendRaw(api.withToken(null)
                        .request("/analyze")
                        .header("Origin", "https://app.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization,content-type")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(response.headers().firstValue("access-control-allow-methods"))
                .hasValue("POST,GET,PUT,DELETE,OPTIONS");
        assertThat(response.headers().firstValue("access-control-allow-headers"))
                .hasValue("Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token");
        assertThat(response.headers().firstValue("access-control-allow-credentials"))
                .isEmpty();
        assertThat(api.get("/analyses").headers().firstValue("access-control-allow-origin"))
                .hasValue("*");
    }

    // ---- validation: every error, nothing stored --------------------------------------------------

    static Stream<Arguments> invalidSubmissions() {
        var pdf = Base64.getEncoder().encodeToString(TestScripts.brickAndSteelPdf());
        var big = new byte[4 * 1024 * 1024 + 10];
        System.arraycopy("%PDF-1.4".getBytes(), 0, big, 0, 8);
        return Stream.of(
                Arguments.of("not json", "{\"pdfData\": ", 400, "INVALID_JSON"),
                Arguments.of("not an object", "[1, 2, 3]", 400, "INVALID_JSON"),
                Arguments.of("no body", "", 400, "INVALID_JSON"),
                Arguments.of("no screenplay", "{\"trailerUrl\": \"" + TRAILER + "\"}", 400, "MISSING_FIELD"),
                Arguments.of(
                        "two screenplays",
                        "{\"pdfData\": \"" + pdf + "\", \"fountainText\": \"INT. X - DAY\"}",
                        400,
                        "INVALID_PARAMETER"),
                Arguments.of("bad base64", "{\"pdfData\": \"%%% not base64 %%%\"}", 400, "INVALID_BASE64"),
                Arguments.of("empty pdfData", "{\"pdfData\": \"\"}", 422, "EMPTY_FILE"),
                Arguments.of("blank fountain", "{\"fountainText\": \"   \\n  \"}", 422, "EMPTY_FILE"),
                Arguments.of(
                        "not a pdf", "{\"pdfData\": \"" + b64("just some text, no PDF here") + "\"}", 422, "NOT_A_PDF"),
                Arguments.of(
                        "too large inline",
                        "{\"pdfData\": \"" + Base64.getEncoder().encodeToString(big) + "\"}",
                        413,
                        "FILE_TOO_LARGE"),
                Arguments.of(
                        "http trailer",
                        "{\"pdfData\": \"" + pdf + "\", \"trailerUrl\": \"http://youtube.com/watch?v=x\"}",
                        400,
                        "INVALID_URL"),
                Arguments.of(
                        "garbage trailer",
                        "{\"pdfData\": \"" + pdf + "\", \"trailerUrl\": \"not a url\"}",
                        400,
                        "INVALID_URL"),
                Arguments.of(
                        "metadata address",
                        "{\"pdfData\": \"" + pdf + "\", \"trailerUrl\": \"https://169.254.169.254/latest/meta-data\"}",
                        400,
                        "URL_NOT_ALLOWED"),
                Arguments.of(
                        "loopback",
                        "{\"pdfData\": \"" + pdf + "\", \"trailerUrl\": \"https://127.0.0.1/watch?v=x\"}",
                        400,
                        "URL_NOT_ALLOWED"),
                Arguments.of(
                        "other host",
                        "{\"pdfData\": \"" + pdf + "\", \"trailerUrl\": \"https://evil.example/watch?v=x\"}",
                        400,
                        "URL_NOT_ALLOWED"),
                Arguments.of(
                        "long title",
                        "{\"pdfData\": \"" + pdf + "\", \"title\": \"" + "t".repeat(301) + "\"}",
                        400,
                        "INVALID_PARAMETER"),
                Arguments.of(
                        "unknown upload", "{\"uploadId\": \"upload-1700000000000-abcdefgh\"}", 404, "UPLOAD_NOT_FOUND"),
                Arguments.of("malformed upload", "{\"uploadId\": \"../../etc/passwd\"}", 404, "UPLOAD_NOT_FOUND"),
                Arguments.of("wrong field type", "{\"pdfData\": {\"nested\": true}}", 400, "INVALID_JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSubmissions")
    void everyInvalidSubmissionGetsItsCodeAndStoresNothing(String name, String body, int status, String code)
            throws Exception {
        var before = countJobs();
        var response = api.post("/analyze", body);
        assertError(response, status, code);
        assertThat(countJobs()).isEqualTo(before);
    }

    @Test
    void aRequestOverTheBodyLimitIsRefusedWithoutBeingKept() {
        var huge = "{\"pdfData\": \"" + "A".repeat(9 * 1024 * 1024) + "\"}";
        for (int i = 0; i < 5; i++) {
            assertError(api.post("/analyze", huge), 413, "FILE_TOO_LARGE");
        }
    }

    static Stream<Arguments> badLookups() {
        return Stream.of(
                Arguments.of("GET", "/status", 400, "MISSING_FIELD"),
                Arguments.of("GET", "/status?id=", 400, "MISSING_FIELD"),
                Arguments.of("GET", "/status?id=analysis-1700000000000-nothere0", 404, "NOT_FOUND"),
                Arguments.of("GET", "/status?id=../../etc/passwd", 404, "NOT_FOUND"),
                Arguments.of("GET", "/analyses/analysis-1700000000000-nothere0", 404, "NOT_FOUND"),
                Arguments.of("GET", "/analyses/analysis-1700000000000-nothere0/audio", 404, "NOT_FOUND"),
                Arguments.of("GET", "/analyses?limit=0", 400, "INVALID_PARAMETER"),
                Arguments.of("GET", "/analyses?limit=abc", 400, "INVALID_PARAMETER"),
                Arguments.of("GET", "/analyses?cursor=bm90LWEtY3Vyc29y", 400, "INVALID_PARAMETER"),
                Arguments.of("GET", "/nowhere", 404, "NOT_FOUND"),
                Arguments.of("GET", "/analyze", 405, "METHOD_NOT_ALLOWED"),
                Arguments.of("DELETE", "/status?id=x", 405, "METHOD_NOT_ALLOWED"),
                Arguments.of("POST", "/analyses", 405, "METHOD_NOT_ALLOWED"),
                Arguments.of("GET", "/uploads", 405, "METHOD_NOT_ALLOWED"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badLookups")
    void badLookupsGetClearErrors(String method, String path, int status, String code) {
        var response = api.sendRaw(api.request(path).method(method, HttpRequest.BodyPublishers.noBody()));
        assertError(response, status, code);
    }

    // ---- idempotency --------------------------------------------------------------------------------

    @Test
    void theSameFileAndTrailerSubmittedTwiceIsOneAnalysisUnlessForced() {
        var pdf = TestScripts.cyberBobPdf();
        var first = api.submitPdf(pdf, "https://www.youtube.com/watch?v=dQw4w9WgXcQ", null, false);
        var again = json(api.post(
                        "/analyze",
                        "{\"pdfData\": \"%s\", \"trailerUrl\": \"https://youtu.be/dQw4w9WgXcQ\"}"
                                .formatted(Base64.getEncoder().encodeToString(pdf))))
                .path("data");
        assertThat(again.path("analysisId").asText()).isEqualTo(first);
        assertThat(again.path("message").asText()).isEqualTo("Analysis already exists for this file and trailer");

        var otherTrailer = api.submitPdf(pdf, "https://vimeo.com/76979871", null, false);
        assertThat(otherTrailer).isNotEqualTo(first);
        var forced = api.submitPdf(pdf, "https://www.youtube.com/watch?v=dQw4w9WgXcQ", null, true);
        assertThat(forced).isNotEqualTo(first);
        assertThat(api.awaitFinal(first, FINISH).path("status").asText()).isEqualTo("completed");
        var afterDone = json(api.post(
                        "/analyze",
                        "{\"pdfData\": \"%s\", \"trailerUrl\": \"https://youtu.be/dQw4w9WgXcQ\"}"
                                .formatted(Base64.getEncoder().encodeToString(pdf))))
                .path("data");
        assertThat(afterDone.path("analysisId").asText()).isIn(first, forced);
        assertThat(afterDone.path("status").asText()).isIn("completed", "processing", "queued");
    }

    // ---- failure and load ------------------------------------------------------------------------------

    @Test
    void aFailingAnalystFailsOnlyItsOwnAnalysis() {
        var failing = api.submitPdf(TestScripts.brickAndSteelPdf(), null, "FAIL on purpose", true);
        var healthy = api.submitPdf(TestScripts.brickAndSteelPdf(), null, "Healthy neighbour", true);
        var failed = api.awaitFinal(failing, FINISH);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").path("code").asText()).isEqualTo("ANALYST_FAILED");
        assertThat(failed.path("currentStep").asInt()).isEqualTo(2);
        assertThat(failed.path("stepName").asText()).isEqualTo("Analyzing screenplay");
        assertThat(failed.path("steps").get(0).path("status").asText()).isEqualTo("completed");
        assertThat(failed.path("steps").get(1).path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("steps").get(1).path("error").path("code").asText())
                .isEqualTo("ANALYST_FAILED");
        assertThat(api.awaitFinal(healthy, FINISH).path("status").asText()).isEqualTo("completed");

        var partial = json(api.get("/analyses/" + failing)).path("data");
        assertThat(partial.path("screenplay").isObject()).isTrue();
        assertThat(partial.has("coverage")).isFalse();
        assertError(api.get("/analyses/" + failing + "/audio"), 404, "NOT_FOUND");
    }

    @Test
    void aBrokenPdfFailsWithItsReasonAndTheServerCarriesOn() {
        var id = api.submitPdf(TestScripts.encryptedPdf(), null, "Locked", true);
        var status = api.awaitFinal(id, FINISH);
        assertThat(status.path("status").asText()).isEqualTo("failed");
        assertThat(status.path("error").path("code").asText()).isEqualTo("PDF_ENCRYPTED");
        assertThat(status.path("currentStep").asInt()).isEqualTo(1);
        assertThat(api.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aRunningAnalysisHasNoReportOrAudioYet() {
        var id = api.submitPdf(TestScripts.brickAndSteelPdf(), null, "HOLD for a look", true);
        var status = await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> json(api.get("/status?id=" + id)).path("data"),
                        s -> s.path("currentStep").asInt() >= 2);
        assertThat(status.path("status").asText()).isEqualTo("processing");
        assertThat(status.path("steps").get(1).path("status").asText()).isEqualTo("running");
        assertThat(status.path("progress").asInt()).isBetween(20, 40);
        assertError(api.get("/analyses/" + id), 409, "REPORT_NOT_READY");
        assertError(api.get("/analyses/" + id + "/audio"), 409, "AUDIO_NOT_READY");
        HOLD.countDown();
        assertThat(api.awaitFinal(id, FINISH).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void twentyAnalysesAtOnceAllCompleteWithNothingLost() throws Exception {
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            tasks.add(() -> n % 2 == 0
                    ? api.submitPdf(TestScripts.brickAndSteelPdf(), null, "Load " + n, true)
                    : api.submitFountain(TestScripts.cyberBobDebateFountain() + "\n\n[[load " + n + "]]", "Load " + n));
        }
        var ids = new ArrayList<String>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (var f : pool.invokeAll(tasks)) {
                ids.add(f.get());
            }
        }
        assertThat(new HashSet<>(ids)).hasSize(20);
        for (var id : ids) {
            assertThat(api.awaitFinal(id, FINISH).path("status").asText())
                    .as(id)
                    .isEqualTo("completed");
            var report = json(api.get("/analyses/" + id)).path("data");
            assertThat(report.path("curation").isObject()).isTrue();
            assertThat(api.getBytes("/analyses/" + id + "/audio").body().length).isGreaterThan(100_000);
        }
        var listed = new HashSet<String>();
        json(api.get("/analyses?limit=200"))
                .path("data")
                .path("items")
                .forEach(i -> listed.add(i.path("analysisId").asText()));
        assertThat(listed).containsAll(ids);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    static void assertError(java.net.http.HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        var node = json(response);
        assertThat(node.path("success").asBoolean()).isFalse();
        assertThat(node.has("data")).isFalse();
        assertThat(node.path("error").path("code").asText()).isEqualTo(code);
        assertThat(node.path("error").path("message").asText()).isNotBlank();
    }

    private static long countJobs() throws Exception {
        return server.backend().jobs().list(200, null).jobs().size()
                + (server.backend().jobs().list(200, null).nextCursor() == null ? 0 : 1000);
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes());
    }
}
