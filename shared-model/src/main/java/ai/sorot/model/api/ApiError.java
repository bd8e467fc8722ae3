package ai.sorot.model.api;

/** The error half of the envelope: a stable code and a sentence for a person. */
public record ApiError(String code, String message) {

    public static ApiError of(ErrorCode code) {
        return new ApiError(code.name(), code.defaultMessage());
    }

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.name(), message);
    }
}
