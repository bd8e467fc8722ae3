package ai.sorot.lambda.aws.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.model.Json;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Usage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class StepMetricsTest {

    @Test
    void aFinishedStepIsOneEmbeddedMetricFormatRecordCloudWatchCanRead() throws Exception {
        var out = new ByteArrayOutputStream();
        var clock = Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), ZoneOffset.UTC);
        var metrics = new StepMetrics(new PrintStream(out, true, StandardCharsets.UTF_8), clock);
        metrics.stepFinished(
                "analysis-1795917600000-abcdef12",
                PipelineStep.COVERAGE,
                StepStatus.FAILED,
                Duration.ofMillis(41_250),
                new ApiError("THROTTLED", "slow down"),
                new Usage(30_000, 0, 0, 0, 0.0405));
        var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        var emf = Json.mapper().readTree(lines.getFirst());
        var aws = emf.path("_aws");
        assertThat(aws.path("Timestamp").asLong()).isEqualTo(clock.millis());
        var directive = aws.path("CloudWatchMetrics").path(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Sorot");
        assertThat(directive.path("Dimensions").path(0).path(0).asText()).isEqualTo("Step");
        assertThat(directive.path("Metrics").findValuesAsText("Name"))
                .containsExactly("StepDuration", "StepFailures", "StepCostUsd");
        // every dimension and metric the directive names is a top-level member, as EMF requires
        assertThat(emf.path("Step").asText()).isEqualTo("Analyzing screenplay");
        assertThat(emf.path("StepDuration").asLong()).isEqualTo(41_250);
        assertThat(emf.path("StepFailures").asInt()).isEqualTo(1);
        assertThat(emf.path("StepCostUsd").asDouble()).isEqualTo(0.0405);
        assertThat(emf.path("errorCode").asText()).isEqualTo("THROTTLED");
        assertThat(emf.path("analysisId").asText()).isEqualTo("analysis-1795917600000-abcdef12");
    }

    @Test
    void logLinesCarryTheContextAndFailuresWithoutTheirArguments() throws Exception {
        LogContext.clear();
        LogContext.put("analysisId", "analysis-1795917600000-abcdef12");
        LogContext.put("step", "Analyzing trailer");
        try {
            var record = new LogRecord(Level.WARNING, "step {0} failed: {1}");
            record.setParameters(new Object[] {3, "TRAILER_UNAVAILABLE"});
            record.setLoggerName("ai.sorot.test");
            record.setThrown(new IllegalStateException("boom", new java.io.IOException("socket closed")));
            var json = Json.mapper().readTree(new JsonLogFormatter().format(record));
            assertThat(json.path("level").asText()).isEqualTo("WARN");
            assertThat(json.path("message").asText()).isEqualTo("step 3 failed: TRAILER_UNAVAILABLE");
            assertThat(json.path("analysisId").asText()).isEqualTo("analysis-1795917600000-abcdef12");
            assertThat(json.path("step").asText()).isEqualTo("Analyzing trailer");
            assertThat(json.path("error").path("type").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(json.path("error").path("cause").asText()).contains("socket closed");
            assertThat(json.path("error").path("at").size()).isBetween(1, 8);
        } finally {
            LogContext.clear();
        }
        // threads a step starts inherit the analysis they work for
        LogContext.put("analysisId", "analysis-1795917600000-inherit1");
        var seen = new java.util.concurrent.atomic.AtomicReference<String>();
        var thread =
                Thread.ofVirtual().start(() -> seen.set(LogContext.current().get("analysisId")));
        thread.join();
        LogContext.clear();
        assertThat(seen).hasValue("analysis-1795917600000-inherit1");
    }
}
