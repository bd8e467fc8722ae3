package ai.sorot.lambda.pipeline;

import java.time.Duration;

/**
 * How long each step may run before it fails with STEP_TIMEOUT, so that nothing hangs. Cloud
 * coverage by a reasoning model needs minutes; everything local needs seconds.
 */
public record StepBudgets(Duration extract, Duration coverage, Duration trailer, Duration curation, Duration audio) {

    public static final StepBudgets DEFAULT = new StepBudgets(
            Duration.ofSeconds(90),
            Duration.ofMinutes(10),
            Duration.ofMinutes(3),
            Duration.ofSeconds(30),
            Duration.ofMinutes(3));

    /** The same budgets with another for coverage (a local model's, from {@code SOROT_LLM_STEP_BUDGET}). */
    public StepBudgets withCoverage(Duration value) {
        return new StepBudgets(extract, value, trailer, curation, audio);
    }

    public Duration of(PipelineStep step) {
        return switch (step) {
            case EXTRACT -> extract;
            case COVERAGE -> coverage;
            case TRAILER -> trailer;
            case CURATION -> curation;
            case AUDIO -> audio;
        };
    }
}
