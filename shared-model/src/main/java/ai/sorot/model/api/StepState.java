package ai.sorot.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One step as {@code GET /status} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepState(
        String name,
        StepStatus status,
        Instant startedAt,
        Instant finishedAt,
        ApiError error,
        String provider,
        String model) {}
