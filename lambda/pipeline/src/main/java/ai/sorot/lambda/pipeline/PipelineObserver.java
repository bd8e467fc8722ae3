package ai.sorot.lambda.pipeline;

import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Usage;
import java.time.Duration;

/**
 * Told when each step starts and ends, for logs and metrics (the cloud worker writes a JSON log
 * line and a CloudWatch metric per step). Called on the step's thread; must not throw or block.
 */
public interface PipelineObserver {

    PipelineObserver NONE = new PipelineObserver() {};

    default void stepStarted(String analysisId, PipelineStep step) {}

    /** {@code status} is COMPLETED, SKIPPED or FAILED (then {@code error} says why). */
    default void stepFinished(
            String analysisId, PipelineStep step, StepStatus status, Duration took, ApiError error, Usage usage) {}
}
