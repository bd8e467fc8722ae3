package ai.sorot.lambda.pipeline;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.UploadTicket;
import java.io.IOException;
import java.io.InputStream;
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

    /**
     * Stores what the stream holds, up to {@code maxBytes}, and returns how many bytes that was.
     * Refuses an empty stream ({@code EMPTY_FILE}) and a longer one ({@code FILE_TOO_LARGE}), and a
     * stream that breaks off; in every such case nothing is stored. This default holds the bytes in
     * memory; a store on disk writes them straight to a file.
     */
    default long putStream(String key, InputStream content, long maxBytes, String contentType) {
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw streamEndedEarly();
        }
        if (bytes.length == 0) {
            throw new SorotException(ErrorCode.EMPTY_FILE, "The upload is empty.");
        }
        if (bytes.length > maxBytes) {
            throw streamTooLarge(maxBytes);
        }
        put(key, bytes, contentType);
        return bytes.length;
    }

    static SorotException streamTooLarge(long maxBytes) {
        return new SorotException(
                ErrorCode.FILE_TOO_LARGE,
                "The file is larger than the %.0f MB this upload takes.".formatted(maxBytes / 1048576.0));
    }

    static SorotException streamEndedEarly() {
        return new SorotException(
                ErrorCode.INVALID_PARAMETER,
                "The upload ended before all its bytes arrived (was the connection closed?); nothing was kept.");
    }

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
