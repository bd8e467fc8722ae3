package ai.sorot.lambda.files;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Recognises a full disk, wherever it surfaces: an {@link java.io.IOException} or
 * {@link java.nio.file.FileSystemException} saying "No space left on device" (ENOSPC) or that a
 * quota is exceeded (EDQUOT), or SQLite's SQLITE_FULL, anywhere in the cause chain. Each layer
 * that writes (the library, the server's uploads) asks here, so a full disk is one error,
 * {@link ErrorCode#DISK_FULL}, with one message, not an unexpected failure.
 */
public final class DiskFull {

    /** SQLite's result code for "database or disk is full". */
    private static final int SQLITE_FULL = 13;

    private DiskFull() {}

    public static boolean causedBy(Throwable error) {
        for (var e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SorotException sorot && sorot.code() == ErrorCode.DISK_FULL) {
                return true;
            }
            if (e instanceof SQLException sql && ((sql.getErrorCode() & 0xff) == SQLITE_FULL || mentions(sql.getMessage(), "SQLITE_FULL"))) {
                return true;
            }
            if (mentions(e.getMessage(), "no space left on device") || mentions(e.getMessage(), "disk quota exceeded")
                    || mentions(e.getMessage(), "database or disk is full")) {
                return true;
            }
        }
        return false;
    }

    /** The error to report when {@code what} (e.g. "The analysis could not be saved") failed on a full disk. */
    public static SorotException error(String what, Throwable cause) {
        return cause instanceof SorotException sorot && sorot.code() == ErrorCode.DISK_FULL ? sorot
                : new SorotException(ErrorCode.DISK_FULL,
                        what + ": the disk is full. Free some space and try again; what was saved before is kept.", cause);
    }

    /** {@link #error} when the disk is full, else a failure with {@code otherwise} and the cause's message. */
    public static SorotException or(ErrorCode otherwise, String what, Throwable cause) {
        if (causedBy(cause)) {
            return error(what, cause);
        }
        if (cause instanceof SorotException sorot) {
            return sorot;
        }
        return new SorotException(otherwise, what + ": " + cause.getMessage(), cause);
    }

    private static boolean mentions(String message, String words) {
        return message != null && message.toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT));
    }
}
