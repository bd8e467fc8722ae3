package ai.sorot.desktop.queue;

import ai.sorot.desktop.connection.Backoff;
import ai.sorot.desktop.connection.Connection;
import ai.sorot.desktop.intake.PreflightResult;
import ai.sorot.desktop.intake.Submissions;
import ai.sorot.desktop.notify.Notifier;
import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.desktop.ui.Notice;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The submission queue: sends screenplays to the API a few at a time, watches each analysis
 * with backed-off polling, saves the finished report and audio, and keeps the whole queue on
 * disk so that closing the app and opening it again resumes watching. When the API is gone,
 * nothing fails: submissions wait and polling resumes when the {@link Connection} is back.
 *
 * <p>The view's one entry point and its state; the work is in {@link QueueIntake} (what joins),
 * {@link RowActions} (what the curator does to a row), {@link QueueEngine} (send, poll, fetch)
 * and {@link QueuePersistence} (the queue on disk). All state changes happen on the UI executor;
 * HTTP and file work run on {@code io}.
 */
public final class QueueViewModel implements Submissions<QueueItem>, AutoCloseable {

    private final ObservableList<QueueItem> items =
            FXCollections.observableArrayList(item -> new Observable[] {item.stateProperty()});
    private final Connection connection;
    private final IntegerProperty maxConcurrent = new SimpleIntegerProperty(this, "maxConcurrent", 3);
    private final ReadOnlyStringWrapper pendingTrailer = new ReadOnlyStringWrapper(this, "pendingTrailer");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(this, "waiting");
    private final ReadOnlyIntegerWrapper active = new ReadOnlyIntegerWrapper(this, "active");
    private final ReadOnlyIntegerWrapper completed = new ReadOnlyIntegerWrapper(this, "completed");
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper(this, "failed");
    private final QueuePersistence persistence;
    private final QueueEngine engine;
    private final RowActions rows;
    private final QueueIntake intake;
    private Supplier<Backoff> pollBackoff = Backoff::forPolling;

    /**
     * @param store null for a queue that is not saved (the self-check's)
     */
    public QueueViewModel(
            Connection connection,
            AnalysisArchive archive,
            QueueStore store,
            Notifier notifier,
            ScheduledExecutorService io,
            Executor ui,
            Clock clock) {
        this.connection = Objects.requireNonNull(connection);
        Objects.requireNonNull(archive);
        Objects.requireNonNull(notifier);
        Objects.requireNonNull(io);
        Objects.requireNonNull(ui);
        Objects.requireNonNull(clock);
        persistence = new QueuePersistence(store, items, io, ui);
        Runnable persistSoon = persistence::persistSoon;
        engine = new QueueEngine(items, connection, archive, notifier, io, ui, clock, maxConcurrent::get, persistSoon);
        rows = new RowActions(items, engine, clock, persistSoon);
        intake = new QueueIntake(
                items, engine, rows, pendingTrailer, notice, clock, () -> pollBackoff.get(), persistSoon);
        items.addListener((ListChangeListener<QueueItem>) change -> recount());
        maxConcurrent.addListener((obs, was, now) -> engine.pump());
        connection.addOnlineListener(engine::resumeAll);
    }

    // ---------------------------------------------------------------- loading

    /** Loads the saved queue (UI thread). Watching resumes as soon as the connection is up. */
    public void restore() {
        if (!persistence.saves()) {
            return;
        }
        var saved = persistence.load();
        var restored = saved.stream().map(QueueItem::restore).toList();
        for (var item : restored) {
            item.backoff = pollBackoff.get();
            if (item.state() == SubmissionState.SENDING) {
                // we cannot know whether it arrived: sending again is safe, the API recognises the same file
                item.stateProperty().set(item.analysisId() == null ? SubmissionState.WAITING : SubmissionState.QUEUED);
            }
        }
        items.setAll(restored);
        if (connection.isOnline()) {
            engine.resumeAll();
        } else {
            engine.markWaitingForApi(true);
        }
    }

    // ---------------------------------------------------------------- intake

    /** A pre-flighted screenplay joins the queue and is sent when a slot is free (UI thread). */
    @Override
    public QueueItem addAccepted(PreflightResult.Accepted accepted) {
        return intake.addAccepted(accepted);
    }

    /** A refused file is shown with its reason, never sent (UI thread). */
    @Override
    public QueueItem addRefused(PreflightResult.Refused refused) {
        return intake.addRefused(refused);
    }

    /**
     * A trailer link, dropped or pasted. On a row, it attaches to that script (an analysis that
     * already ran is run again with the trailer); on its own, it waits for the next script.
     */
    @Override
    public boolean offerTrailer(String link, QueueItem target) {
        return intake.offerTrailer(link, target);
    }

    @Override
    public void clearPendingTrailer() {
        pendingTrailer.set(null);
    }

    @Override
    public void say(Notice message) {
        notice.set(message);
    }

    // ---------------------------------------------------------------- row actions

    /**
     * Stops an analysis here. The API has no cancel route, so one already sent finishes on the
     * server; the app just stops watching it and frees the slot.
     */
    public void cancel(QueueItem item) {
        rows.cancel(item);
    }

    /** Runs a failed or cancelled analysis again, as a new analysis. */
    public void retry(QueueItem item) {
        rows.retry(item);
    }

    /** Takes a row out of the queue (a running one is cancelled first). Saved reports stay in the archive. */
    public void remove(QueueItem item) {
        rows.remove(item);
    }

    /** Removes every row that is done, refused or cancelled. */
    public void clearFinished() {
        rows.clearFinished();
    }

    /** Sends waiting items while slots are free and the API is there (UI thread). */
    void pump() {
        engine.pump();
    }

    private void recount() {
        int w = 0;
        int a = 0;
        int c = 0;
        int f = 0;
        for (var item : items) {
            var s = item.state();
            if (s == SubmissionState.WAITING) {
                w++;
            } else if (s.isActive()) {
                a++;
            } else if (s == SubmissionState.COMPLETED) {
                c++;
            } else if (s == SubmissionState.FAILED || s == SubmissionState.REFUSED) {
                f++;
            }
        }
        waiting.set(w);
        active.set(a);
        completed.set(c);
        failed.set(f);
    }

    // ---------------------------------------------------------------- persistence

    /** Writes the queue now and waits for it (UI thread, on exit). */
    public void flush() {
        persistence.flush();
    }

    @Override
    public void close() {
        for (var item : items) {
            item.generation++;
        }
        persistence.close();
    }

    /** How status polls space out; tests use a quicker one. */
    public void setPollBackoff(Supplier<Backoff> backoff) {
        pollBackoff = backoff;
    }

    // ---------------------------------------------------------------- state

    public ObservableList<QueueItem> items() {
        return items;
    }

    public IntegerProperty maxConcurrentProperty() {
        return maxConcurrent;
    }

    @Override
    public ReadOnlyStringProperty pendingTrailerProperty() {
        return pendingTrailer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty completedProperty() {
        return completed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Analyses sent and not finished, plus those waiting to be sent: what an unreachable API holds up. */
    public int heldUp() {
        return (int) items.stream()
                .filter(i -> i.state() == SubmissionState.WAITING || i.state().isActive())
                .count();
    }
}
