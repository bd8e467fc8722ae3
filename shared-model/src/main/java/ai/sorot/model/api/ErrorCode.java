package ai.sorot.model.api;

/**
 * Every error Sorot reports, with the HTTP status the API answers it with. The names are the
 * stable codes clients match on: add new ones, never rename.
 */
public enum ErrorCode {
    // input files
    EMPTY_FILE(422, "The file is empty."),
    NOT_A_PDF(422, "The file is not a PDF."),
    PDF_CORRUPT(422, "The PDF is damaged or truncated and cannot be read."),
    PDF_ENCRYPTED(422, "The PDF is password-protected; export it again without a password."),
    PDF_IMAGE_ONLY(422, "The PDF has no text layer (a scan?); export it from the writing software instead."),
    PDF_NO_PAGES(422, "The PDF has no pages."),
    TOO_MANY_PAGES(422, "The document has too many pages for a screenplay."),
    NOT_A_SCREENPLAY(422, "The document does not look like a screenplay."),
    PARSE_TIMEOUT(422, "The document took too long to read."),
    FILE_TOO_LARGE(413, "The file is too large."),
    FILE_NOT_FOUND(404, "The file does not exist."),
    UNSUPPORTED_FORMAT(415, "Only PDF, Fountain, Final Draft (.fdx) and Highland screenplays are supported."),
    FDX_INVALID(422, "The Final Draft file is not valid XML."),
    ARCHIVE_TOO_LARGE(413, "The archive expands beyond what Sorot reads."),
    BUNDLE_INCONSISTENT(422, "The session bundle contradicts itself; nothing was imported."),
    // requests
    INVALID_JSON(400, "The request body is not valid JSON."),
    MISSING_FIELD(400, "A required field is missing."),
    INVALID_BASE64(400, "pdfData is not valid base64."),
    INVALID_URL(400, "The trailer link is not a valid https URL."),
    URL_NOT_ALLOWED(400, "Trailer links must point to YouTube or Vimeo."),
    UNAUTHORIZED(401, "A valid API token is required."),
    NOT_FOUND(404, "Not found."),
    METHOD_NOT_ALLOWED(405, "Method not allowed."),
    UPLOAD_NOT_FOUND(404, "No such upload, or it has expired."),
    AUDIO_NOT_READY(409, "The audio summary is not ready yet."),
    REPORT_NOT_READY(409, "The analysis has not finished yet."),
    INVALID_PARAMETER(400, "A request parameter is not valid."),
    FORBIDDEN(403, "Your role does not allow this."),
    REVIEW_CONFLICT(409, "This review was changed elsewhere since you opened it; choose which version to keep."),
    // analysis
    ANALYST_FAILED(502, "An analysis step failed."),
    MODEL_UNAVAILABLE(503, "The configured AI model is not available."),
    MODEL_ANSWER_UNUSABLE(502, "The AI model's answer could not be used, even after one repair."),
    THROTTLED(429, "Too many requests; try again shortly."),
    STEP_TIMEOUT(504, "An analysis step ran out of time."),
    TRAILER_UNAVAILABLE(422, "The trailer is private, removed or cannot be read."),
    ANALYSIS_ABANDONED(500, "The analysis failed on every attempt and was given up; submit it again."),
    // transport
    NETWORK(503, "The Sorot API cannot be reached."),
    TLS_REQUIRED(400, "Beyond this computer the Sorot server speaks HTTPS only; plain HTTP is for loopback."),
    // the desktop's own, never sent by a server: its certificate is not the one the curator accepted
    CERTIFICATE_UNKNOWN(495, "The server's certificate is not known yet; compare its fingerprint with the owner's."),
    CERTIFICATE_CHANGED(495, "The server's certificate is not the one accepted before; the connection was refused."),
    DISK_FULL(507, "The disk is full; free some space and try again. Nothing was lost."),
    INTERNAL(500, "Something went wrong inside Sorot.");

    private final int httpStatus;
    private final String defaultMessage;

    ErrorCode(int httpStatus, String defaultMessage) {
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
