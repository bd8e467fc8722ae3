package ai.sorot.lambda.pipeline;

import ai.sorot.model.api.ApiError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where jobs and their step states live: a SQLite file locally, a DynamoDB table in the cloud.
 *
 * <p>Every transition is conditional, so that two workers (an SQS redelivery racing a slow
 * worker, a restarted server) cannot both run or both finish a step: each write states what it
 * expects and returns {@code false}, changing nothing, when the stored job is not in that state.
 * In DynamoDB each maps to one {@code UpdateItem} with a {@code ConditionExpression}.
 *
 * <p>Outputs are not stored here but in the {@link BlobStore}; a step records its output's key.
 */
public interface JobStore extends AutoCloseable {

    /**
     * Stores a new job. With {@code dedupe}, when a job with the same
     * {@link Submission#contentKey()} exists and has not failed, returns that one instead and
     * stores nothing; the check and the insert are one atomic operation.
     */
    CreateOutcome create(Job job, boolean dedupe);

    Optional<Job> find(String id);

    /** Newest first. {@code cursor} is null for the first page, else a previous page's {@code nextCursor}. */
    JobPage list(int limit, String cursor);

    /**
     * Claims a step for a worker, moving the job to PROCESSING and the step to RUNNING and counting
     * the attempt. Succeeds only when the job is not final, every step it {@linkplain
     * PipelineStep#requires() requires} is done, and the step is PENDING, or RUNNING under a lease
     * that expired or that this owner already holds. (So coverage and trailer analysis can be
     * claimed at the same time.) The first claim sets {@code startedAt}; later claims keep it.
     */
    boolean claimStep(String id, PipelineStep step, Lease lease);

    /** Records a finished step. Succeeds only when the step is RUNNING under {@code owner}'s lease. */
    boolean completeStep(String id, PipelineStep step, StepResult result, String owner);

    /**
     * Fails a step and with it the job, keeping what earlier steps produced. Succeeds only when the
     * step is RUNNING under {@code owner}'s lease and the job is PROCESSING, or FAILED already by a
     * step that ran beside this one (the job then keeps that first error).
     */
    boolean failStep(String id, PipelineStep step, ApiError error, Instant at, String owner);

    /** Fails a job that never got to run (it could not be queued, say). Succeeds only when it is QUEUED. */
    boolean failQueued(String id, ApiError error, Instant at);

    /**
     * Gives up on an unfinished job, as when its work message was dead-lettered after failing every
     * delivery: the job, and any step still RUNNING, become FAILED with {@code error}; finished
     * steps keep their results. Succeeds only when the job is QUEUED or PROCESSING.
     */
    boolean abandon(String id, ApiError error, Instant at);

    /** Marks the job COMPLETED. Succeeds only when it is PROCESSING and all five steps are done. */
    boolean completeJob(String id, JobOutcome outcome);

    /** Ids of QUEUED and PROCESSING jobs, oldest first: what a restarted worker must pick up again. */
    List<String> unfinished(int limit);

    /** A finished analysis's text fingerprint (see {@code checks.Fingerprint}), kept to find resubmissions. */
    record PriorFingerprint(String analysisId, String title, String fileName, String fingerprint) {}

    /** The most fingerprints {@link #priorFingerprints} answers: a new script is compared with this many of the newest analyses. */
    int PRIOR_FINGERPRINTS = 5000;

    /**
     * Fingerprints of analyses this backend finished, other than {@code exceptId}: what the
     * duplicate check compares a new script with. Newest analyses first (by when they were
     * submitted, as {@link #list} orders them), at most {@link #PRIOR_FINGERPRINTS}. A store that
     * keeps none answers an empty list (the check then finds nothing).
     */
    default List<PriorFingerprint> priorFingerprints(String exceptId) {
        return List.of();
    }

    /**
     * Keeps a finished analysis's fingerprint for later duplicate checks, replacing one kept
     * before for the same analysis (a redelivered step); a store that keeps none ignores it.
     */
    default void rememberFingerprint(PriorFingerprint fingerprint) {}

    @Override
    void close();
}
