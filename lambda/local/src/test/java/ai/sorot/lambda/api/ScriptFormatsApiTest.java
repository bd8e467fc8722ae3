package ai.sorot.lambda.api;

import static ai.sorot.lambda.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.offline.OfflineAnalysts;
import ai.sorot.lambda.support.ApiClient;
import ai.sorot.lambda.support.FormatFixtures;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Final Draft and Highland files through the API over loopback HTTP: their own request fields
 * beside pdfData, and uploads whose format the bytes decide, whatever the file is called.
 */
class ScriptFormatsApiTest {

    private static final Duration FINISH = Duration.ofSeconds(120);

    @TempDir
    static Path home;

    static LocalServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        var options = LocalServer.Options.defaults(new SorotHome(home))
                .withPort(0)
                .withBackend(LocalBackend.Options.defaults(new SorotHome(home))
                        .withAnalysts(OfflineAnalysts.standard())
                        .withWorkers(2));
        server = LocalServer.start(options);
        api = new ApiClient(server.url(), server.token());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aFinalDraftFileSentAsFdxDataIsAnalysed() {
        var id = submit("fdxData", FormatFixtures.finalDraft(), "night-ferry.fdx");
        var status = api.awaitFinal(id, FINISH);
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.path("steps").get(0).path("model").asText()).isEqualTo("Final Draft XML");
        var screenplay = report(id).path("screenplay");
        assertThat(screenplay.path("format").asText()).isEqualTo("FINAL_DRAFT");
        assertThat(screenplay.path("title").asText()).isEqualTo("THE NIGHT FERRY");
        assertThat(screenplay.path("scenes")).hasSize(4);
    }

    @Test
    void aHighlandFileSentAsHighlandDataIsAnalysed() {
        var id = submit("highlandData", FormatFixtures.highland(), "keeper.highland");
        assertThat(api.awaitFinal(id, FINISH).path("status").asText()).isEqualTo("completed");
        var screenplay = report(id).path("screenplay");
        assertThat(screenplay.path("format").asText()).isEqualTo("HIGHLAND");
        assertThat(screenplay.path("title").asText()).isEqualTo("The Lighthouse Keeper");
        assertThat(screenplay.path("scenes")).hasSize(2);
    }

    @Test
    void anUploadIsReadAsWhatItsBytesAreNotWhatItIsCalled() {
        var fdx = upload(FormatFixtures.finalDraft());
        var accepted = api.post("/analyze", "{\"uploadId\": \"%s\", \"fileName\": \"draft.bin\"}".formatted(fdx));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        var fdxId = json(accepted).path("data").path("analysisId").asText();

        var highland = upload(FormatFixtures.highland());
        accepted = api.post("/analyze", "{\"uploadId\": \"%s\"}".formatted(highland));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        var highlandId = json(accepted).path("data").path("analysisId").asText();

        assertThat(api.awaitFinal(fdxId, FINISH).path("status").asText()).isEqualTo("completed");
        assertThat(report(fdxId).path("screenplay").path("format").asText()).isEqualTo("FINAL_DRAFT");
        assertThat(api.awaitFinal(highlandId, FINISH).path("status").asText()).isEqualTo("completed");
        assertThat(report(highlandId).path("screenplay").path("format").asText())
                .isEqualTo("HIGHLAND");
    }

    @Test
    void anUploadThatIsNoScreenplayFormatIsRefusedWithWhatIsRead() {
        var id = upload("just some words, no script".getBytes(StandardCharsets.UTF_8));
        LocalApiHttpTest.assertError(
                api.post("/analyze", "{\"uploadId\": \"%s\", \"fileName\": \"notes.docx\"}".formatted(id)),
                415,
                "UNSUPPORTED_FORMAT");
        var zipNamedPdf = upload(FormatFixtures.highland());
        LocalApiHttpTest.assertError(
                api.post("/analyze", "{\"uploadId\": \"%s\", \"fileName\": \"script.pdf\"}".formatted(zipNamedPdf)),
                422,
                "NOT_A_PDF");
    }

    @Test
    void eachFieldChecksItsOwnFormat() {
        var html = "<?xml version=\"1.0\"?><html/>".getBytes(StandardCharsets.UTF_8);
        LocalApiHttpTest.assertError(post("fdxData", html), 422, "FDX_INVALID");
        LocalApiHttpTest.assertError(post("highlandData", TestScripts.brickAndSteelPdf()), 415, "UNSUPPORTED_FORMAT");
        LocalApiHttpTest.assertError(post("fdxData", FormatFixtures.highland()), 422, "FDX_INVALID");
        var both = Json.mapper()
                .createObjectNode()
                .put("pdfData", b64(TestScripts.brickAndSteelPdf()))
                .put("fdxData", b64(FormatFixtures.finalDraft()));
        LocalApiHttpTest.assertError(api.post("/analyze", both.toString()), 400, "INVALID_PARAMETER");
        LocalApiHttpTest.assertError(api.post("/analyze", "{\"fdxData\": \"@@not base64@@\"}"), 400, "INVALID_BASE64");
    }

    @Test
    void anEntityBombFailsItsFirstStepAndTheServerCarriesOn() {
        var bomb =
                ("<?xml version=\"1.0\"?><!DOCTYPE FinalDraft [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                                + "<FinalDraft><Content><Paragraph Type=\"Action\"><Text>&b;</Text></Paragraph></Content></FinalDraft>")
                        .getBytes(StandardCharsets.UTF_8);
        var id = submit("fdxData", bomb, "bomb.fdx");
        var status = api.awaitFinal(id, FINISH);
        assertThat(status.path("status").asText()).isEqualTo("failed");
        assertThat(status.path("error").path("code").asText()).isEqualTo("ARCHIVE_TOO_LARGE");
        assertThat(api.get("/health").statusCode()).isEqualTo(200);
    }

    private static String submit(String field, byte[] bytes, String fileName) {
        var body = Json.mapper()
                .createObjectNode()
                .put(field, b64(bytes))
                .put("fileName", fileName)
                .put("force", true);
        var response = api.post("/analyze", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("data").path("analysisId").asText();
    }

    private static java.net.http.HttpResponse<String> post(String field, byte[] bytes) {
        return api.post(
                "/analyze",
                Json.mapper().createObjectNode().put(field, b64(bytes)).toString());
    }

    private static String upload(byte[] bytes) {
        var ticket = json(api.post("/uploads", "{}")).path("data");
        var put = api.withToken(null)
                .sendRaw(HttpRequest.newBuilder(
                                URI.create(ticket.path("uploadUrl").asText()))
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return ticket.path("uploadId").asText();
    }

    private static JsonNode report(String id) {
        var response = api.get("/analyses/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("data");
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
