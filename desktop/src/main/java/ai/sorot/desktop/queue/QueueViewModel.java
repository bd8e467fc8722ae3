package ai.sorot.desktop.queue;

import ai.sorot.desktop.connection.ApiFailure;
import ai.sorot.desktop.connection.Connection;
import ai.sorot.desktop.intake.PreflightResult;
import ai.sorot.desktop.intake.RefusalReasons;
import ai.sorot.desktop.intake.TrailerLinks;
import ai.sorot.desktop.notify.Notifier;
import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.api.AnalysisStatus;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Verdicts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import javafx.collections.ObservableList;

/**
 * The submission queue: sends screenplays to the API a few at a time, watches each analysis
 * with backed-off polling, saves the finished report and audio, and keeps the whole queue on
 * disk so that closing the app and opening it again resumes watching. When the API is gone,
 * nothing fails: submissions wait and polling resumes when the {@link Connection} is back.
 *
 * <p>All state changes happen on the UI executor; HTTP and file work run on {@code io}.
 */
public final class QueueViewModel implements AutoCloseable {

    /** Polls that keep failing with an unexpected error give up after this many, with the error shown. */
    private static final int MAX_CONSECUTIVE_ERRORS = 6;
    private static final Duration SAVE_DELAY = Duration.ofMillis(250);

    private final ObservableList<QueueItem> items =
            FXCollections.observableArrayList(item -> new Observable[] {item.stateProperty()});
    private final Connection connection;
    private final AnalysisArchive archive;
    private final QueueStore store;
    private final Notifier notifier;
    private final ScheduledExecutorService io;
    private final Executor ui;
    private final Clock clock;
    private final ExecutorService saver = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "sorot-queue-save");
        thread.setDaemon(true);
        return thread;
    });

    private final IntegerProperty maxConcurrent = new SimpleIntegerProperty(this, "maxConcurrent", 3);
    private final ReadOnlyStringWrapper pendingTrailer = new ReadOnlyStringWrapper(this, "pendingTrailer");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(this, "waiting");
    private final ReadOnlyIntegerWrapper active = new ReadOnlyIntegerWrapper(this, "active");
    private final ReadOnlyIntegerWrapper completed = new ReadOnlyIntegerWrapper(this, "completed");
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper(this, "failed");
    private boolean saveScheduled;
    private Supplier<Backoff> pollBackoff = Backoff::forPolling;

    /**
     * @param store null for a queue that is not saved (the self-check's)
     */
    public QueueViewModel(Connection connection, AnalysisArchive archive, QueueStore store, Notifier notifier,
                          ScheduledExecutorService io, Executor ui, Clock clock) {
        this.connection = Objects.requireNonNull(connection);
        this.archive = Objects.requireNonNull(archive);
        this.store = store;
        this.notifier = Objects.requireNonNull(notifier);
        this.io = Objects.requireNonNull(io);
        this.ui = Objects.requireNonNull(ui);
        this.clock = Objects.requireNonNull(clock);
        items.addListener((javafx.collections.ListChangeListener<QueueItem>) change -> recount());
        maxConcurrent.addListener((obs, was, now) -> pump());
        connection.addOnlineListener(this::resumeAll);
    }

    // ---------------------------------------------------------------- loading

    /** Loads the saved queue (UI thread). Watching resumes as soon as the connection is up. */
    public void restore() {
        if (store == null) {
            return;
        }
        var saved = store.load();
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
            resumeAll();
        } else {
            markWaitingForApi(true);
        }
    }

    // ---------------------------------------------------------------- intake

    /** A pre-flighted screenplay joins the queue and is sent when a slot is free (UI thread). */
    public QueueItem addAccepted(PreflightResult.Accepted accepted) {
        var trailer = pendingTrailer.get();
        // the same file is waiting or running already, or was analysed with this same trailer
        var duplicate = items.stream()
                .filter(i -> accepted.sha256().equals(i.sha256()))
                .filter(i -> !i.state().isFinal()
                        || i.state() == SubmissionState.COMPLETED && Objects.equals(i.trailerUrl(), trailer))
                .findFirst();
        if (duplicate.isPresent()) {
            notice.set(Notice.warning(accepted.fileName() + " is already in the queue as \"" + duplicate.get().title() + "\"."));
            return duplicate.get();
        }
        var item = QueueItem.accepted(accepted, accepted.thumbnailPng() != null, clock.instant());
        item.backoff = pollBackoff.get();
        if (trailer != null) {
            item.trailerUrlProperty().set(trailer);
            pendingTrailer.set(null);
            notice.set(Notice.info("Trailer " + trailer + " attached to \"" + item.title() + "\"."));
        }
        items.add(item);
        pump();
        persistSoon();
        return item;
    }

    /** A refused file is shown with its reason, never sent (UI thread). */
    public QueueItem addRefused(PreflightResult.Refused refused) {
        var item = QueueItem.refused(refused, clock.instant());
        items.add(item);
        persistSoon();
        return item;
    }

    /**
     * A trailer link, dropped or pasted. On a row, it attaches to that script (an analysis that
     * already ran is run again with the trailer); on its own, it waits for the next script.
     */
    public boolean offerTrailer(String link, QueueItem target) {
        var check = TrailerLinks.check(link);
        if (check instanceof TrailerLinks.Invalid invalid) {
            notice.set(Notice.error(invalid.reason()));
            return false;
        }
        var url = ((TrailerLinks.Valid) check).url();
        if (target == null) {
            pendingTrailer.set(url);
            notice.set(Notice.info("Trailer link kept: it goes with the next screenplay you add."));
            return true;
        }
        if (target.state() == SubmissionState.REFUSED) {
            notice.set(Notice.error("\"" + target.title() + "\" was refused; add a readable screenplay to attach a trailer."));
            return false;
        }
        if (url.equals(target.trailerUrl())) {
            notice.set(Notice.info("That trailer is already attached to \"" + target.title() + "\"."));
            return true;
        }
        target.trailerUrlProperty().set(url);
        if (target.state() == SubmissionState.WAITING) {
            notice.set(Notice.info("Trailer attached to \"" + target.title() + "\"."));
        } else {
            restart(target, false);
            notice.set(Notice.info("Trailer attached: \"" + target.title() + "\" is analysed again with it."));
        }
        pump();
        persistSoon();
        return true;
    }

    public void clearPendingTrailer() {
        pendingTrailer.set(null);
    }

    public void say(Notice message) {
        notice.set(message);
    }

    // ---------------------------------------------------------------- row actions

    /**
     * Stops an analysis here. The API has no cancel route, so one already sent finishes on the
     * server; the app just stops watching it and frees the slot.
     */
    public void cancel(QueueItem item) {
        if (!item.state().canCancel()) {
            return;
        }
        boolean wasSent = item.analysisId() != null;
        item.generation++;
        item.stateProperty().set(SubmissionState.CANCELLED);
        item.finishedAtProperty().set(clock.instant());
        item.waitingForApiProperty().set(false);
        item.errorCodeProperty().set(null);
        item.errorMessageProperty().set(wasSent ? "Cancelled; the server may still finish this analysis, Retry runs it again."
                : "Cancelled before it was sent.");
        pump();
        persistSoon();
    }

    /** Runs a failed or cancelled analysis again, as a new analysis. */
    public void retry(QueueItem item) {
        if (!item.state().canRetry()) {
            return;
        }
        restart(item, true);
        pump();
        persistSoon();
    }

    private void restart(QueueItem item, boolean force) {
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
    public void remove(QueueItem item) {
        if (item.state().canCancel()) {
            cancel(item);
        }
        item.generation++;
        items.remove(item);
        persistSoon();
    }

    /** Removes every row that is done, refused or cancelled. */
    public void clearFinished() {
        items.removeIf(i -> i.state() == SubmissionState.COMPLETED || i.state() == SubmissionState.REFUSED
                || i.state() == SubmissionState.CANCELLED);
        persistSoon();
    }

    // ---------------------------------------------------------------- the engine

    /** Sends waiting items while slots are free and the API is there (UI thread). */
    void pump() {
        if (!connection.isOnline()) {
            markWaitingForApi(true);
            return;
        }
        int running = (int) items.stream().filter(i -> i.state().isActive()).count();
        for (var item : items) {
            if (running >= maxConcurrent.get()) {
                break;
            }
            if (item.state() == SubmissionState.WAITING) {
                item.stateProperty().set(SubmissionState.SENDING);
                item.waitingForApiProperty().set(false);
                running++;
                int generation = item.generation;
                io.execute(() -> send(item, generation));
            }
        }
    }

    private void send(QueueItem item, int generation) {
        var api = connection.api();
        if (api == null) {
            ui.execute(() -> backToWaiting(item, generation));
            return;
        }
        try {
            String fountain = item.format() == ScriptFormat.FOUNTAIN ? Files.readString(item.file(), StandardCharsets.UTF_8) : null;
            if (item.format() != ScriptFormat.FOUNTAIN && !Files.isRegularFile(item.file())) {
                throw new IOException("the file is no longer at " + item.file());
            }
            var accepted = api.submit(item.file(), item.fileName(), fountain, item.trailerUrl(), null, item.force);
            ui.execute(() -> {
                if (generation != item.generation) {
                    return;
                }
                item.analysisIdProperty().set(accepted.analysisId());
                item.force = false;
                item.submittedAtProperty().set(clock.instant());
                item.stateProperty().set(SubmissionState.QUEUED);
                item.backoff.reset();
                persistSoon();
                schedulePoll(item, Duration.ZERO);
            });
        } catch (IOException e) {
            ui.execute(() -> fail(item, generation, ErrorCode.FILE_NOT_FOUND.name(), "Cannot read " + item.fileName() + ": " + e.getMessage()));
        } catch (ApiFailure f) {
            if (f.isUnreachable() || f.isUnauthorized() || f.isTransient()) {
                connection.reportFailure(f);
                ui.execute(() -> backToWaiting(item, generation));
            } else {
                ui.execute(() -> fail(item, generation, f.rawCode(), RefusalReasons.fromApi(f.rawCode(), item.fileName(), f.getMessage())));
            }
        } catch (RuntimeException e) {
            ui.execute(() -> fail(item, generation, ErrorCode.INTERNAL.name(), "Sending failed: " + e));
        }
    }

    private void backToWaiting(QueueItem item, int generation) {
        if (generation != item.generation) {
            return;
        }
        item.stateProperty().set(SubmissionState.WAITING);
        item.waitingForApiProperty().set(true);
        persistSoon();
    }

    private void schedulePoll(QueueItem item, Duration delay) {
        int generation = item.generation;
        var id = item.analysisId();
        io.schedule(() -> poll(item, generation, id), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll(QueueItem item, int generation, String analysisId) {
        if (generation != item.generation) {
            return;
        }
        var api = connection.api();
        if (api == null) {
            ui.execute(() -> item.waitingForApiProperty().set(true));
            return; // resumeAll() polls again when the connection is back
        }
        try {
            var status = api.status(analysisId);
            ui.execute(() -> apply(item, generation, status));
        } catch (ApiFailure f) {
            if (f.isUnreachable() || f.isUnauthorized()) {
                connection.reportFailure(f);
                ui.execute(() -> item.waitingForApiProperty().set(true));
            } else if (f.code() == ErrorCode.NOT_FOUND) {
                ui.execute(() -> fail(item, generation, f.rawCode(), "The API no longer knows analysis " + analysisId
                        + " (was its store reset?). Retry sends the screenplay again."));
            } else {
                ui.execute(() -> pollError(item, generation, f));
            }
        } catch (RuntimeException e) {
            ui.execute(() -> pollError(item, generation, new ApiFailure(ErrorCode.INTERNAL.name(), e.toString(), 0, e)));
        }
    }

    private void pollError(QueueItem item, int generation, ApiFailure failure) {
        if (generation != item.generation) {
            return;
        }
        if (!failure.isTransient() && ++item.consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
            fail(item, generation, failure.rawCode(), "The status of this analysis cannot be read: " + failure.getMessage());
            return;
        }
        schedulePoll(item, item.backoff.next());
    }

    private void apply(QueueItem item, int generation, AnalysisStatus status) {
        if (generation != item.generation) {
            return;
        }
        item.consecutiveErrors = 0;
        item.waitingForApiProperty().set(false);
        boolean changed = status.currentStep() != item.currentStepProperty().get()
                || status.progress() != item.progressProperty().get()
                || !status.steps().equals(item.stepsProperty().get());
        item.currentStepProperty().set(status.currentStep());
        item.stepNameProperty().set(status.stepName());
        item.progressProperty().set(status.progress());
        item.stepsProperty().set(status.steps());
        switch (status.status()) {
            case QUEUED -> item.stateProperty().set(SubmissionState.QUEUED);
            case PROCESSING -> item.stateProperty().set(SubmissionState.RUNNING);
            case COMPLETED -> {
                item.stateProperty().set(SubmissionState.FETCHING);
                persistSoon();
                io.execute(() -> fetch(item, generation, item.analysisId()));
                return;
            }
            case FAILED -> {
                var error = failureOf(status);
                fail(item, generation, error.code(), RefusalReasons.fromApi(error.code(), item.fileName(), error.message()));
                return;
            }
        }
        if (changed) {
            item.backoff.reset();
            persistSoon();
        }
        schedulePoll(item, item.backoff.next());
    }

    private static ApiError failureOf(AnalysisStatus status) {
        if (status.error() != null) {
            return status.error();
        }
        return status.steps().stream()
                .filter(s -> s.status() == StepStatus.FAILED && s.error() != null)
                .map(s -> new ApiError(s.error().code(), s.name() + ": " + s.error().message()))
                .findFirst()
                .orElse(new ApiError(ErrorCode.ANALYST_FAILED.name(), "Step " + status.currentStep() + " (" + status.stepName() + ") failed."));
    }

    private void fetch(QueueItem item, int generation, String analysisId) {
        var api = connection.api();
        if (api == null) {
            ui.execute(() -> item.waitingForApiProperty().set(true));
            return;
        }
        try {
            AnalysisReport report = api.report(analysisId);
            byte[] audio = null;
            String audioType = null;
            if (report.audio() != null) {
                var temp = Files.createTempFile(archive.scratch(), "audio-", ".part");
                try {
                    audioType = api.downloadAudio(analysisId, temp);
                    audio = Files.readAllBytes(temp);
                } catch (ApiFailure f) {
                    if (f.isUnreachable() || f.isUnauthorized()) {
                        throw f;
                    }
                    // the report stands without its audio: the player says so
                    System.err.println("sorot: no audio for " + analysisId + ": " + f.rawCode() + " " + f.getMessage());
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            archive.save(report, audio, audioType, archive.thumbnailBytes(item.sha256()).orElse(null), item.file());
            ui.execute(() -> complete(item, generation, report));
        } catch (ApiFailure f) {
            if (f.isUnreachable() || f.isUnauthorized()) {
                connection.reportFailure(f);
                ui.execute(() -> item.waitingForApiProperty().set(true));
            } else {
                ui.execute(() -> fail(item, generation, f.rawCode(), "The analysis finished but its report could not be read: " + f.getMessage()));
            }
        } catch (IOException e) {
            ui.execute(() -> fail(item, generation, ErrorCode.INTERNAL.name(),
                    "The report could not be saved in the library: " + e.getMessage()));
        } catch (RuntimeException e) {
            ui.execute(() -> fail(item, generation, ErrorCode.INTERNAL.name(), "The report could not be read: " + e));
        }
    }

    private void complete(QueueItem item, int generation, AnalysisReport report) {
        if (generation != item.generation) {
            return;
        }
        if (report.title() != null && !report.title().isBlank()) {
            item.titleProperty().set(report.title());
        }
        if (report.screenplay() != null && report.screenplay().pageCount() > 0) {
            item.pagesProperty().set(report.screenplay().pageCount());
            item.pagesEstimatedProperty().set(false);
        }
        var shown = Verdicts.shown(report); // an older report's heuristic verdict is not shown
        if (shown.curation() != null) {
            item.recommendationProperty().set(shown.curation().recommendation() == null ? null : shown.curation().recommendation().name());
            item.overallScoreProperty().set(shown.curation().overallScore());
        }
        item.checksProperty().set(report.checks());
        item.progressProperty().set(100);
        item.finishedAtProperty().set(clock.instant());
        item.waitingForApiProperty().set(false);
        item.stateProperty().set(SubmissionState.COMPLETED);
        var verdict = item.recommendationProperty().get() == null ? "Not judged: no model read this script"
                : item.recommendationProperty().get() + " · ";
        var score = item.overallScoreProperty().get() == null ? "" : Math.round(item.overallScoreProperty().get()) + "/100";
        notifier.success("Analysis ready", item.title() + "\n" + verdict + score);
        pump();
        persistSoon();
    }

    private void fail(QueueItem item, int generation, String code, String message) {
        if (generation != item.generation) {
            return;
        }
        item.errorCodeProperty().set(code);
        item.errorMessageProperty().set(message);
        item.finishedAtProperty().set(clock.instant());
        item.waitingForApiProperty().set(false);
        item.stateProperty().set(SubmissionState.FAILED);
        notifier.failure("Analysis failed", item.title() + "\n" + message);
        pump();
        persistSoon();
    }

    /** The connection is back (or up for the first time): pick up every analysis where it was. */
    private void resumeAll() {
        markWaitingForApi(false);
        for (var item : items) {
            switch (item.state()) {
                case QUEUED, RUNNING -> {
                    item.generation++;
                    item.backoff.reset();
                    schedulePoll(item, Duration.ZERO);
                }
                case FETCHING -> {
                    item.generation++;
                    int generation = item.generation;
                    var id = item.analysisId();
                    io.execute(() -> fetch(item, generation, id));
                }
                default -> { }
            }
        }
        pump();
    }

    private void markWaitingForApi(boolean waitingNow) {
        for (var item : items) {
            boolean affected = item.state() == SubmissionState.WAITING || item.state().isActive();
            item.waitingForApiProperty().set(waitingNow && affected);
        }
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

    private void persistSoon() {
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
        saver.execute(() -> write(snapshot));
    }

    private void write(List<Submission> snapshot) {
        try {
            store.save(snapshot);
        } catch (IOException e) {
            System.err.println("sorot: cannot save the queue to " + store.file() + ": " + e.getMessage());
        }
    }

    /** Writes the queue now and waits for it (UI thread, on exit). */
    public void flush() {
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

    @Override
    public void close() {
        for (var item : items) {
            item.generation++;
        }
        saver.shutdown();
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
        return (int) items.stream().filter(i -> i.state() == SubmissionState.WAITING || i.state().isActive()).count();
    }
}
