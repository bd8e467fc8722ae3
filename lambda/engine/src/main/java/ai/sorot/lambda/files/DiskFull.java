package ai.sorot.lambda.files;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Recognises a failure that a full disk caused, wherever it was wrapped: the JDK reports ENOSPC
 * as an {@link IOException} (a {@code FileSystemException} from {@code Files}) whose message is the
 * system's "No space left on device", SQLite as {@code SQLITE_FULL} ("database or disk is full").
 * The API answers such a failure with {@code DISK_FULL} (507) instead of {@code INTERNAL}, since
 * the user can do something about it; the library and the CLI report it the same way through
 * {@link #or}.
 */
public final class DiskFull {

    /** How deep a cause chain is followed; real ones are a few links long. */
    private static final int MAX_DEPTH = 16;

    private DiskFull() {}

    public static boolean isDiskFull(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (var t = failure; t != null && seen.size() < MAX_DEPTH && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
                return true;
            }
            if (t instanceof SQLException
                    && t.getMessage() != null
                    && t.getMessage().contains("SQLITE_FULL")) {
                return true; // some driver paths rethrow the code as plain text
            }
            if (t instanceof IOException && mentionsNoSpace(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The error to report when {@code what} ("The analysis could not be saved") failed: {@code DISK_FULL}
     * with a message saying so when a full disk caused it, else a failure with {@code otherwise} and
     * the cause's message (a {@link SorotException} is passed on as it is).
     */
    public static SorotException or(ErrorCode otherwise, String what, Throwable cause) {
        if (cause instanceof SorotException sorot && sorot.code() == ErrorCode.DISK_FULL) {
            return sorot;
        }
        if (isDiskFull(cause)) {
            return new SorotException(
                    ErrorCode.DISK_FULL,
                    what + ": the disk is full. Free some space and try again; what was saved before is kept.",
                    cause);
        }
        if (cause instanceof SorotException sorot) {
            return sorot;
        }
        return new SorotException(otherwise, what + ": " + cause.getMessage(), cause);
    }

    /** ENOSPC and EDQUOT, as Linux and macOS word them; the JDK passes the system's text on. */
    private static boolean mentionsNoSpace(String message) {
        if (message == null) {
            return false;
        }
        var lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("no space left on device")
                || lower.contains("disk quota exceeded")
                || lower.contains("not enough space on the disk");
    }
}
