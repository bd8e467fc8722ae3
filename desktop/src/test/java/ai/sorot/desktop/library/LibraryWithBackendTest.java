package ai.sorot.desktop.library;

import static ai.sorot.desktop.testing.Ui.dropFiles;
import static ai.sorot.desktop.testing.Ui.onFx;
import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.Backoff;
import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.connection.EmbeddedBackend;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.queue.SubmissionState;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.shell.MainWindow;
import ai.sorot.desktop.testing.TestPdfs;
import ai.sorot.desktop.testing.Ui;
import ai.sorot.lambda.library.LibraryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** End to end on the real embedded backend: an analysis finished in the queue is in the library list, thumbnail and all. */
@ExtendWith(ApplicationExtension.class)
class LibraryWithBackendTest {

    @TempDir
    static Path dir;

    private SorotDesktop app;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        var home = Files.createTempDirectory(dir, "home");
        app = new SorotDesktop(
                new SorotDesktop.Options(Map.of("SOROT_HOME", home.toString()), EmbeddedBackend::new, false));
        app.queue().setPollBackoff(() -> new Backoff(Duration.ofMillis(40), Duration.ofMillis(250), 1.5));
        ThemeManager.apply(Settings.Theme.LIGHT);
        window = new MainWindow(app);
        stage.setScene(new Scene(window, 1360, 860));
        stage.show();
        app.start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void anAnalysisFinishedInTheQueueAppearsInTheOpenLibraryWithItsThumbnail(FxRobot robot) throws Exception {
        waitUntil(30, "online", () -> app.connection().stateProperty().get() == ConnectionState.ONLINE);
        robot.clickOn("#show-library");
        // the sync that runs on connecting found nothing the library lacks
        waitUntil(
                20,
                "synced",
                () -> onFx(() -> robot.lookup("#library-message")
                                .queryAs(Label.class)
                                .getText())
                        .startsWith("The library is up to date"));
        @SuppressWarnings("unchecked")
        TableView<LibraryEntry> table = robot.lookup("#library-table").queryAs(TableView.class);
        assertThat(onFx(() -> table.getItems().size())).isZero();

        var pdf = TestPdfs.screenplay(dir.resolve("harbour-lights.pdf"), "Harbour Lights", "Ines Costa", 40);
        assertThat(dropFiles(window, List.of(pdf))).isTrue();
        waitUntil(20, "queued", () -> app.queue().items().size() == 1);
        var item = onFx(() -> app.queue().items().getFirst());
        waitUntil(
                60,
                "completed",
                () -> item.state() == SubmissionState.COMPLETED || item.state() == SubmissionState.FAILED);
        assertThat(item.state()).isEqualTo(SubmissionState.COMPLETED);

        // the library page, still open, lists it without being asked
        waitUntil(10, "listed", () -> onFx(() -> table.getItems().size()) == 1);
        var entry = onFx(() -> table.getItems().getFirst());
        assertThat(entry.title()).isEqualToIgnoringCase("Harbour Lights");
        assertThat(entry.hasAudio()).isTrue();
        assertThat(app.archive().library().thumbnail(entry.id())).isPresent();
        waitUntil(
                10,
                "thumbnail drawn",
                () -> onFx(() -> robot.lookup(".library-table .thumbnail").queryAll().stream()
                        .anyMatch(n -> n.isVisible()
                                && n instanceof javafx.scene.layout.StackPane p
                                && p.getChildren().getFirst() instanceof javafx.scene.image.ImageView v
                                && v.getImage() != null
                                && v.getImage().getProgress() == 1.0
                                && !v.getImage().isError())));

        // a folder dropped on a session: the known script joins at once, the new one once analysed
        var library = app.archive().library();
        var session = library.createSession("Tidal round", List.of());
        Ui.runFx(() -> window.libraryPage().model().refresh());
        waitUntil(
                10,
                "session listed",
                () -> onFx(() -> window.libraryPage().model().sessions().size()) == 1);
        var folder = Files.createDirectories(dir.resolve("round"));
        Files.copy(pdf, folder.resolve("harbour-lights.pdf"));
        TestPdfs.screenplay(folder.resolve("tidal-flats.pdf"), "Tidal Flats", "Ruth Adler", 30);
        assertThat(Ui.dropFiles(Ui.sessionCell(robot), List.of(folder))).isTrue();
        waitUntil(
                10, "known one joined", () -> library.sessionItems(session.id()).equals(List.of(entry.id())));
        waitUntil(10, "new one queued", () -> app.queue().items().size() == 2);
        var second = onFx(() -> app.queue().items().stream()
                .filter(i -> i.file().getFileName().toString().equals("tidal-flats.pdf"))
                .findFirst()
                .orElseThrow());
        waitUntil(
                60,
                "analysed",
                () -> second.state() == SubmissionState.COMPLETED || second.state() == SubmissionState.FAILED);
        waitUntil(10, "new one joined", () -> library.sessionItems(session.id()).size() == 2);
        assertThat(library.sessionItems(session.id())).containsExactly(entry.id(), second.analysisId());
        waitUntil(10, "listed", () -> onFx(() -> table.getItems().size()) == 2);
    }
}
