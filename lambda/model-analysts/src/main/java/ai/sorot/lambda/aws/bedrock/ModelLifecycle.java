package ai.sorot.lambda.aws.bedrock;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycle;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.GetFoundationModelRequest;

/**
 * Where the coverage model stands in Bedrock's lifecycle (Active, Legacy, End-of-Life), read from
 * the control plane's {@code GetFoundationModel} and kept for a few hours, since Bedrock announces
 * retirements months ahead and a worker lives for hours at most.
 *
 * <p>Only a definite answer stops the coverage step: the model's end-of-life date has passed. A
 * Legacy model still answers and is only warned about, with its date. When the lifecycle cannot
 * be read (the role lacks {@code bedrock:GetFoundationModel}, an ARN or a custom model id, the
 * control plane unreachable) the Converse call goes ahead and reports its own errors.
 */
public final class ModelLifecycle {

    private static final System.Logger LOG = System.getLogger(ModelLifecycle.class.getName());
    static final Duration KEPT_FOR = Duration.ofHours(6);
    /** A cross-region inference profile is the model id behind a geography prefix. */
    private static final Pattern PROFILE_PREFIX =
            Pattern.compile("^(?:us|eu|apac|us-gov|ca|jp|au|global)\\.(?=[a-z0-9-]+\\.)");

    /** What the control plane said, or that it could not be asked. */
    public sealed interface Standing {
        record Active() implements Standing {}

        /** Still served; {@code endOfLife} may be unknown (null). */
        record Legacy(Instant endOfLife) implements Standing {}

        record Retired(Instant endOfLife) implements Standing {}

        record Unknown(String why) implements Standing {}
    }

    private final Supplier<BedrockClient> client;
    private final String modelId;
    private final Clock clock;
    private Standing standing;
    private Instant readAt;

    public ModelLifecycle(Supplier<BedrockClient> client, String modelId, Clock clock) {
        this.client = client;
        this.modelId = modelId;
        this.clock = clock;
    }

    /** The foundation model behind an id: {@code us.deepseek.r1-v1:0} → {@code deepseek.r1-v1:0}; empty for ARNs. */
    static Optional<String> foundationModelOf(String modelId) {
        if (modelId == null || modelId.isBlank() || modelId.startsWith("arn:")) {
            return Optional.empty();
        }
        return Optional.of(PROFILE_PREFIX.matcher(modelId.strip()).replaceFirst(""));
    }

    /** The model's standing, read at most once per {@link #KEPT_FOR}. */
    public synchronized Standing standing() {
        var now = clock.instant();
        if (standing == null || readAt.plus(KEPT_FOR).isBefore(now)) {
            standing = read(now);
            readAt = now;
            if (standing instanceof Standing.Legacy legacy) {
                LOG.log(
                        Level.WARNING,
                        "the coverage model {0} is Legacy on Bedrock{1}: plan the move to a newer model",
                        modelId,
                        legacy.endOfLife() == null ? "" : " and reaches its end of life on " + legacy.endOfLife());
            }
        }
        if (standing instanceof Standing.Legacy legacy
                && legacy.endOfLife() != null
                && !now.isBefore(legacy.endOfLife())) {
            // read as Legacy hours ago, retired since
            standing = new Standing.Retired(legacy.endOfLife());
        }
        return standing;
    }

    private Standing read(Instant now) {
        var foundation = foundationModelOf(modelId);
        if (foundation.isEmpty()) {
            return new Standing.Unknown("not a foundation model or inference profile id");
        }
        try {
            var details = client.get()
                    .getFoundationModel(GetFoundationModelRequest.builder()
                            .modelIdentifier(foundation.get())
                            .build())
                    .modelDetails();
            var lifecycle = details == null ? null : details.modelLifecycle();
            return lifecycle == null ? new Standing.Unknown("no lifecycle in the answer") : standingOf(lifecycle, now);
        } catch (SdkException e) {
            var why = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(
                    Level.INFO,
                    "the coverage model''s lifecycle could not be read ({0}); the Converse call will tell",
                    why);
            return new Standing.Unknown(why);
        }
    }

    static Standing standingOf(FoundationModelLifecycle lifecycle, Instant now) {
        var endOfLife = lifecycle.endOfLifeTime();
        if (endOfLife != null && !now.isBefore(endOfLife)) {
            return new Standing.Retired(endOfLife);
        }
        if (lifecycle.status() == FoundationModelLifecycleStatus.LEGACY) {
            return new Standing.Legacy(endOfLife);
        }
        return new Standing.Active();
    }
}
