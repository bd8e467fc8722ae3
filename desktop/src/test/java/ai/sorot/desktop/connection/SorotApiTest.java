package ai.sorot.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.desktop.testing.ScriptedApi;
import ai.sorot.desktop.testing.TestPdfs;
import ai.sorot.model.Json;
import ai.sorot.model.api.AnalyzeRequest;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.JobState;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SorotApiTest {

    private static final String TOKEN = "test-token-7f3a";

    @TempDir
    Path dir;

    private MockWebServer server;
    private ScriptedApi script;
    private SorotApi api;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        script = new ScriptedApi(TOKEN, 1);
        server.setDispatcher(script);
        server.start();
        api = new SorotApi(
                SorotApi.defaultClient(), new Endpoint(server.url("/").uri(), TOKEN, false));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void smallScreenplayIsSentAsBase64WithTheBearerToken() throws Exception {
        var pdf = TestPdfs.screenplay(dir.resolve("ferry.pdf"), "Ferry", "A. Writer", 6);

        var accepted = api.submit(pdf, "ferry.pdf", null, "https://youtu.be/abc123", null, false);

        assertThat(accepted.analysisId()).startsWith("analysis-");
        assertThat(accepted.status()).isEqualTo("processing");
        var recorded = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        var sent = Json.mapper().readValue(recorded.getBody().toByteArray(), AnalyzeRequest.class);
        assertThat(Base64.getDecoder().decode(sent.pdfData())).isEqualTo(Files.readAllBytes(pdf));
        assertThat(sent.fileName()).isEqualTo("ferry.pdf");
        assertThat(sent.trailerUrl()).isEqualTo("https://youtu.be/abc123");
        assertThat(sent.force()).isNull();
        assertThat(sent.uploadId()).isNull();
    }

    @Test
    void largeScreenplayGoesThroughTheUploadRoute() throws Exception {
        var big = dir.resolve("big.pdf");
        var bytes = new byte[(int) SorotApi.UPLOAD_THRESHOLD_BYTES + 1024];
        new Random(7).nextBytes(bytes);
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, bytes, 0, 9);
        Files.write(big, bytes);

        var accepted = api.submit(big, "big.pdf", null, null, null, true);

        assertThat(accepted.analysisId()).isNotBlank();
        var ticket = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(ticket.getRequestLine()).startsWith("POST /uploads");
        var put = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getHeaders().get("Authorization"))
                .as("same host as the API: the token goes along")
                .isEqualTo("Bearer " + TOKEN);
        var analyze = server.takeRequest(1, TimeUnit.SECONDS);
        var sent = Json.mapper().readValue(analyze.getBody().toByteArray(), AnalyzeRequest.class);
        assertThat(sent.pdfData()).isNull();
        assertThat(sent.uploadId()).isNotNull();
        assertThat(sent.force()).isTrue();
        assertThat(script.uploads.get(sent.uploadId())).isEqualTo(bytes);
    }

    @Test
    void presignedUploadUrlOnAnotherHostNeverSeesTheToken() throws Exception {
        try (var storage = new MockWebServer()) {
            storage.enqueue(new MockResponse.Builder().code(200).build());
            storage.start();
            var file = TestPdfs.screenplay(dir.resolve("s.pdf"), "S", "W", 2);
            // "localhost" vs "127.0.0.1": a different host for the client, as S3 is for API Gateway
            var url = storage.url("/bucket/key?X-Amz-Signature=abc")
                    .newBuilder()
                    .host("localhost")
                    .build();
            api.upload(new ai.sorot.model.api.UploadTicket("u1", url.toString(), java.time.Instant.now()), file);
            var put = storage.takeRequest(1, TimeUnit.SECONDS);
            assertThat(put.getMethod()).isEqualTo("PUT");
            assertThat(put.getHeaders().get("Authorization")).isNull();
        }
    }

    @Test
    void fountainTextIsSentAsText() throws Exception {
        api.submit(dir.resolve("x.fountain"), "x.fountain", "Title: X\n\nINT. ROOM - DAY\n", null, null, false);
        var sent = Json.mapper()
                .readValue(server.takeRequest(1, TimeUnit.SECONDS).getBody().toByteArray(), AnalyzeRequest.class);
        assertThat(sent.fountainText()).startsWith("Title: X");
        assertThat(sent.pdfData()).isNull();
    }

    @Test
    void finalDraftAndHighlandFilesAreSentInTheirOwnFields() throws Exception {
        var fdx = Files.writeString(
                dir.resolve("script.fdx"),
                "<?xml version=\"1.0\"?><FinalDraft><Content><Paragraph Type=\"Action\"><Text>A.</Text></Paragraph></Content></FinalDraft>");
        api.submit(fdx, "script.fdx", null, null, null, false);
        var sent = Json.mapper()
                .readValue(server.takeRequest(1, TimeUnit.SECONDS).getBody().toByteArray(), AnalyzeRequest.class);
        assertThat(Base64.getDecoder().decode(sent.fdxData())).isEqualTo(Files.readAllBytes(fdx));
        assertThat(sent.pdfData()).isNull();

        var highland = Files.write(dir.resolve("script.highland"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
        api.submit(highland, "script.highland", null, null, null, false);
        sent = Json.mapper()
                .readValue(server.takeRequest(1, TimeUnit.SECONDS).getBody().toByteArray(), AnalyzeRequest.class);
        assertThat(sent.highlandData()).isNotNull();
        assertThat(sent.pdfData()).isNull();
        assertThat(sent.fdxData()).isNull();
    }

    @Test
    void statusReportAndAudioReadTheContract() throws Exception {
        var accepted = api.analyze(
                new AnalyzeRequest(null, "Title: T\n\nINT. A - DAY\n", null, "t.fountain", null, null, null));

        var first = api.status(accepted.analysisId());
        assertThat(first.status()).isEqualTo(JobState.PROCESSING);
        assertThat(first.totalSteps()).isEqualTo(5);
        assertThat(first.steps()).hasSize(5);
        while (!api.status(accepted.analysisId()).status().isFinal()) {
            Thread.onSpinWait();
        }
        var report = api.report(accepted.analysisId());
        assertThat(report.analysisId()).isEqualTo(accepted.analysisId());
        assertThat(report.coverage().grid()).hasSize(6);

        var audio = dir.resolve("a/audio.wav");
        var type = api.downloadAudio(accepted.analysisId(), audio);
        assertThat(type).isEqualTo("audio/wav");
        assertThat(Files.readAllBytes(audio)).startsWith("RIFF".getBytes());
        try (var files = Files.list(audio.getParent())) {
            assertThat(files).containsExactly(audio); // no partial file left behind
        }
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        var anonymous = new SorotApi(
                SorotApi.defaultClient(), new Endpoint(server.url("/").uri(), null, false));
        assertThat(anonymous.health().mode()).isEqualTo("local");
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .isNull();
    }

    @Test
    void wrongTokenIsUnauthorizedWithTheApiMessage() {
        var wrong = new SorotApi(
                SorotApi.defaultClient(), new Endpoint(server.url("/").uri(), "nope", false));
        assertThatThrownBy(() -> wrong.status("analysis-1")).isInstanceOfSatisfying(ApiFailure.class, f -> {
            assertThat(f.isUnauthorized()).isTrue();
            assertThat(f.httpStatus()).isEqualTo(401);
            assertThat(f.getMessage()).isEqualTo("A valid API token is required.");
            assertThat(f.isUnreachable()).isFalse();
        });
    }

    @Test
    void apiErrorKeepsItsStableCode() {
        assertThatThrownBy(() -> api.analyze(
                        new AnalyzeRequest(null, "x", null, "x.fountain", "https://127.0.0.1/x", null, null)))
                .isInstanceOfSatisfying(ApiFailure.class, f -> {
                    assertThat(f.code()).isEqualTo(ErrorCode.URL_NOT_ALLOWED);
                    assertThat(f.rawCode()).isEqualTo("URL_NOT_ALLOWED");
                    assertThat(f.isTransient()).isFalse();
                });
    }

    @Test
    void unknownCodesFromANewerApiAreKeptVerbatim() {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return new MockResponse.Builder()
                        .code(422)
                        .body(
                                "{\"success\":false,\"error\":{\"code\":\"SCRIPT_IN_KLINGON\",\"message\":\"Not supported yet.\"}}")
                        .build();
            }
        });
        assertThatThrownBy(() -> api.status("x")).isInstanceOfSatisfying(ApiFailure.class, f -> {
            assertThat(f.rawCode()).isEqualTo("SCRIPT_IN_KLINGON");
            assertThat(f.code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(f.getMessage()).isEqualTo("Not supported yet.");
        });
    }

    @Test
    void gatewayErrorPageCountsAsUnreachable() {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return new MockResponse.Builder()
                        .code(502)
                        .body("<html>Bad Gateway</html>")
                        .build();
            }
        });
        assertThatThrownBy(() -> api.status("x")).isInstanceOfSatisfying(ApiFailure.class, f -> {
            assertThat(f.isUnreachable()).isTrue();
            assertThat(f.getMessage()).contains("HTTP 502");
        });
    }

    @Test
    void nothingListeningIsANetworkFailureNamingTheUrl() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var gone = new SorotApi(
                SorotApi.defaultClient(), new Endpoint(URI.create("http://127.0.0.1:" + port), TOKEN, false));
        assertThatThrownBy(gone::health).isInstanceOfSatisfying(ApiFailure.class, f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(f.isUnreachable()).isTrue();
            assertThat(f.getMessage()).contains("127.0.0.1:" + port);
        });
    }

    @Test
    void audioRedirectToStorageDropsTheToken() throws Exception {
        try (var storage = new MockWebServer()) {
            storage.enqueue(new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", "audio/mpeg")
                    .body("ID3fake")
                    .build());
            storage.start();
            var presigned = storage.url("/audio.mp3?sig=1")
                    .newBuilder()
                    .host("localhost")
                    .build();
            server.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                    return new MockResponse.Builder()
                            .code(302)
                            .setHeader("Location", presigned.toString())
                            .build();
                }
            });
            var target = dir.resolve("audio.mp3");
            assertThat(api.downloadAudio("analysis-1", target)).isEqualTo("audio/mpeg");
            assertThat(Files.readString(target)).isEqualTo("ID3fake");
            assertThat(storage.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                    .isNull();
        }
    }

    @Test
    void endpointNeverPrintsItsToken() {
        assertThat(new Endpoint(URI.create("https://api.example.org/"), "s3cr3t", false).toString())
                .doesNotContain("s3cr3t")
                .contains("****");
    }
}
