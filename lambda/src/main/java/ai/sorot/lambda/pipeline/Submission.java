package ai.sorot.lambda.pipeline;

import java.util.Objects;

/**
 * What a client handed in, as stored with the job: where the screenplay's bytes are, what it was
 * called, and the trailer link. The bytes themselves live in the {@link BlobStore} under
 * {@code sourceKey}; {@code contentKey} is the idempotency key (content hash plus trailer link).
 */
public record Submission(
        String contentKey,
        String sourceKey,
        String fileName,
        SourceKind kind,
        long sourceBytes,
        String trailerUrl,
        String title) {

    public Submission {
        Objects.requireNonNull(contentKey, "contentKey");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean hasTrailer() {
        return trailerUrl != null && !trailerUrl.isBlank();
    }

    /** How the screenplay arrived: a PDF, or Fountain text. */
    public enum SourceKind { PDF, FOUNTAIN }
}
