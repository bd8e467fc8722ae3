package ai.sorot.lambda.aws.state;

import ai.sorot.lambda.pipeline.BlobInfo;
import ai.sorot.lambda.pipeline.BlobKeys;
import ai.sorot.lambda.pipeline.BlobStore;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.UploadTicket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The cloud {@link BlobStore}: one private, encrypted S3 bucket. A PUT replaces an object
 * whole, so readers see the old or the new bytes, never half. Clients never get the bucket's
 * credentials: large screenplays arrive through a presigned PUT ({@code POST /uploads}), and the
 * audio summary leaves through a presigned GET ({@code GET /analyses/{id}/audio} redirects to it).
 */
public final class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Clock clock;

    public S3BlobStore(S3Client s3, S3Presigner presigner, String bucket, Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.clock = clock;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        call(() ->
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content)));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(
                    call(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)))
                            .asByteArray());
        } catch (Missing e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<BlobInfo> stat(String key) {
        try {
            var head = call(() -> s3.headObject(b -> b.bucket(bucket).key(key)));
            return Optional.of(new BlobInfo(key, head.contentLength(), head.contentType()));
        } catch (Missing e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    /**
     * A presigned PUT to {@code uploads/<id>}. S3 cannot cap a presigned PUT's size; the API
     * checks the object's size before it reads it ({@code SubmissionService}), and the bucket's
     * lifecycle removes uploads nobody claimed after a day.
     */
    @Override
    public UploadTicket createUpload(String uploadId, Duration validFor, long maxBytes) {
        var key = BlobKeys.upload(uploadId);
        var expires = clock.instant().plus(validFor);
        var presigned = presigner.presignPutObject(b -> b.signatureDuration(validFor)
                .putObjectRequest(p -> p.bucket(bucket).key(key)));
        return new UploadTicket(uploadId, presigned.url().toString(), expires);
    }

    @Override
    public Optional<URI> downloadUrl(String key, Duration validFor, String contentType) {
        var presigned = presigner.presignGetObject(b -> b.signatureDuration(validFor)
                .getObjectRequest(g -> g.bucket(bucket).key(key).responseContentType(contentType)));
        try {
            return Optional.of(presigned.url().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new SorotException(ErrorCode.INTERNAL, "S3 gave an unusable link.", e);
        }
    }

    /** Not there: S3 answers 404 (NoSuchKey, or no body for HEAD). */
    private static final class Missing extends RuntimeException {
        Missing() {
            super(null, null, false, false);
        }
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (NoSuchKeyException e) {
            throw new Missing();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new Missing();
            }
            if (e.statusCode() == 503
                    || "SlowDown"
                            .equals(
                                    e.awsErrorDetails() == null
                                            ? null
                                            : e.awsErrorDetails().errorCode())) {
                throw new SorotException(ErrorCode.THROTTLED, "File storage is busy; try again shortly.", e);
            }
            throw new SorotException(ErrorCode.INTERNAL, "File storage failed (" + e.statusCode() + ").", e);
        } catch (SdkException e) {
            throw new SorotException(ErrorCode.INTERNAL, "File storage failed: " + e.getMessage(), e);
        }
    }
}
