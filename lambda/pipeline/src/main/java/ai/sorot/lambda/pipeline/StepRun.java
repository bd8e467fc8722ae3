package ai.sorot.lambda.pipeline;

import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Usage;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of one job as the store keeps it. {@code outputKey} names the blob holding the step's
 * output once it finished, so a redelivered job resumes from there instead of redoing the step.
 * {@code attempts} counts claims, so a step that keeps dying shows it.
 */
public record StepRun(
        PipelineStep step,
        StepStatus status,
        Instant startedAt,
        Instant finishedAt,
        ApiError error,
        Provenance provenance,
        Usage usage,
        String outputKey,
        int attempts) {

    public StepRun {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
    }

    public static StepRun pending(PipelineStep step) {
        return new StepRun(step, StepStatus.PENDING, null, null, null, null, null, null, 0);
    }

    public Long durationMillis() {
        return startedAt == null || finishedAt == null ? null : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
