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

    /** How the screenplay arrived: a PDF, Fountain text, a Final Draft file or a Highland file. */
    public enum SourceKind {
        PDF("pdf", "application/pdf"),
        FOUNTAIN("fountain", "text/plain; charset=utf-8"),
        FINAL_DRAFT("fdx", "application/xml"),
        HIGHLAND("highland", "application/zip");

        private final String extension;
        private final String contentType;

        SourceKind(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        /** The file extension, without the dot: the stored source and the reader's file name end with it. */
        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }
    }
}
