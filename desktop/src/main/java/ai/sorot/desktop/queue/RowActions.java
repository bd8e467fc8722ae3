package ai.sorot.desktop.queue;

import java.time.Clock;
import java.util.List;

/** What the curator does to a row: cancel, retry, remove, and clearing the finished ones (UI thread). */
final class RowActions {

    private final List<QueueItem> items;
    private final QueueEngine engine;
    private final Clock clock;
    private final Runnable persistSoon;

    RowActions(List<QueueItem> items, QueueEngine engine, Clock clock, Runnable persistSoon) {
        this.items = items;
        this.engine = engine;
        this.clock = clock;
        this.persistSoon = persistSoon;
    }

    /**
     * Stops an analysis here. The API has no cancel route, so one already sent finishes on the
     * server; the app just stops watching it and frees the slot.
     */
    void cancel(QueueItem item) {
        if (!item.state().canCancel()) {
            return;
        }
        boolean wasSent = item.analysisId() != null;
        item.generation++;
        item.stateProperty().set(SubmissionState.CANCELLED);
        item.finishedAtProperty().set(clock.instant());
        item.waitingForApiProperty().set(false);
        item.errorCodeProperty().set(null);
        item.errorMessageProperty()
                .set(
                        wasSent
                                ? "Cancelled; the server may still finish this analysis, Retry runs it again."
                                : "Cancelled before it was sent.");
        engine.pump();
        persistSoon.run();
    }

    /** Runs a failed or cancelled analysis again, as a new analysis. */
    void retry(QueueItem item) {
        if (!item.state().canRetry()) {
            return;
        }
        restart(item, true);
        engine.pump();
        persistSoon.run();
    }

    void restart(QueueItem item, boolean force) {
        item.generation++;
        item.force = force || item.force;
        item.analysisIdProperty().set(null);
        item.stateProperty().set(SubmissionState.WAITING);
        item.errorCodeProperty().set(null);
        item.errorMessageProperty().set(null);
        item.currentStepProperty().set(0);
        item.stepNameProperty().set(null);
        item.progressProperty().set(0);
        item.stepsProperty().set(List.of());
        item.submittedAtProperty().set(null);
        item.finishedAtProperty().set(null);
        item.recommendationProperty().set(null);
        item.overallScoreProperty().set(null);
        item.consecutiveErrors = 0;
        item.backoff.reset();
    }

    /** Takes a row out of the queue (a running one is cancelled first). Saved reports stay in the archive. */
    void remove(QueueItem item) {
        if (item.state().canCancel()) {
            cancel(item);
        }
        item.generation++;
        items.remove(item);
        persistSoon.run();
    }

    /** Removes every row that is done, refused or cancelled. */
    void clearFinished() {
        items.removeIf(i -> i.state() == SubmissionState.COMPLETED
                || i.state() == SubmissionState.REFUSED
                || i.state() == SubmissionState.CANCELLED);
        persistSoon.run();
    }
}
