package ai.sorot.lambda.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.lambda.aws.bedrock.BedrockCoverageAnalyst;
import ai.sorot.lambda.aws.gemini.GeminiTrailerAnalyst;
import ai.sorot.lambda.aws.polly.PollyNarrator;
import ai.sorot.lambda.coverage.NoModelFallback;
import ai.sorot.lambda.localmodel.LocalModelCoverageAnalyst;
import ai.sorot.lambda.localmodel.LocalModelSettings;
import ai.sorot.lambda.offline.OfflineAnalysts;
import ai.sorot.lambda.offline.OfflineCoverageAnalyst;
import ai.sorot.lambda.offline.OfflineTrailerAnalyst;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which analysts a machine gets: cloud where credentials and keys are, offline everywhere else. */
class AnalystChoiceTest {

    @TempDir
    Path home;

    private Map<String, String> noCredentials() {
        // point the SDK's files at an empty folder, so a developer's own ~/.aws does not count
        return Map.of(
                "AWS_SHARED_CREDENTIALS_FILE",
                home.resolve("none").toString(),
                "AWS_CONFIG_FILE",
                home.resolve("none-config").toString());
    }

    @Test
    void withNothingConfiguredEveryAnalystIsOffline() {
        var chosen = AnalystChoice.fromEnvironment(noCredentials(), OfflineAnalysts::standard);
        assertThat(chosen.anyCloud()).isFalse();
        assertThat(chosen.analysts().coverage()).isInstanceOf(OfflineCoverageAnalyst.class);
        assertThat(chosen.analysts().trailer()).isInstanceOf(OfflineTrailerAnalyst.class);
    }

    @Test
    void awsCredentialsBringBedrockAndPollyAndAGeminiKeyBringsGemini() {
        var env = new java.util.HashMap<>(noCredentials());
        env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        var aws = AnalystChoice.fromEnvironment(env, OfflineAnalysts::standard);
        assertThat(aws.analysts().coverage()).isInstanceOf(BedrockCoverageAnalyst.class);
        assertThat(aws.analysts().narrator()).isInstanceOf(PollyNarrator.class);
        assertThat(aws.analysts().trailer()).isInstanceOf(OfflineTrailerAnalyst.class);
        assertThat(AnalystChoice.describe(aws.analysts()))
                .containsEntry("coverage", "DeepSeek-R1 (us.deepseek.r1-v1:0) on Amazon Bedrock")
                .containsEntry("narrator", "neural voice Joanna on Amazon Polly");

        var gemini = AnalystChoice.fromEnvironment(
                Map.of(
                        "GEMINI_API_KEY",
                        "AIza-key",
                        "AWS_SHARED_CREDENTIALS_FILE",
                        home.resolve("none").toString(),
                        "AWS_CONFIG_FILE",
                        home.resolve("x").toString()),
                OfflineAnalysts::standard);
        assertThat(gemini.analysts().trailer()).isInstanceOf(GeminiTrailerAnalyst.class);
        assertThat(gemini.analysts().coverage()).isInstanceOf(OfflineCoverageAnalyst.class);
    }

    @Test
    void aProfileFileCountsAsCredentialsAndOfflineOverridesEverything() throws Exception {
        var credentials = home.resolve("credentials");
        Files.writeString(credentials, "[default]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n");
        assertThat(AnalystChoice.hasAwsCredentials(Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString())))
                .isTrue();
        var offline = AnalystChoice.fromEnvironment(
                Map.of(
                        "SOROT_ANALYSTS",
                        "offline",
                        "GEMINI_API_KEY",
                        "k",
                        "AWS_SHARED_CREDENTIALS_FILE",
                        credentials.toString()),
                OfflineAnalysts::standard);
        assertThat(offline.anyCloud()).isFalse();
        assertThatThrownBy(() -> AnalystChoice.mode(Map.of("SOROT_ANALYSTS", "sometimes")))
                .hasMessageContaining("SOROT_ANALYSTS");
    }

    @Test
    void aLocalModelServesCoverageBeforeBedrockAndFallsBackUnlessInsistedOn() {
        var env = new java.util.HashMap<>(noCredentials());
        env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("SOROT_LLM_URL", "http://127.0.0.1:11434/v1");
        env.put("SOROT_LLM_MODEL", "qwen3:14b");
        env.put("SOROT_LLM_STEP_BUDGET", "45m");
        var auto = AnalystChoice.fromEnvironment(env, OfflineAnalysts::standard);
        assertThat(auto.analysts().coverage()).isInstanceOfSatisfying(NoModelFallback.class, f -> {
            assertThat(f.model()).isInstanceOf(LocalModelCoverageAnalyst.class);
            assertThat(f.provenance().label()).isEqualTo("qwen3:14b via Ollama, on this computer");
        });
        assertThat(auto.cloudCoverage()).isFalse();
        assertThat(auto.coverageBudget()).isEqualTo(java.time.Duration.ofMinutes(45));
        assertThat(auto.analysts().narrator()).isInstanceOf(PollyNarrator.class); // the voice is chosen as before

        env.put("SOROT_ANALYSTS", "local-model");
        assertThat(AnalystChoice.fromEnvironment(env, OfflineAnalysts::standard)
                        .analysts()
                        .coverage())
                .isInstanceOf(LocalModelCoverageAnalyst.class);
        env.put("SOROT_ANALYSTS", "offline");
        assertThat(AnalystChoice.fromEnvironment(env, OfflineAnalysts::standard)
                        .analysts()
                        .coverage())
                .isInstanceOf(OfflineCoverageAnalyst.class);

        assertThatThrownBy(() -> AnalystChoice.fromEnvironment(
                        Map.of("SOROT_ANALYSTS", "local-model"), OfflineAnalysts::standard))
                .isInstanceOfSatisfying(SorotException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("SOROT_LLM_URL");
                });
        assertThatThrownBy(() -> AnalystChoice.fromEnvironment(
                        Map.of(
                                "SOROT_LLM_URL",
                                "http://127.0.0.1:11434/v1",
                                "SOROT_LLM_MODEL",
                                "qwen3:14b",
                                "SOROT_LLM_TIMEOUT",
                                "soon"),
                        OfflineAnalysts::standard))
                .hasMessageContaining("SOROT_LLM_TIMEOUT");
        assertThat(LocalModelSettings.duration(Map.of("T", "900"), "T")).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(LocalModelSettings.duration(Map.of("T", "PT1H"), "T")).isEqualTo(java.time.Duration.ofHours(1));
    }
}
