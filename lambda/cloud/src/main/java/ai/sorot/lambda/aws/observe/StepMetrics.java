package ai.sorot.lambda.aws.observe;

import ai.sorot.lambda.pipeline.PipelineObserver;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Usage;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The cloud worker's view of each step: a JSON log line when it starts and ends, and a CloudWatch
 * embedded-metric-format record ({@link EmbeddedMetrics}) when it ends: {@code StepDuration} (ms),
 * {@code StepFailures} (0 or 1) and {@code StepCostUsd}, by step name.
 */
public final class StepMetrics implements PipelineObserver {

    private static final System.Logger LOG = System.getLogger(StepMetrics.class.getName());

    private final PrintStream out;
    private final Clock clock;

    public StepMetrics(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void stepStarted(String analysisId, PipelineStep step) {
        LogContext.put("analysisId", analysisId);
        LogContext.put("step", step.stepName());
        LOG.log(Level.INFO, "step {0} started", step.number());
    }

    @Override
    public void stepFinished(
            String analysisId, PipelineStep step, StepStatus status, Duration took, ApiError error, Usage usage) {
        try {
            if (error == null) {
                LOG.log(
                        Level.INFO,
                        () -> "step %d %s in %d ms (input %d tokens, output %d tokens, %d characters, $%.4f)"
                                .formatted(
                                        step.number(),
                                        status.json(),
                                        took.toMillis(),
                                        usage.inputTokens(),
                                        usage.outputTokens(),
                                        usage.characters(),
                                        usage.costUsd()));
            } else {
                LOG.log(
                        Level.WARNING,
                        () -> "step %d failed in %d ms: %s".formatted(step.number(), took.toMillis(), error.code()));
            }
            var line = emf(analysisId, step, status, took, error, usage);
            synchronized (out) {
                out.print(line);
                out.flush();
            }
        } finally {
            LogContext.put("step", null);
        }
    }

    String emf(String analysisId, PipelineStep step, StepStatus status, Duration took, ApiError error, Usage usage) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("Step", step.stepName());
        fields.put("analysisId", analysisId);
        fields.put("status", status.json());
        if (error != null) {
            fields.put("errorCode", error.code());
        }
        return EmbeddedMetrics.line(
                clock.millis(),
                List.of("Step"),
                List.of(
                        new EmbeddedMetrics.Metric("StepDuration", "Milliseconds", took.toMillis()),
                        new EmbeddedMetrics.Metric("StepFailures", "Count", error == null ? 0 : 1),
                        new EmbeddedMetrics.Metric("StepCostUsd", "None", usage == null ? 0.0 : usage.costUsd())),
                fields);
    }
}
