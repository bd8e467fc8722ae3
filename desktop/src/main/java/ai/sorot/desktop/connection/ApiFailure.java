package ai.sorot.desktop.connection;

import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.util.Arrays;

/**
 * A call to the Sorot API that did not succeed: the API's own error (its stable code and message,
 * kept verbatim even when this build does not know the code), or the network failing under it.
 */
public final class ApiFailure extends SorotException {

    private final String rawCode;
    private final int httpStatus;

    public ApiFailure(String rawCode, String message, int httpStatus, Throwable cause) {
        super(known(rawCode), message, cause);
        this.rawCode = rawCode;
        this.httpStatus = httpStatus;
    }

    public static ApiFailure of(ApiError error, int httpStatus) {
        return new ApiFailure(error.code(), error.message(), httpStatus, null);
    }

    public static ApiFailure network(String message, Throwable cause) {
        return new ApiFailure(ErrorCode.NETWORK.name(), message, 0, cause);
    }

    private static ErrorCode known(String code) {
        return Arrays.stream(ErrorCode.values())
                .filter(c -> c.name().equals(code))
                .findFirst()
                .orElse(ErrorCode.INTERNAL);
    }

    /** The code exactly as the API sent it. */
    public String rawCode() {
        return rawCode;
    }

    /** 0 when no HTTP answer came back. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The API could not be reached, or answered as a gateway does when its backend is down. */
    public boolean isUnreachable() {
        return code() == ErrorCode.NETWORK
                || httpStatus == 502 && !"ANALYST_FAILED".equals(rawCode)
                || httpStatus == 503 && code() != ErrorCode.MODEL_UNAVAILABLE
                || httpStatus == 504 && code() != ErrorCode.STEP_TIMEOUT;
    }

    /** The server's certificate is not (or no longer) the one trusted: for the curator to compare, never to retry blindly. */
    public java.util.Optional<UntrustedCertificate> untrustedCertificate() {
        return UntrustedCertificate.in(getCause());
    }

    public boolean isUnauthorized() {
        return httpStatus == 401 || code() == ErrorCode.UNAUTHORIZED;
    }

    /** Worth trying again later without changing anything. */
    public boolean isTransient() {
        return isUnreachable() || code() == ErrorCode.THROTTLED || httpStatus == 429;
    }
}
