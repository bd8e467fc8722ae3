package ai.sorot.lambda.screenplay;

import java.time.Duration;

/**
 * Bounds on how much work one screenplay may cost, so that a hostile or absurd file gets a clear
 * error instead of a hung worker: pages, bytes, and wall-clock time.
 */
public record ReadLimits(int maxPages, long maxBytes, Duration timeout) {

    /** A feature script is 90-120 pages; 400 leaves room for TV bibles without admitting phone books. */
    public static final ReadLimits DEFAULT = new ReadLimits(400, 200L * 1024 * 1024, Duration.ofSeconds(60));
}
