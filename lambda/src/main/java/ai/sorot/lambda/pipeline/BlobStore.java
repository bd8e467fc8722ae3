package ai.sorot.lambda.pipeline;

import ai.sorot.model.api.UploadTicket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where bytes live: submitted screenplays, step outputs, reports, audio. Files under the Sorot
 * home locally, an S3 bucket in the cloud. Keys are '/'-separated paths built by {@link BlobKeys}.
 */
public interface BlobStore {

    /** Stores the bytes under the key, replacing what was there. Atomic: a reader sees the old or the new, whole. */
    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    Optional<BlobInfo> stat(String key);

    /** Removes the blob; no error when it is not there. */
    void delete(String key);

    /**
     * Where a client uploads a large screenplay: a presigned PUT URL in the cloud, the local
     * server's own {@code PUT /uploads/{id}} locally. The bytes end up under
     * {@link BlobKeys#upload(String)}.
     */
    UploadTicket createUpload(String uploadId, Duration validFor, long maxBytes);

    /**
     * A URL from which a client can fetch the blob itself (a presigned GET in the cloud, so that
     * {@code GET /analyses/{id}/audio} answers with a redirect), or empty when the API should
     * send the bytes in its own response (locally).
     */
    Optional<URI> downloadUrl(String key, Duration validFor, String contentType);
}
