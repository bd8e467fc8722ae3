package ai.sorot.desktop.selfcheck;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.queue.QueueItem;
import ai.sorot.desktop.queue.SubmissionState;
import ai.sorot.desktop.shell.MainWindow;
import ai.sorot.desktop.shell.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code --self-check OUT.png FILE}: drives the real app the way a curator would (submit, wait,
 * open the report) and leaves a screenshot, so a machine with no person at it can check the whole
 * product. Exits 0 with the picture written, or 1 with the reason on stderr.
 */
public final class SelfCheck {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration ANALYSIS_TIMEOUT = Duration.ofMinutes(10);

    private final SorotDesktop app;
    private final MainWindow window;
    private final Stage stage;
    private final Path image;
    private final Path file;
    private final Instant started = Instant.now();
    private Phase phase = Phase.CONNECTING;
    private QueueItem item;
    private Instant phaseStarted = Instant.now();
    private Timeline ticker;

    private enum Phase {
        CONNECTING,
        ANALYSING,
        OPENING_REPORT,
        DONE
    }

    public SelfCheck(SorotDesktop app, MainWindow window, Stage stage, Path image, Path file) {
        this.app = app;
        this.window = window;
        this.stage = stage;
        this.image = image;
        this.file = file;
    }

    public void start() {
        if (!Files.isRegularFile(file)) {
            fail("no file at " + file);
            return;
        }
        log("started; Sorot home " + app.home().root());
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(200), e -> step()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private void step() {
        switch (phase) {
            case CONNECTING -> {
                var state = app.connection().stateProperty().get();
                if (state == ConnectionState.ONLINE) {
                    log("connected: " + app.connection().descriptionProperty().get());
                    int before = app.queue().items().size();
                    app.intake().addFiles(List.of(file));
                    next(Phase.ANALYSING);
                    awaitRow(before);
                } else if (elapsed().compareTo(CONNECT_TIMEOUT) > 0) {
                    fail("the Sorot API is not reachable after " + CONNECT_TIMEOUT.toSeconds() + " s: "
                            + app.connection().problemProperty().get());
                }
            }
            case ANALYSING -> {
                if (item == null) {
                    if (elapsed().compareTo(Duration.ofSeconds(60)) > 0) {
                        fail("pre-flight of " + file + " did not finish");
                    }
                    return;
                }
                switch (item.state()) {
                    case REFUSED ->
                        fail("refused: " + item.errorMessageProperty().get() + " ("
                                + item.errorCodeProperty().get() + ")");
                    case FAILED ->
                        fail("the analysis failed: "
                                + item.errorMessageProperty().get() + " ("
                                + item.errorCodeProperty().get() + ")");
                    case CANCELLED -> fail("the analysis was cancelled");
                    case COMPLETED -> {
                        log("analysis " + item.analysisId() + " completed");
                        window.queueView().select(item);
                        next(Phase.OPENING_REPORT);
                    }
                    default -> {
                        if (elapsed().compareTo(ANALYSIS_TIMEOUT) > 0) {
                            fail("the analysis did not finish within " + ANALYSIS_TIMEOUT.toMinutes() + " min (state "
                                    + item.state() + ", step "
                                    + item.currentStepProperty().get() + ")");
                        }
                    }
                }
            }
            case OPENING_REPORT -> {
                var report = app.report();
                if (report.errorProperty().get() != null) {
                    fail("the report cannot be opened: "
                            + report.errorProperty().get());
                } else if (report.reportProperty().get() != null
                        && !report.loadingProperty().get()
                        && window.detailProperty().get() == MainWindow.Detail.REPORT) {
                    next(Phase.DONE);
                    // give charts and the audio player a moment to lay out before the picture
                    var settle = new PauseTransition(javafx.util.Duration.millis(900));
                    settle.setOnFinished(e -> capture());
                    settle.play();
                } else if (elapsed().compareTo(Duration.ofSeconds(60)) > 0) {
                    fail("the report did not open");
                }
            }
            case DONE -> {}
        }
    }

    private void awaitRow(int before) {
        app.queue().items().addListener((javafx.collections.ListChangeListener<QueueItem>) change -> {
            if (item == null && app.queue().items().size() > before) {
                item = app.queue().items().get(before);
                window.queueView().select(item);
                log("queued \"" + item.title() + "\" (" + item.fileName() + ")");
                item.stateProperty().subscribe(state -> {
                    if (state == SubmissionState.RUNNING) {
                        log("analysing: step " + item.currentStepProperty().get() + " "
                                + item.stepNameProperty().get());
                    }
                });
            }
        });
    }

    private void capture() {
        try {
            Snapshots.write(stage.getScene(), image);
            log("report shown; screenshot written to " + image.toAbsolutePath() + " after "
                    + Duration.between(started, Instant.now()).toMillis() + " ms");
            exit(0);
        } catch (IOException | RuntimeException e) {
            fail("the screenshot could not be written: " + e.getMessage());
        }
    }

    private void next(Phase newPhase) {
        phase = newPhase;
        phaseStarted = Instant.now();
    }

    private Duration elapsed() {
        return Duration.between(phaseStarted, Instant.now());
    }

    private void fail(String reason) {
        System.err.println("sorot self-check: FAILED: " + reason);
        exit(1);
    }

    private static void log(String message) {
        System.err.println("sorot self-check: " + message);
    }

    private void exit(int code) {
        if (ticker != null) {
            ticker.stop();
        }
        phase = Phase.DONE;
        try {
            app.close();
        } finally {
            Platform.exit();
            System.exit(code);
        }
    }
}
