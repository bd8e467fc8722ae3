package ai.sorot.lambda.aws.bedrock;

import static ai.sorot.lambda.aws.testkit.ServiceStubs.awsError;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.converseAnswer;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.lambda.aws.AnalystClients;
import ai.sorot.lambda.aws.PriceList;
import ai.sorot.lambda.aws.testkit.LocalAws;
import ai.sorot.lambda.aws.testkit.ServiceStubs;
import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.Evidence.Verification;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.screenplay.Screenplay;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DeepSeek-R1 coverage through the real Bedrock Runtime client, against WireMock answering as
 * Bedrock's Converse API does: the reasoning and text blocks, usage, and its errors.
 */
class BedrockCoverageAnalystTest {

    static LocalAws aws;
    static ServiceStubs stubs;
    static AnalystClients clients;
    static Screenplay brick;
    static final String MODEL = "us.deepseek.r1-v1:0";

    @BeforeAll
    static void start() {
        aws = LocalAws.get();
        stubs = new ServiceStubs(aws.wireMock());
        clients = new AnalystClients(aws.config(Map.of()));
        brick = new ScreenplayReader().read(TestScripts.brickAndSteelPdf(), "brick.pdf");
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    @BeforeEach
    void reset() {
        stubs.reset();
    }

    private BedrockCoverageAnalyst analyst() {
        // WireMock has no lifecycle answer here (404): the lifecycle is unknown and the call goes ahead
        return new BedrockCoverageAnalyst(
                clients::bedrock,
                new ModelLifecycle(clients::bedrockControl, MODEL, Clock.systemUTC()),
                MODEL,
                90_000,
                PriceList.LIST,
                Clock.systemUTC());
    }

    private static CoverageRequest request(Duration budget) {
        return new CoverageRequest("analysis-1764000000000-abcdef12", "Brick and Steel", brick, budget);
    }

    static String validAnswer(String recommendation) {
        return ServiceStubs.coverageAnswer(recommendation);
    }

    @Test
    void theCoverageComesFromTheTextBlockAndNeverFromTheReasoning() {
        stubs.converse(converseAnswer(
                "Let me think. PRIVATE-REASONING: the third act sags.",
                validAnswer("CONSIDER"),
                31_842,
                2_310,
                "end_turn"));
        var result = analyst().analyse(request(Duration.ofMinutes(10)));
        var coverage = result.output();
        assertThat(coverage.logline()).startsWith("A welder");
        assertThat(coverage.recommendation()).isEqualTo(Recommendation.CONSIDER);
        assertThat(coverage.grid()).extracting(GridScore::criterion).containsExactlyElementsOf(GridScore.CRITERIA);
        var evidence = coverage.strengths().getFirst().evidence();
        assertThat(evidence)
                .extracting(Evidence::verification)
                .containsExactly(
                        Verification.QUOTED,
                        Verification.NOT_FOUND,
                        Verification.QUOTED); // Cyber Bob's words are not in Brick & Steel
        assertThat(evidence.getFirst().page())
                .isEqualTo(brick.scenes().getFirst().startPage());
        assertThat(evidence.get(2).scene())
                .as("cited as scene 999, found in scene 1")
                .isEqualTo(1);
        assertThat(result.checks()).isEmpty();
        assertThat(coverage.provenance().label()).isEqualTo("DeepSeek-R1 (us.deepseek.r1-v1:0) on Amazon Bedrock");
        assertThat(Json.mapper().valueToTree(coverage).toString()).doesNotContain("PRIVATE-REASONING");
        assertThat(result.usage().inputTokens()).isEqualTo(31_842);
        assertThat(result.usage().outputTokens()).isEqualTo(2_310);
        assertThat(result.usage().costUsd())
                .isCloseTo(31_842 * 1.35e-6 + 2_310 * 5.40e-6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void thePromptIsTheParsedScreenplayWithItsFiguresAndTheCallAsksFor8kTokens() {
        stubs.converse(converseAnswer("r", validAnswer("PASS"), 100, 100, "end_turn"));
        analyst().analyse(request(Duration.ofMinutes(10)));
        aws.wireMock()
                .verify(
                        1,
                        postRequestedFor(urlPathEqualTo("/model/us.deepseek.r1-v1%3A0/converse"))
                                .withRequestBody(matchingJsonPath("$.inferenceConfig.maxTokens", containing("8192")))
                                .withRequestBody(matchingJsonPath("$.messages[0].role", containing("user")))
                                .withRequestBody(containing("SCREENPLAY FIGURES"))
                                .withRequestBody(containing("[S1 p."))
                                .withRequestBody(containing("Leading characters"))
                                .withHeader("Authorization", containing("AWS4-HMAC-SHA256")));
    }

    @Test
    void anUnusableAnswerGetsOneRepairRequestNamingItsProblems() {
        var broken = validAnswer("CONSIDER").replace("\"festival fit\"", "\"marketability\"");
        stubs.converse(
                converseAnswer("r1", "Here is the coverage:\n```json\n" + broken + "\n```", 30_000, 1_500, "end_turn"),
                converseAnswer("r2", validAnswer("RECOMMEND"), 31_600, 1_400, "end_turn"));
        var result = analyst().analyse(request(Duration.ofMinutes(10)));
        assertThat(result.output().recommendation()).isEqualTo(Recommendation.RECOMMEND);
        assertThat(result.usage().inputTokens()).isEqualTo(61_600);
        aws.wireMock().verify(2, postRequestedFor(urlPathMatching(ServiceStubs.CONVERSE_PATH)));
        aws.wireMock()
                .verify(
                        1,
                        postRequestedFor(urlPathMatching(ServiceStubs.CONVERSE_PATH))
                                .withRequestBody(matchingJsonPath("$.messages[1].role", containing("assistant")))
                                .withRequestBody(containing("unknown criterion"))
                                .withRequestBody(containing("is missing festival fit")));
    }

    @Test
    void twoUnusableAnswersFailTheStepWithTheProblems() {
        stubs.converse(converseAnswer("r", "I cannot help with that.", 30_000, 50, "end_turn"));
        assertThatThrownBy(() -> analyst().analyse(request(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_ANSWER_UNUSABLE);
                    assertThat(e.getMessage())
                            .contains("after one repair request")
                            .contains("not a JSON object")
                            .contains(MODEL);
                });
        aws.wireMock().verify(2, postRequestedFor(urlPathMatching(ServiceStubs.CONVERSE_PATH)));
    }

    @Test
    void anAnswerCutOffAtTheTokenLimitIsAskedForAgainAsSuch() {
        var valid = validAnswer("PASS");
        stubs.converse(
                converseAnswer("long reasoning", valid.substring(0, valid.length() / 2), 30_000, 8_192, "max_tokens"),
                converseAnswer("short", valid, 30_000, 3_000, "end_turn"));
        assertThat(analyst().analyse(request(Duration.ofMinutes(10))).output().recommendation())
                .isEqualTo(Recommendation.PASS);
        aws.wireMock()
                .verify(
                        1,
                        postRequestedFor(urlPathMatching(ServiceStubs.CONVERSE_PATH))
                                .withRequestBody(containing("cut off at the output limit")));
    }

    @Test
    void inventedQuotesGoBackInTheOneRepairAndStayNotFoundWhenTheModelInsists() {
        // an answer written for this test: every quote is invented
        var invented = validAnswer("RECOMMEND")
                .replace(ServiceStubs.BRICK_QUOTE, "The mill burns while Mara watches.")
                .replace(ServiceStubs.CYBER_BOB_QUOTE, "Nobody in this town keeps a ledger honest.")
                .replace("Screw retirement.", "The ledger was never ours to keep.")
                .replace("Does a bear crap in the woods?", "Owners never walk the floor at night.")
                .replace("The SCREEN DOOR slides open", "Sparks fall on the ledger");
        stubs.converse(converseAnswer("r", invented, 30_000, 1_500, "end_turn"));
        var seen = new java.util.ArrayList<String>();
        var analyst = new BedrockCoverageAnalyst(
                clients::bedrock,
                new ModelLifecycle(clients::bedrockControl, MODEL, Clock.systemUTC()),
                MODEL,
                90_000,
                PriceList.LIST,
                Clock.systemUTC(),
                reply -> seen.add(reply.stopReason() + " " + reply.usage().outputTokens()));
        var result = analyst.analyse(request(Duration.ofMinutes(10)));
        var coverage = result.output();
        var all = java.util.stream.Stream.concat(
                        java.util.stream.Stream.concat(
                                coverage.strengths().stream().map(c -> c.evidence()),
                                coverage.concerns().stream().map(c -> c.evidence())),
                        coverage.grid().stream().map(GridScore::evidence))
                .flatMap(java.util.List::stream)
                .toList();
        assertThat(all).isNotEmpty().extracting(Evidence::verification).containsOnly(Verification.NOT_FOUND);
        assertThat(all).extracting(Evidence::page).containsOnlyNulls();
        assertThat(coverage.strengths()).noneMatch(ai.sorot.model.report.Claim::isVerified);
        assertThat(result.checks())
                .extracting(ai.sorot.model.report.Check::code)
                .containsExactly("QUOTES_NOT_FOUND"); // RECOMMEND on a grid averaging 7.5 agrees with it
        aws.wireMock().verify(2, postRequestedFor(urlPathMatching(ServiceStubs.CONVERSE_PATH)));
        aws.wireMock()
                .verify(
                        1,
                        postRequestedFor(urlPathMatching(ServiceStubs.CONVERSE_PATH))
                                .withRequestBody(containing("not in the script")));
        assertThat(seen).containsExactly("end_turn 1500", "end_turn 1500");
    }

    @Test
    void throttlingAndServerErrorsAreRetriedWithBackoff() {
        stubs.converse(
                awsError(429, "ThrottlingException", "Too many requests, please wait before trying again."),
                awsError(503, "ServiceUnavailableException", "Bedrock is unable to process your request."),
                awsError(500, "InternalServerException", "The server encountered an internal error."),
                converseAnswer("r", validAnswer("CONSIDER"), 100, 100, "end_turn"));
        var started = System.nanoTime();
        assertThat(analyst().analyse(request(Duration.ofMinutes(10))).output()).isNotNull();
        aws.wireMock().verify(4, postRequestedFor(urlPathMatching(ServiceStubs.CONVERSE_PATH)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(45));
    }

    @Test
    void throttlingThatOutlastsTheRetriesFailsAsThrottled() {
        stubs.converse(awsError(429, "ThrottlingException", "Too many requests, please wait before trying again."));
        assertThatThrownBy(() -> analyst().analyse(request(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.THROTTLED));
        aws.wireMock().verify(4, postRequestedFor(urlPathMatching(ServiceStubs.CONVERSE_PATH)));
    }

    @Test
    void anOnDemandModelIdFailsAsModelUnavailableAndNamesTheSettingToChange() {
        stubs.converse(
                awsError(
                        400,
                        "ValidationException",
                        "Invocation of model ID deepseek.r1-v1:0 with on-demand "
                                + "throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model."));
        assertThatThrownBy(() -> analyst().analyse(request(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage())
                            .contains("SOROT_BEDROCK_MODEL_ID")
                            .contains("BedrockModelId")
                            .contains("inference profile");
                });
        aws.wireMock().verify(1, postRequestedFor(urlPathMatching(ServiceStubs.CONVERSE_PATH))); // not retried
    }

    @Test
    void aRetiredOrUnenabledModelFailsAsModelUnavailable() {
        stubs.converse(
                awsError(
                        404,
                        "ResourceNotFoundException",
                        "This model version has reached the end of its life. Please refer to the AWS documentation for more details."));
        assertThatThrownBy(() -> analyst().analyse(request(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("end of its life").contains("SOROT_BEDROCK_MODEL_ID");
                });
        stubs.reset();
        stubs.converse(awsError(
                403, "AccessDeniedException", "You don't have access to the model with the specified model ID."));
        assertThatThrownBy(() -> analyst().analyse(request(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("Model access");
                });
    }

    @Test
    void aModelThatOutlastsTheStepBudgetIsCutOffAsStepTimeout() {
        stubs.converse(
                converseAnswer("r", validAnswer("PASS"), 1, 1, "end_turn").withFixedDelay(20_000));
        var started = System.nanoTime();
        assertThatThrownBy(() -> analyst().analyse(request(Duration.ofSeconds(8))))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STEP_TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(12));
    }

    @Test
    void aDroppedConnectionIsRetried() {
        stubs.converse(
                aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER),
                converseAnswer("r", validAnswer("CONSIDER"), 1, 1, "end_turn"));
        assertThat(analyst().analyse(request(Duration.ofMinutes(10))).output().recommendation())
                .isEqualTo(Recommendation.CONSIDER);
    }
}
