package ai.sorot.lambda.aws.polly;

import static ai.sorot.lambda.aws.testkit.ServiceStubs.pollyError;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.speech;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.speechMp3;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.lambda.aws.AnalystClients;
import ai.sorot.lambda.aws.PriceList;
import ai.sorot.lambda.aws.testkit.LocalAws;
import ai.sorot.lambda.aws.testkit.ServiceStubs;
import ai.sorot.lambda.pipeline.NarrationRequest;
import ai.sorot.lambda.pipeline.SpeechScript;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amazon Polly through the real SDK client, against WireMock answering as SynthesizeSpeech does. */
class PollyNarratorTest {

    static LocalAws aws;
    static ServiceStubs stubs;
    static AnalystClients clients;

    @BeforeAll
    static void start() {
        aws = LocalAws.get();
        stubs = new ServiceStubs(aws.wireMock());
        clients = new AnalystClients(aws.config(Map.of()));
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    @BeforeEach
    void reset() {
        stubs.reset();
    }

    private PollyNarrator narrator() {
        return new PollyNarrator(clients::polly, "Joanna", PriceList.LIST, Clock.systemUTC());
    }

    static SpeechScript summary() {
        return new SpeechScript(
                List.of(
                        "Brick and Steel, by Dana Okafor. Ninety-eight pages, about ninety-eight minutes.",
                        "A welder in a dying mill town finds the ledger that could bring down the men who own it.",
                        "Verdict: consider, with an overall score of 62 out of 100. It flags a thin antagonist & <a> long ending."));
    }

    @Test
    void speaksSsmlWithANeuralVoiceAndReturnsTheMp3WithItsLengthAndBilledCharacters() {
        stubs.polly(speech(speechMp3(), 241));
        var result = narrator()
                .narrate(new NarrationRequest("analysis-1764000000000-abcdef12", summary(), Duration.ofMinutes(3)));
        aws.wireMock()
                .verify(
                        1,
                        postRequestedFor(urlPathEqualTo(ServiceStubs.POLLY_PATH))
                                .withRequestBody(matchingJsonPath("$.Engine", equalTo("neural")))
                                .withRequestBody(matchingJsonPath("$.OutputFormat", equalTo("mp3")))
                                .withRequestBody(matchingJsonPath("$.TextType", equalTo("ssml")))
                                .withRequestBody(matchingJsonPath("$.VoiceId", equalTo("Joanna")))
                                .withRequestBody(matchingJsonPath("$.SampleRate", equalTo("24000")))
                                .withRequestBody(containing("<speak><p>Brick and Steel"))
                                .withRequestBody(containing("thin antagonist &amp; &lt;a&gt; long ending"))
                                .withRequestBody(containing("<prosody rate=\\\"90%\\\">")));
        var audio = result.output();
        assertThat(audio.format()).isEqualTo("mp3");
        assertThat(audio.contentType()).isEqualTo("audio/mpeg");
        assertThat(audio.durationSeconds()).isCloseTo(26.38, org.assertj.core.data.Offset.offset(0.01));
        assertThat(result.usage().characters()).isEqualTo(241);
        assertThat(result.usage().costUsd()).isCloseTo(241 * 16e-6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result.provenance().label()).isEqualTo("neural voice Joanna on Amazon Polly");
    }

    @Test
    void aSummaryOverTheRequestLimitIsSplitAtSentencesAndJoined() {
        var paragraphs = new ArrayList<String>();
        for (int p = 0; p < 4; p++) {
            var sb = new StringBuilder();
            for (int s = 0; s < 30; s++) {
                sb.append("Sentence ")
                        .append(s)
                        .append(" of paragraph ")
                        .append(p)
                        .append(" says something worth hearing. ");
            }
            paragraphs.add(sb.toString().strip());
        }
        var script = new SpeechScript(paragraphs);
        int expectedRequests = SsmlChunks.of(script).size();
        assertThat(expectedRequests).isGreaterThan(1);
        stubs.polly(speech(speechMp3(), 2_000));
        var result = narrator()
                .narrate(new NarrationRequest("analysis-1764000000000-abcdef12", script, Duration.ofMinutes(3)));
        aws.wireMock().verify(expectedRequests, postRequestedFor(urlPathEqualTo(ServiceStubs.POLLY_PATH)));
        assertThat(result.output().bytes()).hasSize(speechMp3().length * expectedRequests);
        assertThat(result.output().durationSeconds())
                .isCloseTo(26.38 * expectedRequests, org.assertj.core.data.Offset.offset(0.05));
        assertThat(result.usage().characters()).isEqualTo(2_000L * expectedRequests);
    }

    @Test
    void throttlingAndServiceFailuresAreRetried() {
        stubs.polly(
                pollyError(400, "ThrottlingException", "Rate exceeded"),
                pollyError(500, "ServiceFailureException", "Amazon Polly failed."),
                speech(speechMp3(), 100));
        assertThat(narrator()
                        .narrate(new NarrationRequest(
                                "analysis-1764000000000-abcdef12", summary(), Duration.ofMinutes(3)))
                        .output()
                        .durationSeconds())
                .isGreaterThan(26);
        aws.wireMock().verify(3, postRequestedFor(urlPathEqualTo(ServiceStubs.POLLY_PATH)));
    }

    @Test
    void aVoiceWithoutTheNeuralEngineNamesTheSettingToChange() {
        stubs.polly(pollyError(
                400, "EngineNotSupportedException", "This voice does not support the selected engine: neural"));
        assertThatThrownBy(() -> narrator()
                        .narrate(new NarrationRequest(
                                "analysis-1764000000000-abcdef12", summary(), Duration.ofMinutes(3))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("SOROT_POLLY_VOICE");
                });
    }

    @Test
    void refusedSsmlFailsTheStepWithoutRetrying() {
        stubs.polly(pollyError(400, "InvalidSsmlException", "Invalid SSML request"));
        assertThatThrownBy(() -> narrator()
                        .narrate(new NarrationRequest(
                                "analysis-1764000000000-abcdef12", summary(), Duration.ofMinutes(3))))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ANALYST_FAILED));
        aws.wireMock().verify(1, postRequestedFor(urlPathEqualTo(ServiceStubs.POLLY_PATH)));
    }

    @Test
    void somethingThatIsNotAnMp3IsRefused() {
        stubs.polly(speech("<html>proxy error</html>".getBytes(), 10));
        assertThatThrownBy(() -> narrator()
                        .narrate(new NarrationRequest(
                                "analysis-1764000000000-abcdef12", summary(), Duration.ofMinutes(3))))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.getMessage()).contains("not an MP3"));
    }
}
