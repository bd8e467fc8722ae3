package ai.sorot.lambda.localmodel;

import static ai.sorot.lambda.localmodel.ModelServerStub.ACROSS_PAGES;
import static ai.sorot.lambda.localmodel.ModelServerStub.CHAT;
import static ai.sorot.lambda.localmodel.ModelServerStub.REAL_QUOTE;
import static ai.sorot.lambda.localmodel.ModelServerStub.coverage;
import static ai.sorot.lambda.localmodel.ModelServerStub.ollamaAnswer;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.cli.SorotCli;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.Json;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Check;
import ai.sorot.model.report.Evidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sorot analyze FILE} in its own process, configured only by its environment as a curator
 * configures it, against a loopback server answering as Ollama does.
 */
class AnalyzeWithLocalModelTest {

    static final String MODEL = "qwen3:14b";

    @TempDir
    Path dir;

    ModelServerStub stub;

    @BeforeEach
    void start() {
        stub = new ModelServerStub().asOllama(MODEL, 32_768);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private record Run(int exit, String output, AnalysisReport report) {}

    private Run analyze(Map<String, String> extra) throws IOException, InterruptedException {
        var pdf = dir.resolve("Brick.pdf");
        Files.write(pdf, TestScripts.brickAndSteelPdf());
        var out = dir.resolve("out");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(
                        java,
                        "-Duser.home=" + dir,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SorotCli.class.getName(),
                        "analyze",
                        pdf.toString(),
                        "--out",
                        out.toString(),
                        "--no-save")
                .redirectErrorStream(true);
        var env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("SOROT_") || k.startsWith("GEMINI"));
        env.put("HOME", dir.toString());
        env.put("SOROT_HOME", dir.resolve("home").toString());
        env.put("SOROT_NARRATOR", "freetts");
        env.put("SOROT_LLM_URL", stub.base().toString());
        env.put("SOROT_LLM_MODEL", MODEL);
        env.putAll(extra);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        var json = out.resolve("Brick.report.json");
        var report = Files.exists(json) ? Json.mapper().readValue(json.toFile(), AnalysisReport.class) : null;
        return new Run(process.exitValue(), output, report);
    }

    @Test
    void analyzeSendsTheScriptToTheConfiguredModelAndTheReportNamesIt() throws Exception {
        stub.chat(ollamaAnswer(
                MODEL, "brief thoughts", coverage("CONSIDER", REAL_QUOTE, ACROSS_PAGES), "stop", 3_000, 1_200));
        var run = analyze(Map.of());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.report().coverage().provenance().label()).isEqualTo("qwen3:14b via Ollama, on this computer");
        assertThat(run.output())
                .contains("[2/5] Analyzing screenplay")
                .contains("(qwen3:14b via Ollama, on this computer)");
        var quoted = run.report().coverage().strengths().getFirst().evidence().getFirst();
        assertThat(quoted.verification()).isEqualTo(Evidence.Verification.QUOTED);
        assertThat(quoted.page()).isEqualTo(1);
        stub.server.verify(
                1,
                postRequestedFor(urlPathEqualTo(CHAT))
                        .withRequestBody(matchingJsonPath("$.model", equalTo(MODEL)))
                        .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema"))
                        .withRequestBody(matchingJsonPath(
                                "$.messages[0].content",
                                com.github.tomakehurst.wiremock.client.WireMock.containing(
                                        "A gorgeous day. The sun is shining.")))
                        .withoutHeader("Authorization"));
    }

    @Test
    void aKeyInTheEnvironmentIsSentAsABearerToken() throws Exception {
        stub.chat(ollamaAnswer(MODEL, null, coverage("PASS", REAL_QUOTE), "stop", 3_000, 1_200));
        var run = analyze(Map.of("SOROT_LLM_API_KEY", "sk-festival"));
        assertThat(run.exit()).as(run.output()).isZero();
        stub.server.verify(
                1, postRequestedFor(urlPathEqualTo(CHAT)).withHeader("Authorization", equalTo("Bearer sk-festival")));
    }

    @Test
    void aProseAnswerEndsAsTheNoModelReportWithTheCheckAndNoStackTrace() throws Exception {
        stub.chat(ollamaAnswer(MODEL, null, "What a delightful parody! I recommend it.", "stop", 3_000, 20));
        var run = analyze(Map.of());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.report().coverage().provenance().modelRead()).isFalse();
        assertThat(run.report().checks()).extracting(Check::code).contains("MODEL_ANSWER_UNUSABLE");
        assertThat(run.report().checks())
                .filteredOn(c -> c.code().equals("MODEL_ANSWER_UNUSABLE"))
                .singleElement()
                .satisfies(c -> assertThat(c.message())
                        .contains(MODEL)
                        .contains(stub.base().toString()));
        assertThat(run.output()).doesNotContain("\tat ").doesNotContain("Exception:");
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(CHAT))); // the question and one repair, no more
    }

    @Test
    void insistingOnTheLocalModelFailsWithTheCodeInstead() throws Exception {
        stub.chat(ollamaAnswer(MODEL, null, "What a delightful parody! I recommend it.", "stop", 3_000, 20));
        var run = analyze(Map.of("SOROT_ANALYSTS", "local-model"));
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("MODEL_ANSWER_UNUSABLE").doesNotContain("\tat ");
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(CHAT)));
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedBeforeAnythingIsSent() throws Exception {
        var env = new HashMap<String, String>();
        env.put("SOROT_LLM_URL", "http://192.0.2.10:11434/v1");
        var run = analyze(env);
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("https").contains("192.0.2.10").doesNotContain("\tat ");
        assertThat(List.of(run.output())).noneMatch(o -> o.contains("Exception in thread"));
    }
}
