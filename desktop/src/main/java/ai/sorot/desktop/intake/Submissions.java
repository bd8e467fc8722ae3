package ai.sorot.desktop.intake;

import ai.sorot.desktop.ui.Notice;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Where intake puts what it took: the queue implements it, so intake depends on no queue type.
 * All methods run on the UI thread.
 *
 * @param <R> the queue's row type
 */
public interface Submissions<R> {

    /** A pre-flighted screenplay joins the queue and is sent when a slot is free. */
    R addAccepted(PreflightResult.Accepted accepted);

    /** A refused file is shown with its reason, never sent. */
    R addRefused(PreflightResult.Refused refused);

    /**
     * A trailer link, dropped or pasted. On a row ({@code target} not null), it attaches to that
     * script; on its own, it waits for the next script.
     */
    boolean offerTrailer(String link, R target);

    /** The trailer link waiting for the next script, or null. */
    ReadOnlyStringProperty pendingTrailerProperty();

    void clearPendingTrailer();

    /** Shows a one-line message in the notice bar. */
    void say(Notice message);
}
