package ai.sorot.lambda.aws.gemini;

import static ai.sorot.lambda.aws.testkit.ServiceStubs.errorInfo;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.geminiAnswer;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.geminiError;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.retryInfo;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.lambda.aws.PriceList;
import ai.sorot.lambda.aws.testkit.LocalAws;
import ai.sorot.lambda.aws.testkit.ServiceStubs;
import ai.sorot.lambda.pipeline.TrailerRequest;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.TrailerLinks;
import ai.sorot.model.screenplay.Screenplay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gemini 2.5 Flash-Lite over the Gemini REST API, against WireMock answering as generateContent does. */
class GeminiTrailerAnalystTest {

    static final String KEY = "AIzaSy-test-key-never-logged-0123456789";
    static LocalAws aws;
    static ServiceStubs stubs;
    static Screenplay brick;

    @BeforeAll
    static void start() {
        aws = LocalAws.get();
        stubs = new ServiceStubs(aws.wireMock());
        brick = new ScreenplayReader().read(TestScripts.brickAndSteelPdf(), "brick.pdf");
    }

    @BeforeEach
    void reset() {
        stubs.reset();
    }

    private GeminiTrailerAnalyst analyst() {
        return new GeminiTrailerAnalyst(
                aws.wireMockUrl(), "gemini-2.5-flash-lite", () -> Optional.of(KEY), PriceList.LIST, Clock.systemUTC());
    }

    private static TrailerRequest request(String url, Duration budget) {
        return new TrailerRequest("analysis-1764000000000-abcdef12", TrailerLinks.check(url), brick, budget);
    }

    static String answer() {
        var root = Json.mapper().createObjectNode();
        root.put("pacing", "Slow first minute, then rapid cuts on the shift whistle.");
        root.put("tone", "bleak, tense");
        root.put("hook", "The ledger sliding across the welding bench at 0:14.");
        root.put("promiseVsScript", "Promises an action thriller; the script is a slower moral drama.");
        root.put("score", 6);
        root.put("durationSeconds", 124.0);
        var observations = root.putArray("observations");
        observations.addObject().put("timestamp", "0:14").put("text", "The ledger is the hook.");
        observations.addObject().put("timestamp", "1:40").put("text", "The title card lands late.");
        return root.toString();
    }

    @Test
    void theCoveragesStoryGoesInsteadOfTheOpeningAndAWrongVideoAndTimesPastItsEndAreSaid() throws Exception {
        // an answer written for this test: Gemini says the video is something else, and cites a time past the end
        var root =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(answer());
        root.put("isTrailerOfThisFilm", false).put("notTrailerReason", "a music video for an unrelated song");
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("observations"))
                .addObject()
                .put("timestamp", "7:45")
                .put("text", "A closing card that this video does not have.");
        stubs.gemini(geminiAnswer(root.toString(), 820, 31_992, 0, 310)); // 31,992 video tokens: 124 s
        var coverage = new ai.sorot.model.report.Coverage(
                "Two retired detectives learn everyone they jailed is coming.",
                "Brick and Steel hate retirement; word comes that every criminal they put away wants revenge.",
                java.util.List.of("Action"),
                null,
                null,
                null,
                "BRICK",
                null,
                null,
                null,
                null,
                null,
                ai.sorot.model.report.Provenance.localModel("qwen3:14b", "Ollama", null, true));
        var result = analyst()
                .analyse(new TrailerRequest(
                        "analysis-1764000000000-abcdef12",
                        TrailerLinks.check("https://youtu.be/dQw4w9WgXcQ"),
                        brick,
                        coverage,
                        Duration.ofMinutes(3)));
        aws.wireMock()
                .verify(
                        1,
                        postRequestedFor(urlPathEqualTo("/v1beta/models/gemini-2.5-flash-lite:generateContent"))
                                .withRequestBody(containing("Logline: Two retired detectives"))
                                .withRequestBody(containing("Synopsis: Brick and Steel hate retirement"))
                                .withRequestBody(matchingJsonPath(
                                        "$.generationConfig.responseSchema.properties.isTrailerOfThisFilm")));
        aws.wireMock()
                .verify(
                        0,
                        postRequestedFor(urlPathEqualTo("/v1beta/models/gemini-2.5-flash-lite:generateContent"))
                                .withRequestBody(containing("Opening of the script")));
        var trailer = result.output();
        assertThat(trailer.observations())
                .extracting(c -> c.text())
                .containsExactly("0:14 The ledger is the hook.", "1:40 The title card lands late.");
        assertThat(trailer.note())
                .contains("not this film's trailer: a music video for an unrelated song")
                .contains("1 observation gave a time past the video's end (2:04)");
        assertThat(GeminiTrailerAnalyst.seconds("1:02:03")).isEqualTo(3723.0);
        assertThat(GeminiTrailerAnalyst.seconds("soon")).isNull();
    }

    @Test
    void sendsTheYoutubeLinkAsFileDataWithASchemaAndTheKeyInAHeader() {
        stubs.gemini(geminiAnswer(answer(), 820, 31_992, 3_968, 310));
        var result = analyst().analyse(request("https://youtu.be/dQw4w9WgXcQ?t=3", Duration.ofMinutes(3)));
        aws.wireMock()
                .verify(
                        1,
                        postRequestedFor(urlPathEqualTo("/v1beta/models/gemini-2.5-flash-lite:generateContent"))
                                .withHeader("x-goog-api-key", equalTo(KEY))
                                .withQueryParam("key", absent())
                                .withRequestBody(matchingJsonPath(
                                        "$.contents[0].parts[0].file_data.file_uri",
                                        equalTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ")))
                                .withRequestBody(matchingJsonPath(
                                        "$.generationConfig.responseMimeType", equalTo("application/json")))
                                .withRequestBody(matchingJsonPath(
                                        "$.generationConfig.responseSchema.properties.promiseVsScript"))
                                .withRequestBody(containing("Opening of the script")));
        var trailer = result.output();
        assertThat(trailer.analysed()).isTrue();
        assertThat(trailer.score()).isEqualTo(6);
        assertThat(trailer.durationSeconds()).isEqualTo(124.0);
        assertThat(trailer.observations())
                .extracting(c -> c.text())
                .containsExactly("0:14 The ledger is the hook.", "1:40 The title card lands late.");
        assertThat(trailer.provenance().label()).isEqualTo("Gemini 2.5 Flash-Lite on Google Gemini API");
        var usage = result.usage();
        assertThat(usage.inputTokens()).isEqualTo(820 + 31_992 + 3_968);
        assertThat(usage.videoSeconds()).isEqualTo(124.0); // 31,992 video tokens at 258 a second
        assertThat(usage.costUsd())
                .isCloseTo(
                        (820 + 31_992) * 0.10e-6 + 3_968 * 0.30e-6 + 310 * 0.40e-6,
                        org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void anAnswerWithoutAnyLengthLeavesTheDurationUnknown() throws Exception {
        // neither a durationSeconds in the answer nor video tokens in the usage: the length is unknown, not a crash
        var root =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(answer());
        root.remove("durationSeconds");
        stubs.gemini(geminiAnswer(root.toString(), 820, 0, 0, 310));
        var trailer = analyst()
                .analyse(request("https://youtu.be/dQw4w9WgXcQ", Duration.ofMinutes(3)))
                .output();
        assertThat(trailer.analysed()).isTrue();
        assertThat(trailer.durationSeconds()).isNull();
        assertThat(trailer.observations()).hasSize(2);
    }

    @Test
    void aPrivateOrRemovedVideoIsTrailerUnavailable() {
        stubs.gemini(geminiError(400, "INVALID_ARGUMENT", "Request contains an invalid argument."));
        assertThatThrownBy(() ->
                        analyst().analyse(request("https://www.youtube.com/watch?v=private123", Duration.ofMinutes(3))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TRAILER_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("private").contains("removed");
                });
        aws.wireMock().verify(1, postRequestedFor(urlPathMatching(ServiceStubs.GEMINI_PATH))); // not retried
    }

    @Test
    void aRefusedKeyIsModelUnavailableAndTheKeyAppearsNowhere() {
        var captured = new ByteArrayOutputStream();
        var handler = new StreamHandler(
                new PrintStream(captured, true, StandardCharsets.UTF_8), new java.util.logging.SimpleFormatter());
        handler.setLevel(java.util.logging.Level.ALL);
        Logger.getLogger("").addHandler(handler);
        try {
            stubs.gemini(geminiError(
                    400,
                    "INVALID_ARGUMENT",
                    "API key not valid. Please pass a valid API key.",
                    errorInfo("API_KEY_INVALID")));
            assertThatThrownBy(() ->
                            analyst().analyse(request("https://www.youtube.com/watch?v=abc", Duration.ofMinutes(3))))
                    .isInstanceOfSatisfying(SorotException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
                        assertThat(e.getMessage()).contains("GEMINI_API_KEY").doesNotContain(KEY);
                    });
        } finally {
            handler.flush();
            Logger.getLogger("").removeHandler(handler);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(KEY);
    }

    @Test
    void anUnknownModelNamesTheSettingToChange() {
        stubs.gemini(geminiError(404, "NOT_FOUND", "models/gemini-9 is not found for API version v1beta."));
        assertThatThrownBy(
                        () -> analyst().analyse(request("https://www.youtube.com/watch?v=abc", Duration.ofMinutes(3))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("SOROT_GEMINI_MODEL");
                });
    }

    @Test
    void quotaAndServerErrorsAreRetriedThenSucceed() {
        stubs.gemini(
                geminiError(
                        429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).", retryInfo("1s")),
                geminiError(503, "UNAVAILABLE", "The model is overloaded. Please try again later."),
                geminiAnswer(answer(), 800, 30_000, 0, 300));
        assertThat(analyst()
                        .analyse(request("https://www.youtube.com/watch?v=abc", Duration.ofMinutes(3)))
                        .output()
                        .analysed())
                .isTrue();
        aws.wireMock().verify(3, postRequestedFor(urlPathMatching(ServiceStubs.GEMINI_PATH)));
    }

    @Test
    void aQuotaThatStaysExhaustedIsThrottled() {
        stubs.gemini(geminiError(
                429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).", retryInfo("0.2s")));
        assertThatThrownBy(
                        () -> analyst().analyse(request("https://www.youtube.com/watch?v=abc", Duration.ofMinutes(3))))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.THROTTLED));
        aws.wireMock()
                .verify(GeminiTrailerAnalyst.ATTEMPTS, postRequestedFor(urlPathMatching(ServiceStubs.GEMINI_PATH)));
    }

    @Test
    void aSlowAnswerIsCutOffAtTheStepBudget() {
        stubs.gemini(geminiAnswer(answer(), 1, 1, 0, 1).withFixedDelay(15_000));
        var started = System.nanoTime();
        assertThatThrownBy(
                        () -> analyst().analyse(request("https://www.youtube.com/watch?v=abc", Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STEP_TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void vimeoLinksStayWithTheLinkMetadataSinceGeminiReadsOnlyYoutube() {
        var result = analyst().analyse(request("https://vimeo.com/76979871", Duration.ofMinutes(3)));
        assertThat(result.output().analysed()).isFalse();
        assertThat(result.provenance().offline()).isTrue();
        aws.wireMock().verify(0, postRequestedFor(urlPathMatching(ServiceStubs.GEMINI_PATH)));
    }

    @Test
    void withoutAKeyAStackKeepsTheLinkMetadataAndSaysWhy() {
        var keyless = new GeminiTrailerAnalyst(
                aws.wireMockUrl(), "gemini-2.5-flash-lite", Optional::empty, false, PriceList.LIST, Clock.systemUTC());
        var result = keyless.analyse(request("https://www.youtube.com/watch?v=abc", Duration.ofMinutes(3)));
        assertThat(result.output().analysed()).isFalse();
        assertThat(result.output().note()).contains("no Gemini API key").contains("GEMINI_API_KEY");
        aws.wireMock().verify(0, postRequestedFor(urlPathMatching(ServiceStubs.GEMINI_PATH)));
    }

    @Test
    void noKeyIsAClearModelUnavailableWhenCloudAnalystsAreRequired() {
        var keyless = new GeminiTrailerAnalyst(
                aws.wireMockUrl(), "gemini-2.5-flash-lite", Optional::empty, PriceList.LIST, Clock.systemUTC());
        assertThatThrownBy(() -> keyless.analyse(request("https://www.youtube.com/watch?v=abc", Duration.ofMinutes(3))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("GEMINI_API_KEY");
                });
    }
}
