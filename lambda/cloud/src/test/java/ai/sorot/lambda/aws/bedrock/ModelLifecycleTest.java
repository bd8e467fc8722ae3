package ai.sorot.lambda.aws.bedrock;

import static ai.sorot.lambda.aws.testkit.ServiceStubs.awsError;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.converseAnswer;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.Screenplay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coverage model's end-of-life date, read through the real Bedrock control-plane client from
 * WireMock answering {@code GetFoundationModel} as Bedrock does.
 */
class ModelLifecycleTest {

    static final String PROFILE = "us.deepseek.r1-v1:0";
    static final String LIFECYCLE_PATH = "/foundation-models/deepseek\\.r1-v1(:|%3A)0";
    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    static LocalAws aws;
    static ServiceStubs stubs;
    static AnalystClients clients;
    static Screenplay brick;

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

    private static void lifecycle(String status, Instant endOfLife) {
        // Bedrock's control plane writes its times as ISO-8601 strings
        var eol = endOfLife == null
                ? ""
                : ",\"legacyTime\":\"" + endOfLife.minus(Duration.ofDays(180)) + "\",\"endOfLifeTime\":\"" + endOfLife
                        + "\"";
        aws.wireMock()
                .stubFor(get(urlPathMatching(LIFECYCLE_PATH))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(
                                        "{\"modelDetails\":{\"modelArn\":\"arn:aws:bedrock:us-east-1::foundation-model/deepseek.r1-v1:0\","
                                                + "\"modelId\":\"deepseek.r1-v1:0\",\"modelName\":\"DeepSeek-R1\",\"providerName\":\"DeepSeek\","
                                                + "\"inputModalities\":[\"TEXT\"],\"outputModalities\":[\"TEXT\"],"
                                                + "\"modelLifecycle\":{\"status\":\"" + status
                                                + "\",\"startOfLifeTime\":\"2025-03-10T00:00:00Z\"" + eol + "}}}")));
    }

    private static ModelLifecycle lifecycleAt(Clock clock) {
        return new ModelLifecycle(clients::bedrockControl, PROFILE, clock);
    }

    private static BedrockCoverageAnalyst analyst(Clock clock) {
        return new BedrockCoverageAnalyst(clients::bedrock, lifecycleAt(clock), PROFILE, 90_000, PriceList.LIST, clock);
    }

    private static CoverageRequest request() {
        return new CoverageRequest("analysis-1764000000000-abcdef12", "Brick and Steel", brick, Duration.ofMinutes(10));
    }

    @Test
    void theFoundationModelIsTheProfileWithoutItsGeography() {
        assertThat(ModelLifecycle.foundationModelOf("us.deepseek.r1-v1:0")).contains("deepseek.r1-v1:0");
        assertThat(ModelLifecycle.foundationModelOf("apac.deepseek.r1-v1:0")).contains("deepseek.r1-v1:0");
        assertThat(ModelLifecycle.foundationModelOf("deepseek.r1-v1:0")).contains("deepseek.r1-v1:0");
        assertThat(ModelLifecycle.foundationModelOf("arn:aws:bedrock:us-east-1:123456789012:inference-profile/x"))
                .isEmpty();
    }

    @Test
    void aModelPastItsEndOfLifeFailsBeforeAnyConverseCallAndNamesTheSettingAndTheDate() {
        lifecycle("LEGACY", Instant.parse("2027-01-15T00:00:00Z"));
        assertThatThrownBy(() -> analyst(Clock.fixed(NOW, ZoneOffset.UTC)).analyse(request()))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage())
                            .contains("us.deepseek.r1-v1:0")
                            .contains("end of life")
                            .contains("2027-01-15")
                            .contains("SOROT_BEDROCK_MODEL_ID");
                });
        aws.wireMock().verify(0, postRequestedFor(urlPathMatching(ServiceStubs.CONVERSE_PATH)));
    }

    @Test
    void aLegacyModelBeforeItsEndOfLifeStillCoversAndIsReadOncePerProcess() {
        lifecycle("LEGACY", Instant.parse("2027-09-01T00:00:00Z"));
        stubs.converse(
                converseAnswer("thinking", ServiceStubs.coverageAnswer("CONSIDER"), 1_000, 500, "end_turn"),
                converseAnswer("thinking", ServiceStubs.coverageAnswer("PASS"), 1_000, 500, "end_turn"));
        var analyst = analyst(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(analyst.analyse(request()).output()).isNotNull();
        assertThat(analyst.analyse(request()).output()).isNotNull();
        aws.wireMock().verify(1, getRequestedFor(urlPathMatching(LIFECYCLE_PATH)));
        assertThat(lifecycleAt(Clock.fixed(NOW, ZoneOffset.UTC)).standing())
                .isEqualTo(new ModelLifecycle.Standing.Legacy(Instant.parse("2027-09-01T00:00:00Z")));
    }

    @Test
    void aLegacyModelReadBeforeItsEndOfLifeIsRetiredOnceTheDatePasses() {
        lifecycle("LEGACY", Instant.parse("2027-03-01T12:00:00Z"));
        var clock = new MovableClock(NOW);
        var lifecycle = lifecycleAt(clock);
        assertThat(lifecycle.standing()).isInstanceOf(ModelLifecycle.Standing.Legacy.class);
        clock.now = NOW.plus(Duration.ofHours(4)); // within the hours the answer is kept
        assertThat(lifecycle.standing()).isInstanceOf(ModelLifecycle.Standing.Retired.class);
        aws.wireMock().verify(1, getRequestedFor(urlPathMatching(LIFECYCLE_PATH)));
    }

    @Test
    void anActiveModelIsActive() {
        lifecycle("ACTIVE", null);
        assertThat(lifecycleAt(Clock.fixed(NOW, ZoneOffset.UTC)).standing())
                .isEqualTo(new ModelLifecycle.Standing.Active());
    }

    @Test
    void aLifecycleTheRoleMayNotReadLetsTheConverseCallDecide() {
        aws.wireMock()
                .stubFor(get(urlPathMatching(LIFECYCLE_PATH))
                        .willReturn(awsError(
                                403,
                                "AccessDeniedException",
                                "User is not authorized to perform: bedrock:GetFoundationModel")));
        stubs.converse(converseAnswer("thinking", ServiceStubs.coverageAnswer("RECOMMEND"), 1_000, 500, "end_turn"));
        assertThat(analyst(Clock.systemUTC()).analyse(request()).output()).isNotNull();
        assertThat(lifecycleAt(Clock.systemUTC()).standing()).isInstanceOf(ModelLifecycle.Standing.Unknown.class);
    }

    private static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
