package ai.sorot.lambda.api;

import java.time.Duration;

/**
 * Sizes the API accepts. A Lambda request body stops at 6 MB, so a screenplay sent inline
 * (base64 grows it by a third) stops at 4 MB; bigger files go through {@code POST /uploads}.
 */
public record ApiLimits(long inlineMaxBytes, long uploadMaxBytes, Duration uploadValidity, int maxTitleLength) {

    public static final ApiLimits DEFAULT =
            new ApiLimits(4L * 1024 * 1024, 100L * 1024 * 1024, Duration.ofHours(1), 300);
}
