package ai.sorot.lambda.localmodel;

import static ai.sorot.lambda.localmodel.ModelServerStub.ACROSS_PAGES;
import static ai.sorot.lambda.localmodel.ModelServerStub.CHAT;
import static ai.sorot.lambda.localmodel.ModelServerStub.CURLY_QUOTE;
import static ai.sorot.lambda.localmodel.ModelServerStub.REAL_QUOTE;
import static ai.sorot.lambda.localmodel.ModelServerStub.coverage;
import static ai.sorot.lambda.localmodel.ModelServerStub.llamaCppAnswer;
import static ai.sorot.lambda.localmodel.ModelServerStub.ollamaAnswer;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.lambda.coverage.NoModelFallback;
import ai.sorot.lambda.offline.OfflineCoverageAnalyst;
import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Check;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.Evidence.Verification;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.screenplay.Screenplay;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Coverage by a model on the curator's machine, through real HTTP on loopback to a WireMock
 * server answering as Ollama and llama.cpp do: think blocks, reasoning fields, cut-off answers,
 * prose, errors, a server that hangs, and quotes real and invented.
 */
class LocalModelCoverageAnalystTest {

    static final Screenplay BRICK = new ScreenplayReader().read(TestScripts.brickAndSteelPdf(), "brick.pdf");
    static final String MODEL = "qwen3:14b";

    ModelServerStub stub;

    @BeforeEach
    void start() {
        stub = new ModelServerStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    LocalModelCoverageAnalyst analyst(String key) {
        return new LocalModelCoverageAnalyst(new LocalModelSettings(stub.base(), MODEL, key), Clock.systemUTC());
    }

    static CoverageRequest request(Duration budget) {
        return new CoverageRequest("analysis-1764000000000-abcdef12", "Brick & Steel", BRICK, budget);
    }

    static List<Evidence> allEvidence(Coverage coverage) {
        return Stream.of(
                        coverage.strengths().stream().map(Claim::evidence),
                        coverage.concerns().stream().map(Claim::evidence),
                        coverage.grid().stream().map(GridScore::evidence))
                .flatMap(s -> s)
                .flatMap(List::stream)
                .toList();
    }

    @Test
    void ollamaWithAThinkBlockGivesCoverageWhoseRealQuotesAreQuotedWithTheirPages() {
        stub.asOllama(MODEL, 32_768);
        stub.chat(ollamaAnswer(
                MODEL,
                "PRIVATE-THOUGHT: the second act is thin.",
                coverage("CONSIDER", REAL_QUOTE, ACROSS_PAGES, CURLY_QUOTE),
                "stop",
                3_120,
                1_450));
        var result = analyst(null).analyse(request(Duration.ofMinutes(10)));
        var coverage = result.output();
        assertThat(coverage.provenance().label()).isEqualTo("qwen3:14b via Ollama, on this computer");
        assertThat(result.provenance().place()).isEqualTo(Provenance.Place.THIS_COMPUTER);
        assertThat(Json.mapper().valueToTree(coverage).toString()).doesNotContain("PRIVATE-THOUGHT");
        var evidence = allEvidence(coverage);
        assertThat(evidence).extracting(Evidence::verification).containsOnly(Verification.QUOTED);
        assertThat(evidence)
                .filteredOn(e -> e.quote().equals(REAL_QUOTE))
                .extracting(Evidence::page, Evidence::scene)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(1, 1));
        // cited as scene 6, and it is there: it starts on page 2 and runs onto page 3 past the character cue
        assertThat(evidence)
                .filteredOn(e -> e.quote().equals(ACROSS_PAGES))
                .extracting(Evidence::page, Evidence::scene)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(2, 6));
        // a curly apostrophe in the quote, a straight one in the script
        assertThat(evidence)
                .filteredOn(e -> e.quote().equals(CURLY_QUOTE))
                .extracting(Evidence::page, Evidence::scene)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(3, 7));
        assertThat(result.checks()).isEmpty();
        assertThat(result.usage().inputTokens()).isEqualTo(3_120);
        stub.server.verify(
                1,
                postRequestedFor(urlPathEqualTo(CHAT))
                        .withRequestBody(matchingJsonPath("$.model", equalTo(MODEL)))
                        .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                        .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                        .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.properties.grid"))
                        .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("user")))
                        .withRequestBody(containing("<<<SCRIPT"))
                        .withRequestBody(containing("[S1 p.1]"))
                        .withRequestBody(containing("A gorgeous day."))
                        .withoutHeader("Authorization"));
    }

    @Test
    void aKeyIsSentAsABearerTokenOnlyWhenSet() {
        stub.asOllama(MODEL, null);
        stub.chat(ollamaAnswer(MODEL, null, coverage("PASS", REAL_QUOTE), "stop", 2_000, 900));
        analyst("sk-local-test").analyse(request(Duration.ofMinutes(10)));
        stub.server.verify(
                1, postRequestedFor(urlPathEqualTo(CHAT)).withHeader("Authorization", equalTo("Bearer sk-local-test")));
    }

    @Test
    void llamaCppKeepsItsReasoningApartAndItsWindowIsReadFromProps() {
        stub.asLlamaCpp("Qwen3-14B-Q4_K_M.gguf", 16_384);
        stub.chat(llamaCppAnswer(
                "Qwen3-14B-Q4_K_M.gguf",
                "PRIVATE-THOUGHT: count the scenes.",
                coverage("CONSIDER", REAL_QUOTE),
                "stop",
                3_000,
                1_200));
        var result = analyst(null).analyse(request(Duration.ofMinutes(10)));
        assertThat(result.provenance().label()).isEqualTo("qwen3:14b via llama.cpp, on this computer");
        assertThat(Json.mapper().valueToTree(result.output()).toString()).doesNotContain("PRIVATE-THOUGHT");
        // 16k window: 35 % kept for the answer
        stub.server.verify(postRequestedFor(urlPathEqualTo(CHAT))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("5734"))));
    }

    @Test
    void inventedQuotesComeBackNotFoundAfterExactlyOneRepairAndAreNeverQuoted() {
        stub.asOllama(MODEL, 32_768);
        // written for this test: words that are not in Brick & Steel
        var invented = coverage(
                "RECOMMEND", "Brick weeps over his badge in the rain.", "The sniper laughs and lowers his rifle.");
        stub.chat(ollamaAnswer(MODEL, "ok", invented, "stop", 3_000, 1_000));
        var result = analyst(null).analyse(request(Duration.ofMinutes(10)));
        var evidence = allEvidence(result.output());
        assertThat(evidence).isNotEmpty().extracting(Evidence::verification).containsOnly(Verification.NOT_FOUND);
        assertThat(evidence).extracting(Evidence::page).containsOnlyNulls();
        assertThat(result.output().strengths()).noneMatch(Claim::isVerified);
        assertThat(result.checks()).extracting(Check::code).contains("QUOTES_NOT_FOUND");
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(CHAT)));
        stub.server.verify(
                1,
                postRequestedFor(urlPathEqualTo(CHAT))
                        .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("assistant")))
                        .withRequestBody(containing("not in the script"))
                        .withRequestBody(containing("Brick weeps over his badge")));
    }

    @Test
    void aRepairThatFindsRealQuotesReplacesTheInventedOnes() {
        stub.asOllama(MODEL, 32_768);
        stub.chat(
                ollamaAnswer(
                        MODEL,
                        null,
                        coverage("CONSIDER", "Brick weeps over his badge in the rain."),
                        "stop",
                        3_000,
                        900),
                ollamaAnswer(MODEL, null, coverage("CONSIDER", REAL_QUOTE), "stop", 4_100, 900));
        var result = analyst(null).analyse(request(Duration.ofMinutes(10)));
        assertThat(allEvidence(result.output()))
                .extracting(Evidence::verification)
                .containsOnly(Verification.QUOTED);
        assertThat(result.checks()).isEmpty();
        assertThat(result.usage().inputTokens()).isEqualTo(7_100);
    }

    @Test
    void aProseAnswerIsNeverShownAsTheModelsCoverage() {
        stub.asOllama(MODEL, 32_768);
        stub.chat(ollamaAnswer(
                MODEL,
                "hmm",
                "This screenplay is a fun parody. I would recommend it to the festival.",
                "stop",
                3_000,
                40));
        assertThatThrownBy(() -> analyst(null).analyse(request(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_ANSWER_UNUSABLE);
                    assertThat(e.getMessage())
                            .contains(MODEL)
                            .contains("Ollama")
                            .contains(stub.base().toString())
                            .contains("not a JSON object");
                });
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(CHAT)));

        var fallback = new NoModelFallback(analyst(null), new OfflineCoverageAnalyst())
                .analyse(request(Duration.ofMinutes(10)));
        assertThat(fallback.provenance().modelRead()).isFalse();
        assertThat(fallback.output().provenance()).isEqualTo(OfflineCoverageAnalyst.PROVENANCE);
        assertThat(fallback.checks()).singleElement().satisfies(check -> {
            assertThat(check.code()).isEqualTo("MODEL_ANSWER_UNUSABLE");
            assertThat(check.message())
                    .contains("qwen3:14b via Ollama")
                    .contains(stub.base().toString())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        });
    }

    @Test
    void anAnswerCutOffAtTheOutputLimitIsRepairedAsSuchAndUnusableIfCutAgain() {
        stub.asOllama(MODEL, 8_192);
        var whole = coverage("PASS", REAL_QUOTE);
        stub.chat(ollamaAnswer(MODEL, "long thoughts", whole.substring(0, whole.length() / 2), "length", 3_000, 2_867));
        assertThatThrownBy(() -> analyst(null).analyse(request(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MODEL_ANSWER_UNUSABLE));
        stub.server.verify(
                1, postRequestedFor(urlPathEqualTo(CHAT)).withRequestBody(containing("cut off at the output limit")));
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(CHAT)));
    }

    @Test
    void aServerErrorOrADeadServerIsModelUnavailableNamingTheServer() {
        stub.asOllama(MODEL, 32_768);
        stub.chat(
                aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":{\"message\":\"llama runner process has terminated: signal: killed\",\"type\":\"api_error\"}}"));
        assertThatThrownBy(() -> analyst(null).analyse(request(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage())
                            .contains("500")
                            .contains("llama runner process has terminated")
                            .contains(MODEL);
                });
        var base = stub.base();
        stub.close();
        var dead = new LocalModelCoverageAnalyst(new LocalModelSettings(base, MODEL, null), Clock.systemUTC());
        assertThatThrownBy(() -> dead.analyse(request(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("cannot be reached").contains(base.toString());
                });
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsModelUnavailableAndTheFallbackStillReports() {
        stub.asOllama(MODEL, 32_768);
        stub.chat(ollamaAnswer(MODEL, null, coverage("PASS", REAL_QUOTE), "stop", 1, 1)
                .withFixedDelay(10_000));
        var settings = new LocalModelSettings(stub.base(), MODEL, null, null, Duration.ofSeconds(1), null);
        var started = System.nanoTime();
        var result = new NoModelFallback(
                        new LocalModelCoverageAnalyst(settings, Clock.systemUTC()), new OfflineCoverageAnalyst())
                .analyse(request(Duration.ofMinutes(10)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(result.checks()).singleElement().satisfies(check -> {
            assertThat(check.code()).isEqualTo("MODEL_UNAVAILABLE");
            assertThat(check.message()).contains("did not answer within 1 s");
        });
    }

    @Test
    void aServerThatRefusesTheSchemaFieldIsAskedAgainWithoutIt() {
        stub.asLlamaCpp("old-build.gguf", 8_192);
        stub.chat(
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":{\"code\":400,\"message\":\"Unsupported response_format type: json_schema\","
                                        + "\"type\":\"invalid_request_error\"}}"),
                llamaCppAnswer("old-build.gguf", null, coverage("CONSIDER", REAL_QUOTE), "stop", 2_500, 900));
        var result = analyst(null).analyse(request(Duration.ofMinutes(10)));
        assertThat(result.output().logline()).startsWith("Two retired detectives");
        var requests = stub.server.findAll(postRequestedFor(urlPathEqualTo(CHAT)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getBodyAsString()).contains("\"response_format\"");
        assertThat(requests.get(1).getBodyAsString())
                .doesNotContain("\"response_format\"")
                .contains("TASK");
    }

    @Test
    void aModelTheServerDoesNotHaveIsNamedWithWhatItHas() {
        stub.asOllama("llama3.2:3b", null);
        assertThatThrownBy(() -> analyst(null).analyse(request(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage())
                            .contains("no model qwen3:14b")
                            .contains("llama3.2:3b")
                            .contains("ollama pull");
                });
        stub.server.verify(0, postRequestedFor(urlPathEqualTo(CHAT)));
    }

    @Test
    void aPromptTheServerCutIsCondensedToWhatItTookAndSentAgain() {
        stub.asOllama(MODEL, null); // no num_ctx: a window the server will not say
        var settings = new LocalModelSettings(stub.base(), MODEL, null, 32_768, null, null); // the operator over-claims
        stub.chat(
                ollamaAnswer(MODEL, null, "{\"logline\":", "stop", 1_200, 5),
                ollamaAnswer(MODEL, null, coverage("CONSIDER", REAL_QUOTE), "stop", 1_150, 900));
        var result =
                new LocalModelCoverageAnalyst(settings, Clock.systemUTC()).analyse(request(Duration.ofMinutes(10)));
        assertThat(result.output().logline()).startsWith("Two retired detectives");
        var requests = stub.server.findAll(postRequestedFor(urlPathEqualTo(CHAT)));
        assertThat(requests).hasSize(2);
        var first = requests.get(0).getBodyAsString();
        var second = requests.get(1).getBodyAsString();
        assertThat(second.length()).isLessThan(first.length());
        assertThat(second).contains("[S8 p.3]").contains("TASK"); // the ending and the task are never what is cut
    }

    @Test
    void healthDetailsNameTheModelAndItsServer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
        var offline = ai.sorot.lambda.offline.OfflineAnalysts.standard();
        var analysts = new ai.sorot.lambda.pipeline.Analysts(
                offline.extractor(),
                new NoModelFallback(analyst(null), offline.coverage()),
                offline.trailer(),
                offline.narrator());
        try (var backend = ai.sorot.lambda.local.LocalBackend.open(
                ai.sorot.lambda.local.LocalBackend.Options.defaults(new ai.sorot.lambda.local.SorotHome(home))
                        .withAnalysts(analysts)
                        .withWorkers(0))) {
            var described = backend.backend().analysers().get();
            assertThat(described)
                    .containsEntry("coverage", "qwen3:14b via an OpenAI-compatible server, on this computer");
            assertThat(described.get("coverage-server")).startsWith(stub.base().toString());
        }
    }

    @Test
    void plainHttpIsRefusedBeyondLoopback() {
        assertThatThrownBy(() -> new LocalModelSettings(URI.create("http://192.0.2.10:11434/v1"), MODEL, null))
                .isInstanceOfSatisfying(
                        SorotException.class,
                        e -> assertThat(e.getMessage()).contains("https").contains("192.0.2.10"));
        assertThatThrownBy(() -> new LocalModelSettings(URI.create("http://models.festival.example/v1"), MODEL, null))
                .hasMessageContaining("https");
        var remote = new LocalModelSettings(URI.create("https://models.festival.example/v1"), MODEL, null);
        assertThat(remote.loopback()).isFalse();
        assertThat(new LocalModelCoverageAnalyst(remote, Clock.systemUTC())
                        .provenance()
                        .label())
                .isEqualTo("qwen3:14b via an OpenAI-compatible server, on models.festival.example");
        assertThat(new LocalModelSettings(URI.create("http://localhost:11434/v1"), MODEL, null).loopback())
                .isTrue();
        assertThat(new LocalModelSettings(URI.create("http://[::1]:8080/v1"), MODEL, null).loopback())
                .isTrue();
    }
}
