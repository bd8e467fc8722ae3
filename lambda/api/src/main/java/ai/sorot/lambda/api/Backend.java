package ai.sorot.lambda.api;

import ai.sorot.lambda.committee.CommitteeStore;
import ai.sorot.lambda.pipeline.BlobStore;
import ai.sorot.lambda.pipeline.JobStore;
import ai.sorot.lambda.pipeline.WorkQueue;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the API needs to answer requests, whichever way it runs: the stores, the queue, the
 * accepted tokens, and for {@code GET /health} which analysers serve each role (asked per call:
 * some know only after a probe).
 *
 * @param mode     "local" or "cloud"
 * @param uploads  verifies local upload URLs; null in the cloud, where clients PUT to S3
 * @param committee the screening committee's members, reviews and sessions; null where none is
 *                 configured (the committee routes then answer 404)
 */
public record Backend(
        String mode,
        String version,
        JobStore jobs,
        BlobStore blobs,
        WorkQueue queue,
        ApiTokens tokens,
        Supplier<Map<String, String>> analysers,
        UploadVerifier uploads,
        ApiLimits limits,
        Clock clock,
        CommitteeStore committee) {

    public Backend(
            String mode,
            String version,
            JobStore jobs,
            BlobStore blobs,
            WorkQueue queue,
            ApiTokens tokens,
            Supplier<Map<String, String>> analysers,
            UploadVerifier uploads,
            ApiLimits limits,
            Clock clock) {
        this(mode, version, jobs, blobs, queue, tokens, analysers, uploads, limits, clock, null);
    }

    public Backend {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(blobs, "blobs");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(analysers, "analysers");
        version = version == null ? "dev" : version;
    }
}
