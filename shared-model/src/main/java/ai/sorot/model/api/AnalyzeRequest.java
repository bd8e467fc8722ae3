package ai.sorot.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /analyze}. One of {@code pdfData} (base64), {@code fountainText},
 * {@code fdxData} (a Final Draft file, base64), {@code highlandData} (a Highland file, base64) or
 * {@code uploadId} carries the screenplay; {@code force} analyses again a file already seen;
 * {@code form} (optional: {@code short}, {@code feature} or {@code episode}, or a FilmFreeway category
 * such as "Short Film" or "Television Pilot") is the form it was submitted as, which the length
 * check ({@code FORM_LENGTH}) reads before what the title page declares.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalyzeRequest(
        String pdfData,
        String fountainText,
        String uploadId,
        String fileName,
        String trailerUrl,
        String title,
        Boolean force,
        String fdxData,
        String highlandData,
        String form) {

    /** Any screenplay source, with no form given. */
    public AnalyzeRequest(
            String pdfData,
            String fountainText,
            String uploadId,
            String fileName,
            String trailerUrl,
            String title,
            Boolean force,
            String fdxData,
            String highlandData) {
        this(pdfData, fountainText, uploadId, fileName, trailerUrl, title, force, fdxData, highlandData, null);
    }

    /** A PDF, Fountain text or an upload, as before Final Draft and Highland files were taken. */
    public AnalyzeRequest(
            String pdfData,
            String fountainText,
            String uploadId,
            String fileName,
            String trailerUrl,
            String title,
            Boolean force) {
        this(pdfData, fountainText, uploadId, fileName, trailerUrl, title, force, null, null, null);
    }

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
