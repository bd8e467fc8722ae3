package ai.sorot.lambda.aws.worker;

import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.cloud.AwsClients;
import ai.sorot.lambda.aws.observe.CloudLogging;
import ai.sorot.lambda.aws.observe.EmbeddedMetrics;
import ai.sorot.lambda.aws.observe.LogContext;
import ai.sorot.lambda.aws.state.DynamoJobStore;
import ai.sorot.lambda.pipeline.JobStore;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dead-letter function's entry point. A work message lands in the dead-letter queue after
 * failing every delivery (the worker crashed, ran out of memory or time, or the store was
 * unreachable each time); without this the analysis would read "processing" until its record
 * expired and the desktop would wait for it all that time. Here the analysis is marked FAILED with
 * {@link ErrorCode#ANALYSIS_ABANDONED} (steps that finished keep their results), and each one given
 * up counts in the {@code AnalysesAbandoned} metric that the stack's alarm watches.
 */
public final class DeadLetterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final System.Logger LOG = System.getLogger(DeadLetterHandler.class.getName());
    static final String MESSAGE = "Sorot gave up on this analysis after it failed on every attempt; submit it again.";

    private final JobStore jobs;
    private final Clock clock;
    private final PrintStream metrics;

    /** For the Lambda runtime: built once per container, from the environment the SAM template sets. */
    public DeadLetterHandler() {
        this(init(), Clock.systemUTC(), System.out);
    }

    public DeadLetterHandler(JobStore jobs, Clock clock, PrintStream metrics) {
        this.jobs = jobs;
        this.clock = clock;
        this.metrics = metrics;
    }

    private static JobStore init() {
        CloudLogging.install(System.out);
        var config = CloudConfig.fromEnvironment().requireState();
        return new DynamoJobStore(new AwsClients(config).dynamo(), config.table(), config.retention());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var message : event.getRecords()) {
            LogContext.clear();
            var id = WorkerHandler.analysisId(message.getBody());
            if (id == null) {
                LOG.log(Level.WARNING, "dead letter {0} names no analysis; dropped", message.getMessageId());
                continue;
            }
            LogContext.put("analysisId", id);
            try {
                if (jobs.abandon(id, new ApiError(ErrorCode.ANALYSIS_ABANDONED.name(), MESSAGE), clock.instant())) {
                    LOG.log(Level.ERROR, "analysis given up after failing every delivery; marked failed");
                    emitAbandoned(id);
                } else {
                    LOG.log(Level.INFO, "dead letter for an analysis already finished (or gone); nothing to do");
                }
            } catch (RuntimeException e) {
                LOG.log(
                        Level.ERROR,
                        "dead letter " + message.getMessageId() + " could not be recorded; SQS keeps it",
                        e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } finally {
                LogContext.clear();
            }
        }
        return new SQSBatchResponse(failures);
    }

    private void emitAbandoned(String id) {
        var line = EmbeddedMetrics.line(
                clock.millis(),
                List.of(),
                List.of(new EmbeddedMetrics.Metric("AnalysesAbandoned", "Count", 1)),
                Map.of("analysisId", id));
        synchronized (metrics) {
            metrics.print(line);
            metrics.flush();
        }
    }
}
