package ai.sorot.lambda.aws.observe;

import ai.sorot.lambda.pipeline.PipelineObserver;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Usage;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;

/**
 * The cloud worker's view of each step: a JSON log line when it starts and ends, and a CloudWatch
 * embedded-metric-format record when it ends: {@code StepDuration} (ms), {@code StepFailures}
 * (0 or 1) and {@code StepCostUsd}, by step name, in the namespace {@code Sorot}. CloudWatch
 * extracts the metrics from the log line itself, with no API call and no extra latency.
 */
public final class StepMetrics implements PipelineObserver {

    public static final String NAMESPACE = "Sorot";
    private static final System.Logger LOG = System.getLogger(StepMetrics.class.getName());
    private static final JsonFactory JSON = new JsonFactory();

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
    public void stepFinished(String analysisId, PipelineStep step, StepStatus status, Duration took, ApiError error, Usage usage) {
        try {
            if (error == null) {
                LOG.log(Level.INFO, () -> "step %d %s in %d ms (input %d tokens, output %d tokens, %d characters, $%.4f)"
                        .formatted(step.number(), status.json(), took.toMillis(), usage.inputTokens(), usage.outputTokens(),
                                usage.characters(), usage.costUsd()));
            } else {
                LOG.log(Level.WARNING, () -> "step %d failed in %d ms: %s".formatted(step.number(), took.toMillis(), error.code()));
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
        var text = new StringWriter(512);
        try (var g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", clock.millis());
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", NAMESPACE);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            g.writeString("Step");
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            metric(g, "StepDuration", "Milliseconds");
            metric(g, "StepFailures", "Count");
            metric(g, "StepCostUsd", "None");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("Step", step.stepName());
            g.writeNumberField("StepDuration", took.toMillis());
            g.writeNumberField("StepFailures", error == null ? 0 : 1);
            g.writeNumberField("StepCostUsd", usage == null ? 0 : usage.costUsd());
            g.writeStringField("analysisId", analysisId);
            g.writeStringField("status", status.json());
            if (error != null) {
                g.writeStringField("errorCode", error.code());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }

    private static void metric(com.fasterxml.jackson.core.JsonGenerator g, String name, String unit) throws IOException {
        g.writeStartObject();
        g.writeStringField("Name", name);
        g.writeStringField("Unit", unit);
        g.writeEndObject();
    }
}
