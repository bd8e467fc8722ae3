package ai.sorot.desktop.queue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the queue on disk so that closing the app and opening it again resumes watching: changes
 * are gathered for a moment and written on a thread of their own, the last state on exit.
 */
final class QueuePersistence {

    private static final Duration SAVE_DELAY = Duration.ofMillis(250);

    private final QueueStore store;
    private final List<QueueItem> items;
    private final ScheduledExecutorService io;
    private final Executor ui;
    private final ExecutorService saver = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "sorot-queue-save");
        thread.setDaemon(true);
        return thread;
    });
    private boolean saveScheduled;

    /** @param store null for a queue that is not saved (the self-check's) */
    QueuePersistence(QueueStore store, List<QueueItem> items, ScheduledExecutorService io, Executor ui) {
        this.store = store;
        this.items = items;
        this.io = io;
        this.ui = ui;
    }

    /** The saved queue; empty when it is not saved. */
    List<QueuedSubmission> load() {
        return store == null ? List.of() : store.load();
    }

    boolean saves() {
        return store != null;
    }

    /** Saves shortly, once for a burst of changes (UI thread). */
    void persistSoon() {
        if (store == null || saveScheduled) {
            return;
        }
        saveScheduled = true;
        io.schedule(() -> ui.execute(this::saveNow), SAVE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void saveNow() {
        saveScheduled = false;
        if (saver.isShutdown()) {
            return; // closed: flush() wrote the last state
        }
        var snapshot = items.stream().map(QueueItem::snapshot).toList();
        try {
            saver.execute(() -> write(snapshot));
        } catch (RejectedExecutionException closedMeanwhile) {
            // close() may run on another thread between the check above and here; flush() wrote the last state
        }
    }

    private void write(List<QueuedSubmission> snapshot) {
        try {
            store.save(snapshot);
        } catch (IOException e) {
            System.err.println("sorot: cannot save the queue to " + store.file() + ": " + e.getMessage());
        }
    }

    /** Writes the queue now and waits for it (UI thread, on exit). */
    void flush() {
        if (store == null) {
            return;
        }
        var snapshot = items.stream().map(QueueItem::snapshot).toList();
        try {
            saver.submit(() -> write(snapshot)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("sorot: the queue could not be saved on exit: " + e.getMessage());
        }
    }

    void close() {
        saver.shutdown();
    }
}
