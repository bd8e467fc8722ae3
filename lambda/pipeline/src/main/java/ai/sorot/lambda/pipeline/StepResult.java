package ai.sorot.lambda.pipeline;

import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Usage;
import java.time.Instant;
import java.util.Objects;

/** A finished step, as the pipeline records it: done or skipped, by whom, at what cost, output where. */
public record StepResult(StepStatus status, Instant finishedAt, Provenance provenance, Usage usage, String outputKey) {

    public StepResult {
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (status != StepStatus.COMPLETED && status != StepStatus.SKIPPED) {
            throw new IllegalArgumentException("a step result is completed or skipped, not " + status);
        }
        usage = usage == null ? Usage.NONE : usage;
    }
}
