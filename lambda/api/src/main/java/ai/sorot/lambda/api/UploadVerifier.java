package ai.sorot.lambda.api;

import java.time.Instant;
import java.util.Map;

/**
 * Checks the signature a local upload URL carries ({@code PUT /uploads/{id}?expires&max&signature}),
 * the local stand-in for an S3 presigned PUT. The cloud backend has none: clients PUT to S3.
 */
public interface UploadVerifier {

    /** The most bytes the URL allows, or -1 when its signature is missing, wrong or expired. */
    long allowedBytes(String uploadId, Map<String, String> query, Instant now);
}
