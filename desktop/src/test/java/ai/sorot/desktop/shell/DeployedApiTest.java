package ai.sorot.desktop.shell;

import static ai.sorot.desktop.testing.Ui.dropFiles;
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
import ai.sorot.desktop.testing.TestScripts;
import ai.sorot.desktop.testing.Ui;
import ai.sorot.lambda.local.LocalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window against a deployed API, chosen with SOROT_API_URL / SOROT_API_TOKEN: here the
 * backend's real LocalServer on its own home and port, which the test stops and starts again.
 */
@ExtendWith(ApplicationExtension.class)
class DeployedApiTest {

    @TempDir
    static Path dir;

    private LocalServer server;
    private LocalServer.Options serverOptions;
    private SorotDesktop app;
    private MainWindow window;
    private Scene scene;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        var serverHome = new ai.sorot.lambda.local.SorotHome(Files.createTempDirectory(dir, "server"));
        serverOptions = LocalServer.Options.defaults(serverHome).withPort(0);
        server = LocalServer.start(serverOptions);
        serverOptions = serverOptions.withPort(server.url().getPort()); // the same port when it comes back
        home = Files.createTempDirectory(dir, "home");
        var env = Map.of(
                "SOROT_HOME",
                home.toString(),
                "SOROT_API_URL",
                server.url().toString(),
                "SOROT_API_TOKEN",
                server.token());
        app = new SorotDesktop(new SorotDesktop.Options(env, EmbeddedBackend::new, true));
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
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void whenTheApiGoesAwaySubmissionsWaitUnderABannerAndContinueWhenItIsBack(FxRobot robot) throws Exception {
        waitUntil(30, "connected", () -> app.connection().stateProperty().get() == ConnectionState.ONLINE);
        assertThat(robot.lookup("#connection-status").queryAs(Label.class).getText())
                .startsWith("Deployed · 127.0.0.1:");
        server.stop();
        server = null;

        dropFiles(window, List.of(TestScripts.brickAndSteel(dir)));
        waitUntil(20, "banner", () -> robot.lookup("#connection-banner").query().isVisible());
        QueueItem item = onFx(() -> app.queue().items().getFirst());
        waitUntil(
                10,
                "waiting",
                () -> item.state() == SubmissionState.WAITING
                        && item.waitingForApiProperty().get());
        assertThat(robot.lookup("#banner-title").queryAs(Label.class).getText())
                .isEqualTo("The Sorot API cannot be reached");
        assertThat(robot.lookup("#banner-text").queryAs(Label.class).getText()).contains("1 submission is waiting");
        assertThat(item.errorMessageProperty().get()).isNull();
        screenshot(scene, "06-api-unreachable");

        server = LocalServer.start(serverOptions);
        robot.clickOn("#retry-connection");
        waitUntil(60, "completed once the API is back", () -> item.state() == SubmissionState.COMPLETED);
        assertThat(robot.lookup("#connection-banner").query().isVisible()).isFalse();
    }

    @Test
    void aLinkPastedWithCtrlVAttachesToTheSelectedScript(FxRobot robot) throws Exception {
        waitUntil(30, "connected", () -> app.connection().stateProperty().get() == ConnectionState.ONLINE);
        var folder = Files.createDirectories(dir.resolve("batch-" + System.nanoTime()));
        TestScripts.brickAndSteel(folder);
        TestScripts.cyberBobFountain(folder);
        Files.writeString(folder.resolve("cover-letter.txt"), "Dear programmer");
        dropFiles(window, List.of(folder)); // a folder of submissions: the scripts in it, nothing else
        waitUntil(
                30,
                "two rows done",
                () -> app.queue().items().size() == 2
                        && app.queue().items().stream().allMatch(i -> i.state() == SubmissionState.COMPLETED));
        assertThat(robot.lookup("#notice-text").queryAs(Label.class).getText()).contains("skipped 1 other file");
        var fountain = onFx(() -> app.queue().items().stream()
                .filter(i -> i.fileName().endsWith(".fountain"))
                .findFirst()
                .orElseThrow());
        var firstId = fountain.analysisId();

        robot.clickOn(Ui.row(robot, fountain));
        ai.sorot.desktop.testing.Ui.runFx(() -> {
            var content = new ClipboardContent();
            content.putString("https://vimeo.com/76979871");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.press(KeyCode.CONTROL).press(KeyCode.V).release(KeyCode.V).release(KeyCode.CONTROL);
        waitUntil(
                60,
                "analysed again with the trailer",
                () -> "https://vimeo.com/76979871".equals(fountain.trailerUrl())
                        && fountain.state() == SubmissionState.COMPLETED
                        && !firstId.equals(fountain.analysisId()));
    }

    @Test
    void settingsKeepTheTokenInAnOwnerOnlyFileAndTestTheConnection(FxRobot robot) throws Exception {
        waitUntil(30, "connected", () -> app.connection().stateProperty().get() == ConnectionState.ONLINE);
        robot.clickOn("#open-settings");
        assertThat(robot.lookup("#env-note").queryAs(Label.class).getText()).contains("SOROT_API_URL is set");
        robot.clickOn("#api-token").write("wrong-token");
        robot.clickOn("#test-connection");
        waitUntil(
                10,
                "test result",
                () -> !robot.lookup("#test-result")
                        .queryAs(Label.class)
                        .getText()
                        .isEmpty());
        assertThat(robot.lookup("#test-result").queryAs(Label.class).getText())
                .isEqualTo("The API refused this token.");

        robot.doubleClickOn("#api-token").eraseText(11).write(server.token());
        robot.clickOn("#test-connection");
        waitUntil(
                10,
                "test ok",
                () -> robot.lookup("#test-result")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Connected"));
        robot.clickOn("#theme-dark");
        robot.clickOn("#save-settings");
        waitUntil(
                5,
                "saved",
                () -> "Saved."
                        .equals(robot.lookup("#save-message")
                                .queryAs(Label.class)
                                .getText()));
        screenshot(scene, "08-settings-dark");

        var tokenFile = home.resolve("desktop/api-token");
        assertThat(Files.readString(tokenFile)).isEqualTo(server.token());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                .isEqualTo("rw-------");
        var settings = Files.readString(home.resolve("desktop/settings.json"));
        assertThat(settings).contains("\"theme\" : \"DARK\"").doesNotContain(server.token());
        ThemeManager.apply(Settings.Theme.LIGHT);
    }
}
