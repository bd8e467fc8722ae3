package ai.sorot.desktop.shell;

import static ai.sorot.desktop.testing.Ui.dropFiles;
import static ai.sorot.desktop.testing.Ui.dropLink;
import static ai.sorot.desktop.testing.Ui.onFx;
import static ai.sorot.desktop.testing.Ui.screenshot;
import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.Backoff;
import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.connection.EmbeddedBackend;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.queue.QueueItem;
import ai.sorot.desktop.queue.SubmissionState;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.testing.TestPdfs;
import ai.sorot.desktop.testing.TestScripts;
import ai.sorot.desktop.testing.Ui;
import ai.sorot.desktop.ui.Desktop;
import ai.sorot.model.api.StepStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.media.MediaPlayer;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window, driven as a curator would, against the real embedded local backend (the
 * backend's LocalServer with its offline analysers and local speech, over loopback).
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path dir;

    private SorotDesktop app;
    private MainWindow window;
    private Scene scene;
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        var home = Files.createTempDirectory(dir, "home");
        app = new SorotDesktop(
                new SorotDesktop.Options(Map.of("SOROT_HOME", home.toString()), EmbeddedBackend::new, true));
        app.queue().setPollBackoff(() -> new Backoff(Duration.ofMillis(40), Duration.ofMillis(250), 1.5));
        ThemeManager.apply(Settings.Theme.LIGHT);
        Desktop.setOpener(opened::add);
        app.setNotifier(new ai.sorot.desktop.notify.ControlsFxNotifier(() -> stage, () -> true));
        window = new MainWindow(app);
        scene = new Scene(window, 1360, 860);
        stage.setScene(scene);
        stage.show();
        app.start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void awaitOnline() {
        waitUntil(
                30,
                "connected to the embedded backend",
                () -> app.connection().stateProperty().get() == ConnectionState.ONLINE);
    }

    private QueueItem onlyItem() {
        return onFx(() -> app.queue().items().getFirst());
    }

    private QueueItem analyse(Path file) {
        dropFiles(window, List.of(file));
        waitUntil(20, "a row", () -> app.queue().items().size() == 1);
        var item = onlyItem();
        waitUntil(
                60,
                "completed",
                () -> item.state() == SubmissionState.COMPLETED || item.state() == SubmissionState.FAILED);
        assertThat(item.errorMessageProperty().get()).isNull();
        return item;
    }

    @Test
    void aColdWindowBuildsOnlyTheDropZoneAndEachOtherPageWhenFirstOpened(FxRobot robot) {
        assertThat(onFx(() -> window.built())).containsExactly(MainWindow.Detail.DROP, MainWindow.View.QUEUE);
        robot.clickOn("#open-settings");
        waitUntil(5, "settings shown", () -> window.detailProperty().get() == MainWindow.Detail.SETTINGS);
        robot.clickOn("#show-library");
        waitUntil(
                5,
                "library shown",
                () -> onFx(() -> robot.lookup("#library-page").query().isVisible()));
        assertThat(onFx(() -> window.built()))
                .containsExactlyInAnyOrder(
                        MainWindow.Detail.DROP,
                        MainWindow.Detail.SETTINGS,
                        MainWindow.View.QUEUE,
                        MainWindow.View.LIBRARY);
    }

    @Test
    void droppingALinkAndAPdfRunsTheStepsAndOpensTheReport(FxRobot robot) throws Exception {
        awaitOnline();
        assertThat(robot.lookup("#connection-status").queryAs(Label.class).getText())
                .isEqualTo("Local · offline analysers");
        screenshot(scene, "01-empty-drop-zone");
        // a feature-length script (101 pages), so the analysis takes long enough to watch
        var pdf = TestPdfs.screenplay(dir.resolve("the-long-crossing.pdf"), "The Long Crossing", "Ana Lindqvist", 500);

        assertThat(dropLink(window, "https://www.youtube.com/watch?v=dQw4w9WgXcQ"))
                .isTrue();
        waitUntil(5, "link kept", () -> app.queue().pendingTrailerProperty().get() != null);
        // watch the row from the moment it exists: the local backend takes about a second
        var steps = new CopyOnWriteArrayList<Integer>();
        var states = new CopyOnWriteArrayList<SubmissionState>();
        Ui.runFx(() -> app.queue().items().addListener((javafx.collections.ListChangeListener<QueueItem>) change -> {
            while (change.next()) {
                for (var added : change.getAddedSubList()) {
                    states.add(added.state());
                    added.currentStepProperty().addListener((o, was, now) -> steps.add(now.intValue()));
                    added.stateProperty().addListener((o, was, now) -> states.add(now));
                }
            }
        }));
        assertThat(dropFiles(window, List.of(pdf))).isTrue();

        waitUntil(20, "a row", () -> app.queue().items().size() == 1);
        var item = onlyItem();
        robot.clickOn(Ui.row(robot, item));
        waitUntil(
                60,
                "completed",
                () -> item.state() == SubmissionState.COMPLETED || item.state() == SubmissionState.FAILED);
        assertThat(item.errorMessageProperty().get()).isNull();
        assertThat(item.trailerUrl()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        // the steps advanced in order while the row was watched, and all five ended done
        assertThat(steps).isSorted();
        assertThat(steps.stream().distinct().count())
                .as("steps seen: %s", steps)
                .isGreaterThanOrEqualTo(2);
        assertThat(steps.getLast()).isEqualTo(5);
        assertThat(states)
                .containsSubsequence(
                        SubmissionState.WAITING,
                        SubmissionState.SENDING,
                        SubmissionState.QUEUED,
                        SubmissionState.RUNNING,
                        SubmissionState.FETCHING,
                        SubmissionState.COMPLETED);
        assertThat(item.stepsProperty().get()).extracting(s -> s.status()).allMatch(StepStatus::isDone);
        // and a desktop notification says so
        waitUntil(
                10,
                "notification",
                () -> robot.listWindows().stream()
                        .anyMatch(w ->
                                w.getScene() != null && w.getScene().getRoot().lookup(".notification-bar") != null));

        // the selected row opens its report when it completes
        waitUntil(
                20,
                "report shown",
                () -> window.detailProperty().get() == MainWindow.Detail.REPORT
                        && app.report().reportProperty().get() != null
                        && !app.report().loadingProperty().get());
        assertThat(robot.lookup("#report-title").queryAs(Label.class).getText()).isEqualTo("THE LONG CROSSING");
        // no model read it (the embedded backend has none): no score, no verdict, "Not judged" in their place
        assertThat(robot.lookup("#overall-score").tryQuery()).isEmpty();
        assertThat(robot.lookup("#recommendation").tryQuery()).isEmpty();
        assertThat(robot.lookup("#not-judged").queryAs(Label.class).getText()).isEqualTo("Not judged");
        assertThat(robot.lookup("#craft-indicators").tryQuery()).isPresent();
        // whole-script figures say so instead of a link to no page; every link names its page or scene
        assertThat(robot.lookup(".evidence-statistic").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".evidence-link").queryAllAs(javafx.scene.control.Hyperlink.class))
                .allSatisfy(link -> assertThat(link.getText()).isNotBlank());
        assertThat(robot.lookup("#provenance-badge").queryAs(Label.class).getText())
                .startsWith("No model");
        assertThat(robot.lookup("#trailer-link").tryQuery()).isPresent();
        for (var chart : List.of(
                "#chart-int-ext",
                "#chart-day-night",
                "#chart-dialogue-share",
                "#chart-scene-lengths",
                "#chart-dialogue-density")) {
            assertThat(robot.lookup(chart).tryQuery()).as(chart).isPresent();
        }
        screenshot(scene, "03-report");

        // a claim's page link opens the screenplay at that page, drawn by PDFBox
        var pageLink = robot.lookup(".evidence-link")
                .lookup((javafx.scene.control.Hyperlink h) -> h.getText().matches("p\\. \\d+") && !h.isDisabled())
                .queryAs(javafx.scene.control.Hyperlink.class);
        var cited = pageLink.getText().substring(3);
        Ui.runFx(pageLink::fire);
        waitUntil(
                10,
                "page drawn",
                () -> window.pageViewer().isVisible()
                        && robot.lookup("#page-viewer")
                                .lookup(".page-image-frame")
                                .lookup((ImageView v) -> v.getImage() != null)
                                .tryQuery()
                                .isPresent());
        assertThat(robot.lookup("#page-label").queryAs(Label.class).getText())
                .isEqualTo("Page " + cited + " of 100"); // the script's pages: the title page comes before page 1
        screenshot(scene, "07-evidence-page");
        // Monocle sends keys to the last window shown, the notification popup, which a desktop never does
        Ui.runFx(() -> List.copyOf(robot.listWindows()).stream()
                .filter(w -> w instanceof javafx.stage.Popup)
                .forEach(javafx.stage.Window::hide));
        robot.type(KeyCode.ESCAPE);
        waitUntil(5, "viewer closed", () -> !window.pageViewer().isVisible());
    }

    @Test
    void aScriptOfRandomWordsIsNotJudgedAndItsCheckShowsInTheRowAndAtTheTopOfTheReport(FxRobot robot) throws Exception {
        awaitOnline();
        // a screenplay's shape (headings, cues, speeches) with words drawn at random
        String[] words = {
            "harbour",
            "quietly",
            "lantern",
            "seventeen",
            "orbit",
            "velvet",
            "gravel",
            "whisper",
            "copper",
            "meadow",
            "tangent",
            "ferry",
            "marble",
            "thunder",
            "pocket",
            "violin",
            "glacier",
            "saddle",
            "ember",
            "quarry"
        };
        var random = new java.util.Random(11);
        var text = new StringBuilder("Title: Static\nAuthor: Nobody\n\n");
        for (int scene = 1; scene <= 12; scene++) {
            text.append("INT. ROOM ").append(scene).append(" - DAY\n\n");
            for (int line = 0; line < 3; line++) {
                text.append(line % 2 == 0 ? "" : "MARA\n");
                for (int w = 0; w < 14; w++) {
                    text.append(words[random.nextInt(words.length)]).append(w == 13 ? ".\n\n" : " ");
                }
            }
        }
        var file = Files.writeString(dir.resolve("static.fountain"), text.toString());
        var item = analyse(file);
        robot.clickOn(Ui.row(robot, item));
        waitUntil(
                20,
                "report shown",
                () -> window.detailProperty().get() == MainWindow.Detail.REPORT
                        && app.report().reportProperty().get() != null
                        && !app.report().loadingProperty().get());
        assertThat(robot.lookup("#not-judged").queryAs(Label.class).getText()).isEqualTo("Not judged");
        assertThat(robot.lookup("#overall-score").tryQuery()).isEmpty();
        var checks = robot.lookup("#report-checks").queryAs(javafx.scene.layout.VBox.class);
        assertThat(robot.from(checks).lookup(".check-incoherent_text").tryQuery())
                .isPresent();
        var row = Ui.row(robot, item);
        assertThat(robot.from(row).lookup(".check-flag").queryAs(Label.class).getText())
                .isEqualTo("⚑ Incoherent text");
        assertThat(robot.from(row).lookup(".verdict").queryAs(Label.class).getText())
                .isEqualTo("Not judged");
        screenshot(scene, "08-not-judged-checks");
    }

    @Test
    void aBadFileIsRefusedWithItsReason(FxRobot robot) throws Exception {
        var locked = TestPdfs.encrypted(dir.resolve("locked.pdf"));
        dropFiles(window, List.of(locked));
        waitUntil(
                10,
                "refused row",
                () -> app.queue().items().size() == 1
                        && app.queue().items().getFirst().state() == SubmissionState.REFUSED);
        var item = onlyItem();
        assertThat(item.errorCodeProperty().get()).isEqualTo("PDF_ENCRYPTED");
        var rowText = robot.from(Ui.row(robot, item))
                .lookup(".row-error")
                .queryAs(Label.class)
                .getText();
        assertThat(rowText).contains("password-protected").contains("PDF_ENCRYPTED");
        assertThat(robot.lookup("#notice-text").queryAs(Label.class).getText()).contains("password-protected");
        screenshot(scene, "05-refused");
    }

    /** What a failed wait on the player reports: where the keys went and what the player thinks. */
    private String playerState(Scene scene) {
        return onFx(() -> "view " + window.player().statusProperty().get() + ", player "
                + window.player().player().getStatus()
                + ", pass " + window.player().player().getCurrentCount() + ", at "
                + window.player().player().getCurrentTime()
                + ", focus on " + scene.getFocusOwner());
    }

    @Test
    void spaceTogglesTheAudioSummary(FxRobot robot) throws Exception {
        awaitOnline();
        var item = analyse(TestScripts.brickAndSteel(dir));
        robot.clickOn(Ui.row(robot, item));
        waitUntil(
                20,
                "player ready",
                () -> "ready".equals(window.player().statusProperty().get()));
        assertThat(robot.lookup("#audio-time").queryAs(Label.class).getText())
                .matches("0:00 / [1-9]\\d*:\\d\\d|0:00 / 0:[1-5]\\d");

        // CI has no sound card: ALSA's null device swallows audio faster than real time, so the
        // summary loops here to stay "playing" until it is paused, as it would on a real speaker
        Ui.runFx(() -> window.player().player().setCycleCount(MediaPlayer.INDEFINITE));
        robot.clickOn("#play-pause");
        waitUntil(
                10,
                "playing",
                () -> "playing".equals(window.player().statusProperty().get()));
        robot.clickOn("#report-title"); // focus away from the button: Space must still work
        robot.type(KeyCode.SPACE);
        waitUntil(
                10,
                "paused",
                () -> "paused".equals(window.player().statusProperty().get()),
                () -> playerState(scene));
        robot.type(KeyCode.SPACE);
        waitUntil(
                10,
                "playing again",
                () -> "playing".equals(window.player().statusProperty().get()));
        robot.clickOn("#speed").clickOn("1.5×");
        waitUntil(5, "faster", () -> window.player().player().getRate() == 1.5);
        screenshot(scene, "04-player");
    }
}
