package ai.sorot.lambda.aws.state;

import ai.sorot.lambda.pipeline.BlobKeys;
import ai.sorot.lambda.pipeline.WorkQueue;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.KmsThrottledException;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;

/**
 * The cloud {@link WorkQueue}: one SQS message per job, {@code {"analysisId": "..."}}, consumed by
 * the worker function. Delivery is at least once; the job store's conditional claims make a
 * second delivery harmless. Messages that keep failing go to the dead-letter queue.
 */
public final class SqsWorkQueue implements WorkQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsWorkQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(String analysisId) {
        send(analysisId, Duration.ZERO);
    }

    /**
     * Sends the job again, to be picked up after {@code delay} (at most 15 minutes, SQS's limit):
     * how a worker that ran short of time hands the rest of a job on.
     */
    public void send(String analysisId, Duration delay) {
        if (!BlobKeys.isAnalysisId(analysisId)) {
            throw new IllegalArgumentException("not an analysis id: " + analysisId);
        }
        int seconds = (int) Math.max(0, Math.min(900, delay.toSeconds()));
        try {
            sqs.sendMessage(
                    b -> b.queueUrl(queueUrl).messageBody(body(analysisId)).delaySeconds(seconds));
        } catch (RequestThrottledException | KmsThrottledException e) {
            throw new SorotException(ErrorCode.THROTTLED, "The work queue is busy; submit again shortly.", e);
        } catch (SdkException e) {
            throw new SorotException(
                    ErrorCode.THROTTLED,
                    "The work queue cannot take the analysis now ("
                            + e.getClass().getSimpleName() + "); submit again shortly.",
                    e);
        }
    }

    /**
     * Makes a delivery the worker could not finish visible again after {@code delay} instead of
     * after the queue's whole visibility timeout (the worker's 15 minutes).
     */
    public void retryAfter(String receiptHandle, Duration delay) {
        int seconds = (int) Math.max(0, Math.min(900, delay.toSeconds()));
        sqs.changeMessageVisibility(
                b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(seconds));
    }

    /** The message body: JSON with the one field the worker reads. */
    public static String body(String analysisId) {
        return "{\"analysisId\":\"" + analysisId + "\"}";
    }

    @Override
    public String describe() {
        return "SQS " + queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    @Override
    public void close() {
        // the client is shared and closed with the process's AwsClients
    }
}
