package ai.sorot.desktop.shell;

import static ai.sorot.desktop.testing.Ui.dropFiles;
import static ai.sorot.desktop.testing.Ui.dropLink;
import static ai.sorot.desktop.testing.Ui.onFx;
import static ai.sorot.desktop.testing.Ui.screenshot;
import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.connection.Endpoint;
import ai.sorot.desktop.connection.EndpointSource;
import ai.sorot.desktop.queue.QueueItem;
import ai.sorot.desktop.queue.SubmissionState;
import ai.sorot.desktop.settings.Settings;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.testing.ScriptedApi;
import ai.sorot.desktop.testing.TestPdfs;
import ai.sorot.desktop.testing.Ui;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real window, driven like a curator would, against the API over loopback. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final String TOKEN = "ui-test-token";

    @TempDir
    static Path dir;
    private MockWebServer server;
    private ScriptedApi script;
    private SorotDesktop app;
    private MainWindow window;
    private Scene scene;
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        server = new MockWebServer();
        script = new ScriptedApi(TOKEN, 2);
        server.setDispatcher(script);
        server.start(InetAddress.getLoopbackAddress(), 0);
        var endpoint = new Endpoint(server.url("/").uri(), TOKEN, true);
        var home = Files.createTempDirectory(dir, "home");
        app = new SorotDesktop(new SorotDesktop.Options(Map.of("SOROT_HOME", home.toString()), h -> new EndpointSource() {
            @Override
            public Endpoint open() {
                return endpoint;
            }

            @Override
            public String describe() {
                return "Local · offline analysers";
            }

            @Override
            public boolean local() {
                return true;
            }
        }, true));
        app.queue().setPollBackoff(() -> new ai.sorot.desktop.queue.Backoff(java.time.Duration.ofMillis(50),
                java.time.Duration.ofMillis(300), 1.5));
        ThemeManager.apply(Settings.Theme.LIGHT);
        Desktop.setOpener(opened::add);
        window = new MainWindow(app);
        scene = new Scene(window, 1360, 860);
        stage.setScene(scene);
        stage.show();
        app.start();
    }

    @AfterEach
    void stop() {
        app.close();
        server.close();
    }

    private void awaitOnline() {
        waitUntil(20, "connected", () -> app.connection().stateProperty().get() == ConnectionState.ONLINE);
    }

    private QueueItem onlyItem() {
        return onFx(() -> app.queue().items().getFirst());
    }

    @Test
    void droppingALinkAndAPdfRunsTheStepsAndOpensTheReport(FxRobot robot) throws Exception {
        awaitOnline();
        screenshot(scene, "01-empty-drop-zone");
        var pdf = TestPdfs.screenplay(dir.resolve("the-last-ferry.pdf"), "The Last Ferry", "Ana Lindqvist", 14);

        assertThat(dropLink(window, "https://www.youtube.com/watch?v=trailer42")).isTrue();
        waitUntil(5, "link kept", () -> "https://www.youtube.com/watch?v=trailer42".equals(app.queue().pendingTrailerProperty().get()));
        assertThat(dropFiles(window, List.of(pdf))).isTrue();

        waitUntil(20, "a row", () -> app.queue().items().size() == 1);
        var item = onlyItem();
        var steps = new CopyOnWriteArrayList<Integer>();
        item.currentStepProperty().addListener((o, was, now) -> steps.add(now.intValue()));
        robot.clickOn(robot.lookup("#row-" + item.id()).queryAs(Node.class));
        waitUntil(20, "step 3 running", () -> item.currentStepProperty().get() >= 3);
        screenshot(scene, "02-queue-running");
        waitUntil(30, "completed", () -> item.state() == SubmissionState.COMPLETED);
        assertThat(steps).contains(2, 3, 4, 5);
        assertThat(script.analyzeRequests.getFirst().trailerUrl()).isEqualTo("https://www.youtube.com/watch?v=trailer42");

        // the selected row opens its report when it completes
        waitUntil(10, "report shown", () -> window.pageProperty().get() == MainWindow.Page.REPORT
                && app.report().reportProperty().get() != null);
        assertThat(robot.lookup("#report-title").queryAs(Label.class).getText()).isEqualTo("THE LAST FERRY");
        assertThat(robot.lookup("#overall-score").queryAs(Label.class).getText()).isEqualTo("68");
        assertThat(robot.lookup("#recommendation").queryAs(Label.class).getText()).isEqualTo("CONSIDER");
        assertThat(robot.lookup("#provenance-badge").queryAs(Label.class).getText()).startsWith("Offline heuristics");
        for (var chart : List.of("#chart-int-ext", "#chart-day-night", "#chart-dialogue-share", "#chart-scene-lengths",
                "#chart-dialogue-density")) {
            assertThat(robot.lookup(chart).tryQuery()).as(chart).isPresent();
        }
        screenshot(scene, "03-report");
    }

    @Test
    void aBadFileIsRefusedWithItsReason(FxRobot robot) throws Exception {
        awaitOnline();
        var locked = TestPdfs.encrypted(dir.resolve("locked.pdf"));
        dropFiles(window, List.of(locked));
        waitUntil(10, "refused row", () -> app.queue().items().size() == 1 && app.queue().items().getFirst().state() == SubmissionState.REFUSED);
        var item = onlyItem();
        assertThat(item.errorCodeProperty().get()).isEqualTo("PDF_ENCRYPTED");
        var rowText = robot.lookup("#row-" + item.id()).lookup(".row-error").queryAs(Label.class).getText();
        assertThat(rowText).contains("password-protected").contains("PDF_ENCRYPTED");
        assertThat(robot.lookup("#notice-text").queryAs(Label.class).getText()).contains("password-protected");
        assertThat(script.analyzeRequests).isEmpty();
        screenshot(scene, "05-refused");
    }

    @Test
    void whenTheApiGoesAwayTheBannerShowsAndSubmissionsWait(FxRobot robot) throws Exception {
        awaitOnline();
        int port = server.getPort();
        server.close();
        var pdf = TestPdfs.screenplay(dir.resolve("waiting.pdf"), "Waiting Game", "B. Writer", 6);
        dropFiles(window, List.of(pdf));
        waitUntil(20, "banner", () -> robot.lookup("#connection-banner").query().isVisible());
        var item = onlyItem();
        waitUntil(10, "waiting", () -> item.state() == SubmissionState.WAITING);
        assertThat(robot.lookup("#banner-title").queryAs(Label.class).getText()).isEqualTo("The Sorot API cannot be reached");
        assertThat(robot.lookup("#banner-text").queryAs(Label.class).getText()).contains("1 submission is waiting");
        screenshot(scene, "06-api-unreachable");

        server = new MockWebServer();
        server.setDispatcher(script);
        server.start(InetAddress.getLoopbackAddress(), port);
        robot.clickOn("#retry-connection");
        waitUntil(20, "completed once the API is back", () -> item.state() == SubmissionState.COMPLETED);
        assertThat(robot.lookup("#connection-banner").query().isVisible()).isFalse();
    }

    @Test
    void spaceTogglesTheAudioSummary(FxRobot robot) throws Exception {
        awaitOnline();
        var pdf = TestPdfs.screenplay(dir.resolve("audio.pdf"), "Sound Check", "C. Writer", 6);
        dropFiles(window, List.of(pdf));
        waitUntil(20, "a row", () -> app.queue().items().size() == 1);
        var item = onlyItem();
        waitUntil(30, "completed", () -> item.state() == SubmissionState.COMPLETED);
        robot.clickOn(robot.lookup("#row-" + item.id()).queryAs(Node.class));
        waitUntil(10, "player ready", () -> "ready".equals(window.player().statusProperty().get()));

        // CI has no sound card: ALSA's null device swallows audio faster than real time, so the
        // summary loops here to stay "playing" until it is paused, as it would on a real speaker
        Ui.runFx(() -> window.player().player().setCycleCount(javafx.scene.media.MediaPlayer.INDEFINITE));
        robot.clickOn("#play-pause");
        waitUntil(10, "playing", () -> "playing".equals(window.player().statusProperty().get()));
        robot.clickOn("#report-title"); // focus away from the button: Space must still work
        robot.type(KeyCode.SPACE);
        waitUntil(10, "paused", () -> "paused".equals(window.player().statusProperty().get()));
        robot.type(KeyCode.SPACE);
        waitUntil(10, "playing again", () -> "playing".equals(window.player().statusProperty().get()));
        screenshot(scene, "04-player");
    }
}
