package ai.sorot.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /analyze}. One of {@code pdfData} (base64), {@code fountainText} or
 * {@code uploadId} carries the screenplay; {@code force} analyses again a file already seen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalyzeRequest(
        String pdfData,
        String fountainText,
        String uploadId,
        String fileName,
        String trailerUrl,
        String title,
        Boolean force) {

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
