package ai.sorot.desktop.connection;

import java.time.Duration;

/**
 * Poll intervals that start quick (a step can finish in half a second) and stretch while nothing
 * changes, so a long analysis costs a request every few seconds, not several a second.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final double factor;
    private long next;

    public Backoff(Duration initial, Duration max, double factor) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.factor = factor;
        this.next = initialMillis;
    }

    public static Backoff forPolling() {
        return new Backoff(Duration.ofMillis(400), Duration.ofSeconds(5), 1.6);
    }

    public static Backoff forReconnect() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(15), 2.0);
    }

    /** The delay to wait now; the one after it is longer, up to the maximum. */
    public synchronized Duration next() {
        long current = next;
        next = Math.min(maxMillis, Math.round(next * factor));
        return Duration.ofMillis(current);
    }

    /** Something changed: poll soon again. */
    public synchronized void reset() {
        next = initialMillis;
    }
}
