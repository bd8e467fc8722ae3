package ai.sorot.desktop.queue;

import ai.sorot.desktop.connection.ApiFailure;
import ai.sorot.desktop.connection.Connection;
import ai.sorot.desktop.intake.RefusalReasons;
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
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The queue's engine: sends waiting screenplays while slots are free, polls each analysis with
 * backed-off polling, fetches and saves the finished report and audio, and picks everything up
 * again when the connection comes back. State changes on the UI executor; HTTP and files on
 * {@code io}. A row's {@code generation} turns answers meant for an earlier run of it into no-ops.
 */
final class QueueEngine {

    /** Polls that keep failing with an unexpected error give up after this many, with the error shown. */
    private static final int MAX_CONSECUTIVE_ERRORS = 6;

    private final List<QueueItem> items;
    private final Connection connection;
    private final AnalysisArchive archive;
    private final Notifier notifier;
    private final ScheduledExecutorService io;
    private final Executor ui;
    private final Clock clock;
    private final IntSupplier maxConcurrent;
    private final Runnable persistSoon;

    /** {@code persistSoon} asks for the queue to be saved shortly (UI thread). */
    QueueEngine(
            List<QueueItem> items,
            Connection connection,
            AnalysisArchive archive,
            Notifier notifier,
            ScheduledExecutorService io,
            Executor ui,
            Clock clock,
            IntSupplier maxConcurrent,
            Runnable persistSoon) {
        this.items = items;
        this.connection = connection;
        this.archive = archive;
        this.notifier = notifier;
        this.io = io;
        this.ui = ui;
        this.clock = clock;
        this.maxConcurrent = maxConcurrent;
        this.persistSoon = persistSoon;
    }

    /** Sends waiting items while slots are free and the API is there (UI thread). */
    void pump() {
        if (!connection.isOnline()) {
            markWaitingForApi(true);
            return;
        }
        int running = (int) items.stream().filter(i -> i.state().isActive()).count();
        for (var item : items) {
            if (running >= maxConcurrent.getAsInt()) {
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
            String fountain = item.format() == ScriptFormat.FOUNTAIN
                    ? Files.readString(item.file(), StandardCharsets.UTF_8)
                    : null;
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
                persistSoon.run();
                schedulePoll(item, Duration.ZERO);
            });
        } catch (IOException e) {
            ui.execute(() -> fail(
                    item,
                    generation,
                    ErrorCode.FILE_NOT_FOUND.name(),
                    "Cannot read " + item.fileName() + ": " + e.getMessage()));
        } catch (ApiFailure f) {
            if (f.isUnreachable() || f.isUnauthorized() || f.isTransient()) {
                connection.reportFailure(f);
                ui.execute(() -> backToWaiting(item, generation));
            } else {
                ui.execute(() -> fail(
                        item,
                        generation,
                        f.rawCode(),
                        RefusalReasons.fromApi(f.rawCode(), item.fileName(), f.getMessage())));
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
        persistSoon.run();
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
                ui.execute(() -> fail(
                        item,
                        generation,
                        f.rawCode(),
                        "The API no longer knows analysis " + analysisId
                                + " (was its store reset?). Retry sends the screenplay again."));
            } else {
                ui.execute(() -> pollError(item, generation, f));
            }
        } catch (RuntimeException e) {
            ui.execute(
                    () -> pollError(item, generation, new ApiFailure(ErrorCode.INTERNAL.name(), e.toString(), 0, e)));
        }
    }

    private void pollError(QueueItem item, int generation, ApiFailure failure) {
        if (generation != item.generation) {
            return;
        }
        if (!failure.isTransient() && ++item.consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
            fail(
                    item,
                    generation,
                    failure.rawCode(),
                    "The status of this analysis cannot be read: " + failure.getMessage());
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
                persistSoon.run();
                io.execute(() -> fetch(item, generation, item.analysisId()));
                return;
            }
            case FAILED -> {
                var error = failureOf(status);
                fail(
                        item,
                        generation,
                        error.code(),
                        RefusalReasons.fromApi(error.code(), item.fileName(), error.message()));
                return;
            }
        }
        if (changed) {
            item.backoff.reset();
            persistSoon.run();
        }
        schedulePoll(item, item.backoff.next());
    }

    private static ApiError failureOf(AnalysisStatus status) {
        if (status.error() != null) {
            return status.error();
        }
        return status.steps().stream()
                .filter(s -> s.status() == StepStatus.FAILED && s.error() != null)
                .map(s -> new ApiError(
                        s.error().code(), s.name() + ": " + s.error().message()))
                .findFirst()
                .orElse(new ApiError(
                        ErrorCode.ANALYST_FAILED.name(),
                        "Step " + status.currentStep() + " (" + status.stepName() + ") failed."));
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
            archive.save(
                    report,
                    audio,
                    audioType,
                    archive.thumbnailBytes(item.sha256()).orElse(null),
                    item.file());
            ui.execute(() -> complete(item, generation, report));
        } catch (ApiFailure f) {
            if (f.isUnreachable() || f.isUnauthorized()) {
                connection.reportFailure(f);
                ui.execute(() -> item.waitingForApiProperty().set(true));
            } else {
                ui.execute(() -> fail(
                        item,
                        generation,
                        f.rawCode(),
                        "The analysis finished but its report could not be read: " + f.getMessage()));
            }
        } catch (IOException e) {
            ui.execute(() -> fail(
                    item,
                    generation,
                    ErrorCode.INTERNAL.name(),
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
            item.recommendationProperty()
                    .set(
                            shown.curation().recommendation() == null
                                    ? null
                                    : shown.curation().recommendation().name());
            item.overallScoreProperty().set(shown.curation().overallScore());
        }
        item.checksProperty().set(report.checks());
        item.progressProperty().set(100);
        item.finishedAtProperty().set(clock.instant());
        item.waitingForApiProperty().set(false);
        item.stateProperty().set(SubmissionState.COMPLETED);
        var verdict = item.recommendationProperty().get() == null
                ? "Not judged: no model read this script"
                : item.recommendationProperty().get() + " · ";
        var score = item.overallScoreProperty().get() == null
                ? ""
                : Math.round(item.overallScoreProperty().get()) + "/100";
        notifier.success("Analysis ready", item.title() + "\n" + verdict + score);
        pump();
        persistSoon.run();
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
        persistSoon.run();
    }

    /** The connection is back (or up for the first time): pick up every analysis where it was. */
    void resumeAll() {
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
                default -> {}
            }
        }
        pump();
    }

    void markWaitingForApi(boolean waitingNow) {
        for (var item : items) {
            boolean affected =
                    item.state() == SubmissionState.WAITING || item.state().isActive();
            item.waitingForApiProperty().set(waitingNow && affected);
        }
    }
}
