package ai.sorot.lambda.pipeline;

import ai.sorot.lambda.screenplay.ScriptFormat;
import java.util.Objects;

/**
 * What a client handed in, as stored with the job: where the screenplay's bytes are, what it was
 * called (and in which format it arrived), and the trailer link. The bytes themselves live in the {@link BlobStore} under
 * {@code sourceKey}; {@code contentKey} is the idempotency key (content hash plus trailer link).
 */
public record Submission(
        String contentKey,
        String sourceKey,
        String fileName,
        ScriptFormat kind,
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
}
