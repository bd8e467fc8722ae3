package ai.sorot.desktop.library;

import static ai.sorot.desktop.testing.Ui.onFx;
import static ai.sorot.desktop.testing.Ui.screenshot;
import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.EmbeddedBackend;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.shell.MainWindow;
import ai.sorot.desktop.testing.LibraryFixtures;
import ai.sorot.desktop.testing.Ui;
import ai.sorot.lambda.library.CuratorVerdict;
import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.ReviewSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.Rating;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Review mode driven from the keyboard in the real window, on a real library file: every key's
 * effect is read back from the SQLite file through a second connection, as another process would.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewModeTest {

    @TempDir
    static Path dir;

    private SorotDesktop app;
    private MainWindow window;
    private Scene scene;
    private Path home;
    private ReviewSession session;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        app = new SorotDesktop(
                new SorotDesktop.Options(Map.of("SOROT_HOME", home.toString()), EmbeddedBackend::new, false));
        var library = app.archive().library();
        LibraryFixtures.fill(library, 12);
        var ids = List.of("lib-00002", "lib-00005", "lib-00007", "lib-00009", "lib-00011");
        session = library.createSession(
                "Shorts 2027 · Round 1",
                List.of(new ReviewSession.Criterion("Story", 5), new ReviewSession.Criterion("Festival fit", 10)));
        library.addToSession(session.id(), ids);
        session = library.session(session.id()).orElseThrow();
        ThemeManager.apply(Settings.Theme.LIGHT);
        window = new MainWindow(app);
        scene = new Scene(window, 1360, 860);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** The library file read by its own connection, not the app's. */
    private <T> T onDisk(Function<Library, T> read) {
        try (var other = Library.open(home.resolve("library"))) {
            return read.apply(other);
        }
    }

    private LibraryEntry saved(String id) {
        return onDisk(lib -> lib.entry(id).orElseThrow());
    }

    private String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private void press(FxRobot robot, KeyCode key) {
        robot.type(key);
    }

    @Test
    void theKeyboardReviewsASessionAndEveryChangeIsSavedInTheLibraryFile(FxRobot robot) {
        robot.clickOn("#show-library");
        waitUntil(
                10,
                "the library listed",
                () -> window.libraryPage().listView().table().getItems().size() == 12);
        Ui.settled(robot, "#session-list", "#review-session");
        robot.clickOn(Ui.sessionCell(robot));
        waitUntil(
                10,
                "the session's rows",
                () -> window.libraryPage().listView().table().getItems().size() == 5);
        robot.clickOn("#review-session");

        waitUntil(10, "review mode on the first item", () -> "Winter Light".equals(text(robot, "#review-title")));
        assertThat(text(robot, "#review-progress")).isEqualTo("0 of 5 reviewed");
        assertThat(text(robot, "#review-position")).isEqualTo("1 / 5");
        assertThat(text(robot, "#review-ai-recommendation")).isEqualTo("CONSIDER");
        assertThat(text(robot, "#review-session-rank")).matches("top \\d+% of 5 in this session");
        assertThat(text(robot, "#review-library-rank")).matches("top \\d+% of 12 in the library");

        // Space plays and pauses the audio summary, saved in the library (no network)
        var player = window.libraryPage().player();
        waitUntil(
                20, "player ready", () -> "ready".equals(player.statusProperty().get()));
        // no sound card on CI: ALSA's null device plays faster than real time, so the summary loops
        Ui.runFx(() -> player.player().setCycleCount(javafx.scene.media.MediaPlayer.INDEFINITE));
        press(robot, KeyCode.SPACE);
        waitUntil(10, "playing", () -> "playing".equals(player.statusProperty().get()));
        press(robot, KeyCode.SPACE);
        waitUntil(10, "paused", () -> "paused".equals(player.statusProperty().get()));

        // 1–5 rates, and a rating makes the item reviewed
        press(robot, KeyCode.DIGIT4);
        waitUntil(5, "progress", () -> "1 of 5 reviewed".equals(text(robot, "#review-progress")));
        assertThat(onFx(() ->
                        robot.lookup("#review-rating").queryAs(Rating.class).getRating()))
                .isEqualTo(4.0);
        waitUntil(
                5,
                "rating on disk",
                () -> Integer.valueOf(4).equals(saved("lib-00002").rating()));
        boolean reviewedOnDisk = onDisk(lib -> lib.isReviewed(session.id(), "lib-00002"));
        assertThat(reviewedOnDisk).isTrue();

        // S shortlists, V walks the verdicts
        press(robot, KeyCode.S);
        press(robot, KeyCode.V);
        press(robot, KeyCode.V);
        waitUntil(5, "shortlist and verdict on disk", () -> {
            var e = saved("lib-00002");
            return e.shortlisted() && e.verdict() == CuratorVerdict.MAYBE;
        });
        assertThat(onFx(() -> robot.lookup("#verdict-maybe")
                        .queryAs(ToggleButton.class)
                        .isSelected()))
                .isTrue();
        assertThat(onFx(() -> robot.lookup("#review-shortlist")
                        .queryAs(ToggleButton.class)
                        .isSelected()))
                .isTrue();

        // N goes to the note; what is typed there is text, not commands; Esc gives the keys back
        press(robot, KeyCode.N);
        robot.write("Strong voice, keep for round 2 jk");
        waitUntil(
                5,
                "note on disk",
                () -> "Strong voice, keep for round 2 jk"
                        .equals(saved("lib-00002").notes()));
        assertThat(text(robot, "#review-title")).isEqualTo("Winter Light");
        press(robot, KeyCode.ESCAPE);

        // T goes to the tags; Enter saves them and gives the keys back
        press(robot, KeyCode.T);
        robot.write("shorts Local");
        press(robot, KeyCode.ENTER);
        waitUntil(5, "tags on disk", () -> saved("lib-00002").tags().equals(List.of("local", "shorts")));

        // the score card
        robot.clickOn(robot.lookup(".card-row").nth(0).lookup("4").queryAs(javafx.scene.Node.class));
        waitUntil(
                5,
                "score card on disk",
                () -> Integer.valueOf(4)
                        .equals(onDisk(lib ->
                                lib.criterionScores(session.id(), "lib-00002").get("Story"))));
        screenshot(scene, "review-mode");

        // J moves on; the next item is fresh
        press(robot, KeyCode.J);
        waitUntil(5, "second item", () -> "The Long Crossing".equals(text(robot, "#review-title")));
        assertThat(text(robot, "#review-position")).isEqualTo("2 / 5");
        assertThat(onFx(() ->
                        robot.lookup("#review-rating").queryAs(Rating.class).getRating()))
                .isEqualTo(0.0);
        assertThat(onFx(() ->
                        robot.lookup("#review-notes").queryAs(TextArea.class).getText()))
                .isEmpty();
        press(robot, KeyCode.DIGIT2);
        press(robot, KeyCode.V);
        waitUntil(5, "progress", () -> "2 of 5 reviewed".equals(text(robot, "#review-progress")));
        waitUntil(5, "second on disk", () -> {
            var e = saved("lib-00005");
            return Integer.valueOf(2).equals(e.rating()) && e.verdict() == CuratorVerdict.ACCEPT;
        });

        // K comes back to the first, with everything it was given
        press(robot, KeyCode.K);
        waitUntil(5, "first again", () -> "Winter Light".equals(text(robot, "#review-title")));
        assertThat(onFx(() ->
                        robot.lookup("#review-rating").queryAs(Rating.class).getRating()))
                .isEqualTo(4.0);
        assertThat(onFx(() ->
                        robot.lookup("#review-notes").queryAs(TextArea.class).getText()))
                .isEqualTo("Strong voice, keep for round 2 jk");
        assertThat(text(robot, "#review-progress")).isEqualTo("2 of 5 reviewed");

        // the session list shows the progress too, once back in the library
        press(robot, KeyCode.ESCAPE);
        waitUntil(
                5, "back in the list", () -> window.libraryPage().modeProperty().get() == LibraryPage.Mode.LIST);
        waitUntil(
                5,
                "session progress",
                () -> onFx(() -> window.libraryPage()
                                .model()
                                .sessions()
                                .getFirst()
                                .reviewed())
                        == 2);
        int reviewedCount =
                onDisk(lib -> lib.session(session.id()).orElseThrow().reviewed());
        assertThat(reviewedCount).isEqualTo(2);
    }
}
