package ai.sorot.desktop.shell;

import static ai.sorot.desktop.testing.Ui.dropFiles;
import static ai.sorot.desktop.testing.Ui.onFx;
import static ai.sorot.desktop.testing.Ui.runFx;
import static ai.sorot.desktop.testing.Ui.screenshot;
import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.Backoff;
import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.connection.EmbeddedBackend;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.queue.SubmissionState;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.testing.Clipped;
import ai.sorot.desktop.testing.TestPdfs;
import ai.sorot.desktop.testing.TestScripts;
import ai.sorot.desktop.testing.Ui;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window at its default size, 1360×860, walked through its main pages with long titles,
 * running rows, a refusal and a finished report: no label is cut short with an ellipsis; each
 * fits or wraps.
 */
@ExtendWith(ApplicationExtension.class)
class NoClippedTextTest {

    @TempDir
    static Path dir;

    private SorotDesktop app;
    private MainWindow window;
    private Scene scene;
    private final List<String> clipped = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        var home = Files.createTempDirectory(dir, "home");
        app = new SorotDesktop(
                new SorotDesktop.Options(Map.of("SOROT_HOME", home.toString()), EmbeddedBackend::new, false));
        app.queue().setPollBackoff(() -> new Backoff(Duration.ofMillis(40), Duration.ofMillis(250), 1.5));
        ThemeManager.apply(Settings.Theme.LIGHT);
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

    /** Notes what is clipped on the page shown now, and keeps a picture of it. */
    private void look(String page) {
        Ui.pause(150);
        var found = onFx(() -> {
            window.applyCss();
            window.layout();
            return Clipped.in(window);
        });
        found.forEach(f -> clipped.add(page + ": " + f));
        screenshot(scene, "clip-" + page);
    }

    @Test
    void everyLabelFitsOrWrapsOnTheMainPagesAtTheDefaultWindowSize(FxRobot robot) throws Exception {
        waitUntil(30, "online", () -> app.connection().stateProperty().get() == ConnectionState.ONLINE);
        var batch = Files.createDirectories(dir.resolve("Features and shorts 2027, second round of submissions"));
        TestScripts.brickAndSteel(batch);
        TestScripts.cyberBobFountain(batch);
        TestPdfs.screenplay(
                batch.resolve("the-extraordinarily-long-and-winding-crossing-of-the-northern-sea-final-draft.pdf"),
                "The Extraordinarily Long and Winding Crossing of the Northern Sea",
                "Ana Lindqvist-Ferreira",
                700);
        TestPdfs.screenplay(batch.resolve("salt.pdf"), "Salt Harbour", "B. Writer", 300);
        TestPdfs.encrypted(batch.resolve("locked-draft-from-the-writers-agent-do-not-circulate.pdf"));
        runFx(() -> app.queue().maxConcurrentProperty().set(2));
        dropFiles(window, List.of(batch));
        // the row seen running is the one selected, even if its analysis finishes before the selection
        // (on a quiet machine the short scripts finish within a poll)
        var running = new java.util.concurrent.atomic.AtomicReference<ai.sorot.desktop.queue.QueueItem>();
        waitUntil(60, "rows running", () -> {
            if (app.queue().items().size() != 5) {
                return false;
            }
            app.queue().items().stream()
                    .filter(i -> i.state() == SubmissionState.RUNNING
                            && i.currentStepProperty().get() >= 1)
                    .findFirst()
                    .ifPresent(running::set);
            return running.get() != null;
        });
        runFx(() -> window.queueView().select(running.get()));
        look("queue-running");

        runFx(() -> window.queueView()
                .select(app.queue().items().stream()
                        .filter(i -> i.state() == SubmissionState.REFUSED)
                        .findFirst()
                        .orElseThrow()));
        look("refused");

        waitUntil(
                120,
                "all done",
                () -> app.queue().items().stream().allMatch(i -> i.state().isFinal()));
        var longest = onFx(() -> app.queue().items().stream()
                .filter(i -> i.fileName().startsWith("the-extra"))
                .findFirst()
                .orElseThrow());
        runFx(() -> window.queueView().select(longest));
        waitUntil(
                20,
                "report",
                () -> window.detailProperty().get() == MainWindow.Detail.REPORT
                        && app.report().reportProperty().get() != null
                        && !app.report().loadingProperty().get());
        look("report");
        // further down: the programming notes, whose tiles hold sentences
        runFx(() -> {
            var pane = (javafx.scene.control.ScrollPane) window.reportView().lookup(".scroll-pane");
            var tile = window.reportView().lookup(".note-tile");
            var content = pane.getContent().getLayoutBounds().getHeight()
                    - pane.getViewportBounds().getHeight();
            var y = pane.getContent().sceneToLocal(tile.localToScene(0, 0)).getY();
            pane.setVvalue(Math.clamp((y - 120) / content, 0, 1));
        });
        look("report-programming-notes");

        runFx(() -> window.showLibrary(true));
        waitUntil(
                10,
                "library rows",
                () -> onFx(() -> window.libraryPage().model().rows().size()) == 4);
        look("library");

        runFx(() -> {
            window.showLibrary(false);
            window.openSettings();
        });
        look("settings");

        assertThat(clipped).as("labels cut short at 1360×860").isEmpty();
    }
}
