package ai.sorot.lambda.pipeline;

/**
 * Hands accepted jobs to workers that run the {@link Pipeline}: bounded in-process workers
 * locally, an SQS queue and a worker function in the cloud. Delivery is at least once; the
 * pipeline's conditional step claims make a second delivery harmless.
 */
public interface WorkQueue extends AutoCloseable {

    /**
     * Queues the job. Throws {@code SorotException(THROTTLED)} when the queue cannot take more
     * work now; the caller then fails the job so that nothing waits forever.
     */
    void enqueue(String analysisId);

    /** What serves the queue, for {@code GET /health}: "in-process, 2 workers", "SQS sorot-jobs". */
    String describe();

    @Override
    void close();
}
