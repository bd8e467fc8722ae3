package ai.sorot.lambda.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A worker's claim on a step until {@code until}. A step whose lease ran out (its worker died, its
 * message was redelivered) can be claimed again; a live lease of another worker cannot.
 */
public record Lease(String owner, Instant now, Instant until) {

    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(until, "until");
    }

    public static Lease of(String owner, Instant now, Duration length) {
        return new Lease(owner, now, now.plus(length));
    }
}
