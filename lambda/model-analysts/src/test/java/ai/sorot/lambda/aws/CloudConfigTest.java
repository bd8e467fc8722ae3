package ai.sorot.lambda.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudConfigTest {

    @Test
    void deepSeekR1IsCalledThroughTheOneProfileAwsDocumentsNeverOneMadeUpFromTheRegion() {
        assertThat(CloudConfig.from(Map.of("AWS_REGION", "us-east-1")).bedrockModelId())
                .isEqualTo("us.deepseek.r1-v1:0");
        assertThat(CloudConfig.from(Map.of("AWS_REGION", "us-west-2")).bedrockModelId())
                .isEqualTo("us.deepseek.r1-v1:0");
        // elsewhere the deploy sets the profile Bedrock has for the region (check-models.sh)
        assertThat(CloudConfig.from(Map.of("AWS_REGION", "eu-central-1")).bedrockModelId())
                .isEqualTo("us.deepseek.r1-v1:0");
        assertThat(CloudConfig.from(
                                Map.of("AWS_REGION", "eu-central-1", "SOROT_BEDROCK_MODEL_ID", "eu.deepseek.r1-v1:0"))
                        .bedrockModelId())
                .isEqualTo("eu.deepseek.r1-v1:0");
        assertThat(CloudConfig.from(Map.of()).bedrockModelId()).isEqualTo("us.deepseek.r1-v1:0");
        assertThat(CloudConfig.from(Map.of("SOROT_BEDROCK_MODEL_ID", "us.deepseek.r2-v1:0"))
                        .bedrockModelId())
                .isEqualTo("us.deepseek.r2-v1:0");
    }

    @Test
    void theKeyAndTokensNeverShowInItsDescription() {
        var config = CloudConfig.from(Map.of(
                "GEMINI_API_KEY",
                "AIza-secret-key",
                "SOROT_API_TOKENS",
                "token-secret-0123456789",
                "AWS_ACCESS_KEY_ID",
                "AKIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY",
                "aws-secret"));
        assertThat(config.toString())
                .doesNotContain("AIza-secret-key")
                .doesNotContain("token-secret")
                .doesNotContain("aws-secret");
        assertThat(config.credentials().toString()).doesNotContain("aws-secret");
    }

    @Test
    void theCloudModeNamesWhatIsMissingAndBadNumbersAreRefused() {
        assertThatThrownBy(() -> CloudConfig.from(Map.of("SOROT_TABLE", "t")).requireState())
                .hasMessageContaining("SOROT_BUCKET")
                .hasMessageContaining("SOROT_QUEUE_URL");
        assertThatThrownBy(() -> CloudConfig.from(Map.of("SOROT_RETENTION_DAYS", "forever")))
                .hasMessageContaining("SOROT_RETENTION_DAYS");
        assertThatThrownBy(() -> CloudConfig.from(Map.of("AWS_ENDPOINT_URL_S3", "not a url")))
                .hasMessageContaining("AWS_ENDPOINT_URL_S3");
    }
}
