package ai.sorot.lambda.pipeline;

import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Provenance;

/**
 * Step 2: screenplay coverage. Offline heuristics locally, DeepSeek-R1 on Bedrock in the cloud.
 * Failures are {@code SorotException}s with a stable code (ANALYST_FAILED, MODEL_UNAVAILABLE,
 * THROTTLED, STEP_TIMEOUT); the pipeline fails the step with it.
 */
public interface CoverageAnalyst {

    /** Who answers, for {@code GET /health} and the report. */
    Provenance provenance();

    AnalystResult<Coverage> analyse(CoverageRequest request);

    /** Called as a script starts being read: an analyst may start loading what it needs meanwhile. Returns at once. */
    default void prepare() {}
}
