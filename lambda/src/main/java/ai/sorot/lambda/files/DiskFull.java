package ai.sorot.lambda.files;

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
 * the user can do something about it.
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
            if (t instanceof SQLException && t.getMessage() != null && t.getMessage().contains("SQLITE_FULL")) {
                return true; // some driver paths rethrow the code as plain text
            }
            if (t instanceof IOException && mentionsNoSpace(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** ENOSPC and EDQUOT, as Linux and macOS word them; the JDK passes the system's text on. */
    private static boolean mentionsNoSpace(String message) {
        if (message == null) {
            return false;
        }
        var lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("no space left on device") || lower.contains("disk quota exceeded")
                || lower.contains("not enough space on the disk");
    }
}
