package ai.sorot.model.report;

import ai.sorot.model.api.StepStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** How a step ran, kept in the report: who did it, when, for how long, at what cost. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepRecord(
        int number,
        String name,
        StepStatus status,
        Provenance provenance,
        Instant startedAt,
        Instant finishedAt,
        Long durationMillis,
        Usage usage) {}
