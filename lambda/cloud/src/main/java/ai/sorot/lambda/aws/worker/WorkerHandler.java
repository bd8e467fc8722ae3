package ai.sorot.lambda.aws.worker;

import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.observe.CloudLogging;
import ai.sorot.lambda.aws.observe.LogContext;
import ai.sorot.lambda.pipeline.BlobKeys;
import ai.sorot.lambda.pipeline.Pipeline;
import ai.sorot.model.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;

/**
 * The worker function's entry point: SQS messages in, analyses run, failed messages reported back
 * one by one ({@code ReportBatchItemFailures}), so one bad analysis never redelivers the others.
 *
 * <ul>
 *   <li>COMPLETED, FAILED (the job records why), ALREADY_FINISHED, NOT_FOUND: the message is done.
 *   <li>DEFERRED (the next step would not fit in this invocation's remaining time): the job is sent
 *       again as a new message, and this one is done; the next invocation resumes it.
 *   <li>BUSY (another worker holds a step's lease), INTERRUPTED, or an exception: the message is
 *       reported failed and made visible again after a short delay that grows with each delivery
 *       ({@link #retryDelay}), not after the queue's whole visibility timeout; a finished step is
 *       never run again. After {@code maxReceiveCount} deliveries it moves to the dead-letter queue.
 *       A delivery whose invocation crashes comes back when the visibility timeout ends.
 * </ul>
 */
public final class WorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final System.Logger LOG = System.getLogger(WorkerHandler.class.getName());
    /** Time kept back from the invocation's remaining time: recording the step, sending the message. */
    public static final Duration SAFETY = Duration.ofSeconds(20);

    /**
     * The shortest function timeout that lets every stage run in one invocation: the longest stage
     * budget, its lease margin, and this handler's safety margin. The template's is checked against it.
     */
    public static Duration minimumTimeout(ai.sorot.lambda.pipeline.StepBudgets budgets) {
        var longest = Pipeline.STAGES.stream()
                .flatMap(java.util.List::stream)
                .map(budgets::of)
                .max(java.util.Comparator.naturalOrder())
                .orElseThrow();
        return longest.plus(Pipeline.LEASE_MARGIN).plus(SAFETY);
    }

    /** The first retry's delay; each later delivery waits one more step, up to {@link #RETRY_CAP}. */
    public static final Duration RETRY_STEP = Duration.ofSeconds(15);

    public static final Duration RETRY_CAP = Duration.ofMinutes(5);

    private final CloudWorker worker;
    private final Duration retryStep;

    /** For the Lambda runtime: built once per container, from the environment the SAM template sets. */
    public WorkerHandler() {
        this(init());
    }

    public WorkerHandler(CloudWorker worker) {
        this(worker, RETRY_STEP);
    }

    public WorkerHandler(CloudWorker worker, Duration retryStep) {
        this.worker = worker;
        this.retryStep = retryStep;
    }

    /** How long a retryable delivery waits before it is visible again: a step per delivery so far, capped. */
    static Duration retryDelay(Duration step, int receiveCount) {
        var delay = step.multipliedBy(Math.max(1, receiveCount));
        return delay.compareTo(RETRY_CAP) > 0 ? RETRY_CAP : delay;
    }

    private static CloudWorker init() {
        CloudLogging.install(System.out);
        return CloudWorker.fromEnvironment(CloudConfig.fromEnvironment(), System.out);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var message : event.getRecords()) {
            LogContext.clear();
            if (context != null) {
                LogContext.put("requestId", context.getAwsRequestId());
            }
            var id = analysisId(message.getBody());
            if (id == null) {
                // a message nobody can act on: redelivering it would only fill the dead-letter queue
                LOG.log(Level.WARNING, "dropped message {0}: no analysisId in its body", message.getMessageId());
                continue;
            }
            LogContext.put("analysisId", id);
            try {
                var outcome = worker.process(id, () -> remaining(context));
                LOG.log(Level.INFO, "delivery {0} ({1}): {2}", message.getMessageId(), receiveCount(message), outcome);
                if (outcome == Pipeline.Outcome.DEFERRED) {
                    worker.queue().enqueue(id);
                } else if (outcome == Pipeline.Outcome.BUSY || outcome == Pipeline.Outcome.INTERRUPTED) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                    retrySoon(message);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "delivery " + message.getMessageId() + " failed; SQS will deliver it again", e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                retrySoon(message);
            } finally {
                LogContext.clear();
            }
        }
        return new SQSBatchResponse(failures);
    }

    private void retrySoon(SQSEvent.SQSMessage message) {
        if (message.getReceiptHandle() == null) {
            return;
        }
        var delay = retryDelay(retryStep, receiveCountOf(message));
        try {
            worker.queue().retryAfter(message.getReceiptHandle(), delay);
        } catch (RuntimeException e) {
            // the queue's own visibility timeout still brings it back, only later
            LOG.log(Level.WARNING, "could not shorten the retry of {0}: {1}", message.getMessageId(), e.toString());
        }
    }

    private static int receiveCountOf(SQSEvent.SQSMessage message) {
        var attributes = message.getAttributes();
        try {
            return attributes == null ? 1 : Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Duration remaining(Context context) {
        if (context == null) {
            return Pipeline.UNLIMITED.get();
        }
        return Duration.ofMillis(context.getRemainingTimeInMillis()).minus(SAFETY);
    }

    private static String receiveCount(SQSEvent.SQSMessage message) {
        var attributes = message.getAttributes();
        return attributes == null ? "?" : "delivery " + attributes.getOrDefault("ApproximateReceiveCount", "?");
    }

    static String analysisId(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            var id = Json.mapper().readTree(body).path("analysisId").asText(null);
            return BlobKeys.isAnalysisId(id) ? id : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
