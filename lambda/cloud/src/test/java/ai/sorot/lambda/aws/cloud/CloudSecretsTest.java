package ai.sorot.lambda.aws.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.testkit.LocalAws;
import ai.sorot.lambda.aws.testkit.ServiceStubs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tokens and the Gemini key, from Secrets Manager (WireMock answering as GetSecretValue does). */
class CloudSecretsTest {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:sorot-ai-stack/api-Rot4te";

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T03:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void readsTheSecretOnceThenAgainAfterFiveMinutesSoARotatedTokenTakesEffect() {
        var aws = LocalAws.get();
        var stubs = new ServiceStubs(aws.wireMock());
        stubs.reset();
        stubs.secret(
                ARN,
                "{\"geminiApiKey\":\"AIza-first\",\"apiTokens\":\"first-token-0123456789, short ,second-token-0123456789\"}");
        var clock = new MovableClock();
        try (var clients = new AwsClients(aws.config(Map.of("SOROT_SECRET_ARN", ARN)))) {
            var secrets = CloudSecrets.of(clients.config(), clients::secrets, clock);
            assertThat(secrets.accepts("first-token-0123456789")).isTrue();
            assertThat(secrets.accepts("second-token-0123456789")).isTrue();
            assertThat(secrets.accepts("short"))
                    .as("a token under 16 characters is never accepted")
                    .isFalse();
            assertThat(secrets.accepts("")).isFalse();
            assertThat(secrets.geminiApiKey()).hasValue("AIza-first");
            assertThat(secrets.toString()).doesNotContain("first-token").doesNotContain("AIza");
            aws.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/")));

            stubs.reset();
            stubs.secret(ARN, "{\"geminiApiKey\":\"AIza-second\",\"apiTokens\":\"rotated-token-0123456789\"}");
            clock.now = clock.now.plus(Duration.ofMinutes(4));
            assertThat(secrets.accepts("first-token-0123456789"))
                    .as("still cached")
                    .isTrue();
            clock.now = clock.now.plus(Duration.ofMinutes(2));
            assertThat(secrets.accepts("first-token-0123456789")).isFalse();
            assertThat(secrets.accepts("rotated-token-0123456789")).isTrue();
            assertThat(secrets.geminiApiKey()).hasValue("AIza-second");

            // Secrets Manager unreachable: keep answering with what was read
            stubs.reset();
            clock.now = clock.now.plus(Duration.ofMinutes(6));
            assertThat(secrets.accepts("rotated-token-0123456789")).isTrue();
        }
    }

    @Test
    void withoutASecretTheEnvironmentServes() {
        var config =
                CloudConfig.from(Map.of("SOROT_API_TOKENS", "env-token-0123456789abc", "GEMINI_API_KEY", "AIza-env"));
        var secrets = CloudSecrets.of(
                config,
                () -> {
                    throw new AssertionError("no Secrets Manager call without SOROT_SECRET_ARN");
                },
                Clock.systemUTC());
        assertThat(secrets.accepts("env-token-0123456789abc")).isTrue();
        assertThat(secrets.accepts("env-token-0123456789abd")).isFalse();
        assertThat(secrets.geminiApiKey()).hasValue("AIza-env");
        assertThat(secrets.hasTokens()).isTrue();
    }
}
