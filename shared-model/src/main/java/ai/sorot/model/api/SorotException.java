package ai.sorot.model.api;

/**
 * A failure with a stable code and a human message, thrown anywhere from the PDF reader to
 * the HTTP client and turned into the API's error envelope or the CLI's one-line message.
 */
public class SorotException extends RuntimeException {

    private final ErrorCode code;

    public SorotException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public SorotException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public SorotException(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    public ErrorCode code() {
        return code;
    }

    public ApiError toApiError() {
        return new ApiError(code.name(), getMessage());
    }
}
