package ai.sorot.lambda.aws.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import ai.sorot.model.Json;
import ai.sorot.model.report.GridScore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * WireMock answers shaped like the real services' (restJson1 for Bedrock Runtime and Polly, with
 * the error type in {@code x-amzn-ErrorType}; awsJson1.1 for Secrets Manager; the Gemini API's own
 * {@code {"error": {...}}}). Each stub method takes the answers in order: the last one repeats.
 */
public final class ServiceStubs {

    public static final String CONVERSE_PATH = "/model/.+/converse";
    public static final String POLLY_PATH = "/v1/speech";
    public static final String GEMINI_PATH = "/v1beta/models/.+:generateContent";

    private final WireMockServer server;

    public ServiceStubs(WireMockServer server) {
        this.server = server;
    }

    public void reset() {
        server.resetAll();
    }

    // ---- Bedrock Runtime: Converse --------------------------------------------------------------

    /** A Converse answer as DeepSeek-R1 gives it: a reasoning block, then the text block. */
    public static ResponseDefinitionBuilder converseAnswer(
            String reasoning, String text, int inputTokens, int outputTokens, String stopReason) {
        var body = Json.mapper().createObjectNode();
        var content = body.putObject("output")
                .putObject("message")
                .put("role", "assistant")
                .putArray("content");
        if (reasoning != null) {
            content.addObject()
                    .putObject("reasoningContent")
                    .putObject("reasoningText")
                    .put("text", reasoning);
        }
        if (text != null) {
            content.addObject().put("text", text);
        }
        body.put("stopReason", stopReason);
        body.putObject("usage")
                .put("inputTokens", inputTokens)
                .put("outputTokens", outputTokens)
                .put("totalTokens", inputTokens + outputTokens);
        body.putObject("metrics").put("latencyMs", 41_250);
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "5a1c2b9e-7f0d-4c55-9c1e-8d1f2a3b4c5d")
                .withBody(body.toString());
    }

    /** A Bedrock error: its HTTP status, its type in the header, its message in the body. */
    public static ResponseDefinitionBuilder awsError(int status, String type, String message) {
        var body = Json.mapper().createObjectNode().put("message", message);
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "0f7e1d2c-3b4a-5968-7a6b-5c4d3e2f1a0b")
                .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withBody(body.toString());
    }

    /**
     * A coverage answer as the prompt asks for it, written for these tests (no model wrote it).
     * Each claim quotes Brick &amp; Steel (MIT, shared/corpus/screenplain) and Cyber Bob episode 1
     * (public domain, shared/corpus/ebscreenplays-pd), so that it is grounded in either script;
     * the first strength cites scene 999, which does not exist, for a quote that is in scene 1.
     */
    public static String coverageAnswer(String recommendation) {
        var root = Json.mapper().createObjectNode();
        root.put("logline", "A welder in a dying mill town finds the ledger that could bring down its owners.");
        root.put(
                "synopsis",
                "Mara works the night shift at the last mill in town. She finds a ledger, and the story follows.");
        root.putArray("genres").add("Thriller").add("Drama");
        root.put("tone", "taut, working-class noir");
        root.putArray("themes").add("loyalty").add("complicity");
        root.putArray("comparables").add("Blue Collar (1978)").add("Hell or High Water (2016)");
        root.put("protagonist", "BRICK");
        var s = root.putArray("strengths").addObject().put("text", "Lean, visual action lines.");
        cite(s, 1, BRICK_QUOTE).add(citation(999, "The SCREEN DOOR slides open"));
        cite(
                root.putArray("concerns").addObject().put("text", "A thin antagonist."),
                3,
                "Does a bear crap in the woods?");
        var grid = root.putArray("grid");
        int score = 5;
        for (var criterion : GridScore.CRITERIA) {
            cite(
                    grid.addObject()
                            .put("criterion", criterion)
                            .put("score", score++)
                            .put("reason", "Because of scene 1."),
                    1,
                    "Screw retirement.");
        }
        root.put("recommendation", recommendation);
        root.put("rationale", "Worth a second read for the late-night strand.");
        return root.toString();
    }

    /** Words from Brick &amp; Steel's first scene, and from Cyber Bob's, cut by line breaks in its source. */
    public static final String BRICK_QUOTE = "A gorgeous day. The sun is shining.";

    public static final String CYBER_BOB_QUOTE = "They all stop at the sound of MANY DOGS throughout the park";

    private static com.fasterxml.jackson.databind.node.ArrayNode cite(
            com.fasterxml.jackson.databind.node.ObjectNode claim, int scene, String brickQuote) {
        var evidence = claim.putArray("evidence");
        evidence.add(citation(scene, brickQuote));
        evidence.add(citation(1, CYBER_BOB_QUOTE));
        return evidence;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode citation(int scene, String quote) {
        return Json.mapper().createObjectNode().put("scene", scene).put("quote", quote);
    }

    public void converse(ResponseDefinitionBuilder... answers) {
        inOrder(() -> post(urlPathMatching(CONVERSE_PATH)), "converse", answers);
    }

    // ---- Polly: SynthesizeSpeech ----------------------------------------------------------------

    /** Polly's answer: the MP3 bytes, and the billed characters in {@code x-amzn-RequestCharacters}. */
    public static ResponseDefinitionBuilder speech(byte[] mp3, int characters) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "audio/mpeg")
                .withHeader("x-amzn-RequestCharacters", Integer.toString(characters))
                .withHeader("x-amzn-RequestId", "9d8c7b6a-5f4e-3d2c-1b0a-998877665544")
                .withBody(mp3);
    }

    public static ResponseDefinitionBuilder pollyError(int status, String type, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type)
                .withBody(
                        Json.mapper().createObjectNode().put("message", message).toString());
    }

    public void polly(ResponseDefinitionBuilder... answers) {
        inOrder(() -> post(urlPathEqualTo(POLLY_PATH)), "polly", answers);
    }

    /** A real MP3 (espeak-ng speech encoded at 24 kHz, 48 kbit/s: 1,099 MPEG-2 Layer III frames, 26.38 s). */
    public static byte[] speechMp3() {
        try (InputStream in = ServiceStubs.class.getResourceAsStream("/aws/polly-speech.mp3")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Secrets Manager: GetSecretValue ----------------------------------------------------------

    public void secret(String arn, String secretString) {
        var body = Json.mapper()
                .createObjectNode()
                .put("ARN", arn)
                .put("Name", arn.substring(arn.lastIndexOf(':') + 1))
                .put("SecretString", secretString)
                .put("VersionId", "b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")
                .put("CreatedDate", 1.764384000E9);
        body.putArray("VersionStages").add("AWSCURRENT");
        server.stubFor(post(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(body.toString())));
    }

    // ---- Gemini API: generateContent -------------------------------------------------------------

    /** A generateContent answer: the JSON text the schema asked for, and the usage by modality. */
    public static ResponseDefinitionBuilder geminiAnswer(
            String jsonText, int textTokens, int videoTokens, int audioTokens, int outputTokens) {
        var body = Json.mapper().createObjectNode();
        var candidate = body.putArray("candidates").addObject();
        candidate
                .putObject("content")
                .put("role", "model")
                .putArray("parts")
                .addObject()
                .put("text", jsonText);
        candidate.put("finishReason", "STOP").put("index", 0);
        var usage = body.putObject("usageMetadata");
        usage.put("promptTokenCount", textTokens + videoTokens + audioTokens)
                .put("candidatesTokenCount", outputTokens)
                .put("totalTokenCount", textTokens + videoTokens + audioTokens + outputTokens);
        var details = usage.putArray("promptTokensDetails");
        details.addObject().put("modality", "TEXT").put("tokenCount", textTokens);
        if (videoTokens > 0) {
            details.addObject().put("modality", "VIDEO").put("tokenCount", videoTokens);
        }
        if (audioTokens > 0) {
            details.addObject().put("modality", "AUDIO").put("tokenCount", audioTokens);
        }
        body.put("modelVersion", "gemini-2.5-flash-lite").put("responseId", "dGVzdC1yZXNwb25zZQ");
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body.toString());
    }

    public static ResponseDefinitionBuilder geminiError(
            int code, String status, String message, ObjectNode... details) {
        var body = Json.mapper().createObjectNode();
        var error = body.putObject("error")
                .put("code", code)
                .put("message", message)
                .put("status", status);
        if (details.length > 0) {
            var array = error.putArray("details");
            for (var d : details) {
                array.add(d);
            }
        }
        return aResponse()
                .withStatus(code)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body.toString());
    }

    public static ObjectNode errorInfo(String reason) {
        return Json.mapper()
                .createObjectNode()
                .put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
                .put("reason", reason)
                .put("domain", "googleapis.com");
    }

    public static ObjectNode retryInfo(String delay) {
        return Json.mapper()
                .createObjectNode()
                .put("@type", "type.googleapis.com/google.rpc.RetryInfo")
                .put("retryDelay", delay);
    }

    public void gemini(ResponseDefinitionBuilder... answers) {
        inOrder(() -> post(urlPathMatching(GEMINI_PATH)), "gemini", answers);
    }

    // ---- plumbing ------------------------------------------------------------------------------

    /** The answers one after another (a WireMock scenario); the last answers every later call. */
    private void inOrder(
            java.util.function.Supplier<MappingBuilder> request,
            String scenario,
            ResponseDefinitionBuilder... answers) {
        var steps = List.of(answers);
        for (int i = 0; i < steps.size(); i++) {
            var state = i == 0 ? Scenario.STARTED : scenario + "-" + i;
            var mapping = request.get()
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(steps.get(i));
            if (i + 1 < steps.size()) {
                mapping = mapping.willSetStateTo(scenario + "-" + (i + 1));
            }
            server.stubFor(mapping);
        }
    }
}
