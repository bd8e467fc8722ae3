package ai.sorot.lambda.aws.cloud;

import ai.sorot.lambda.api.ApiTokens;
import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Gemini API key and the accepted API tokens. In the cloud they live in one Secrets Manager
 * secret (created by the stack from NoEcho parameters, never in a function's environment), read
 * on first use and again every few minutes so that a rotated token takes effect without a deploy.
 * On a workstation they come from {@code GEMINI_API_KEY} and {@code SOROT_API_TOKENS}.
 *
 * <p>The secret is JSON: {@code {"geminiApiKey": "...", "apiTokens": "token1,token2"}}. Nothing
 * here logs or prints a value; {@link #toString()} says only where they come from.
 */
public final class CloudSecrets implements ApiTokens {

    static final Duration REFRESH = Duration.ofMinutes(5);

    /** {@code readAt} null: values that never go stale (they came from the environment). */
    private record Values(String geminiApiKey, List<byte[]> tokens, Instant readAt) {

        boolean staleAt(Instant now) {
            return readAt != null && readAt.plus(REFRESH).isBefore(now);
        }
    }

    private final Supplier<Values> source;
    private final Clock clock;
    private final String origin;
    private volatile Values cached;

    private CloudSecrets(Supplier<Values> source, Clock clock, String origin) {
        this.source = source;
        this.clock = clock;
        this.origin = origin;
    }

    /** From the secret named by {@code SOROT_SECRET_ARN}, else from the environment. */
    public static CloudSecrets of(CloudConfig config, Supplier<SecretsManagerClient> client, Clock clock) {
        if (config.secretArn() == null) {
            var values = new Values(config.geminiApiKey(), tokens(config.apiTokens()), null);
            return new CloudSecrets(() -> values, clock, "environment");
        }
        var arn = config.secretArn();
        return new CloudSecrets(() -> read(client.get(), arn, clock), clock, "Secrets Manager " + arn);
    }

    private static Values read(SecretsManagerClient client, String arn, Clock clock) {
        String text;
        try {
            text = client.getSecretValue(b -> b.secretId(arn)).secretString();
        } catch (SdkException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL,
                    "Cannot read the secret " + arn + " (" + e.getClass().getSimpleName()
                            + "); check the function's role allows secretsmanager:GetSecretValue.",
                    e);
        }
        try {
            var node = Json.mapper().readTree(text == null ? "{}" : text);
            var key = node.path("geminiApiKey").asText("");
            return new Values(
                    key.isBlank() ? null : key.strip(),
                    tokens(node.path("apiTokens").asText("")),
                    clock.instant());
        } catch (java.io.IOException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL,
                    "The secret " + arn + " is not the JSON Sorot expects "
                            + "({\"geminiApiKey\": ..., \"apiTokens\": ...}).");
        }
    }

    private static List<byte[]> tokens(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(t -> t.length() >= 16) // a short token is a mistake, never a credential
                .map(t -> t.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    private Values values() {
        var current = cached;
        if (current == null || current.staleAt(clock.instant())) {
            synchronized (this) {
                current = cached;
                if (current == null || current.staleAt(clock.instant())) {
                    try {
                        current = source.get();
                    } catch (SorotException e) {
                        if (current == null) {
                            throw e;
                        }
                        // keep answering with what was read before; the next call tries again
                    }
                    cached = current;
                }
            }
        }
        return current;
    }

    /** Compares in constant time against every accepted token. */
    @Override
    public boolean accepts(String presentedToken) {
        if (presentedToken == null || presentedToken.isEmpty()) {
            return false;
        }
        var presented = presentedToken.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (var token : values().tokens()) {
            ok |= MessageDigest.isEqual(token, presented);
        }
        return ok;
    }

    public Optional<String> geminiApiKey() {
        return Optional.ofNullable(values().geminiApiKey());
    }

    /** Whether any token is configured at all (an API with none answers 401 to everything). */
    public boolean hasTokens() {
        return !values().tokens().isEmpty();
    }

    @Override
    public String toString() {
        return "CloudSecrets[" + origin + "]";
    }
}
