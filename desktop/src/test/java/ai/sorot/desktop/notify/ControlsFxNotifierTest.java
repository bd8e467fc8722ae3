package ai.sorot.desktop.notify;

import static ai.sorot.desktop.testing.Ui.onFx;
import static ai.sorot.desktop.testing.Ui.runFx;
import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.EmbeddedBackend;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.shell.MainWindow;
import ai.sorot.desktop.shell.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javafx.css.CssParser;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Popup;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A notification in the real window: styled by the app's theme, with no CSS error on the way. */
@ExtendWith(ApplicationExtension.class)
class ControlsFxNotifierTest {

    @TempDir
    static Path dir;

    private SorotDesktop app;
    private Stage stage;
    private ControlsFxNotifier notifier;
    private final List<String> cssErrors = new CopyOnWriteArrayList<>();
    private final Handler cssLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            cssErrors.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        var home = Files.createTempDirectory(dir, "home");
        app = new SorotDesktop(
                new SorotDesktop.Options(Map.of("SOROT_HOME", home.toString()), EmbeddedBackend::new, false));
        ThemeManager.apply(Settings.Theme.LIGHT);
        notifier = new ControlsFxNotifier(() -> stage, () -> true);
        stage.setScene(new Scene(new MainWindow(app), 1360, 860));
        stage.show();
        // JavaFX reports a style it cannot apply both ways: in the CSS error list and on the "javafx.css" logger
        CssParser.errorsProperty().clear();
        Logger.getLogger("javafx.css").addHandler(cssLog);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("javafx.css").removeHandler(cssLog);
        runFx(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w instanceof Popup)
                .forEach(Window::hide));
        app.close();
    }

    private Parent notificationPane() {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Popup && w.isShowing())
                .map(w -> w.getScene().getRoot().lookup(".notification-bar > .pane"))
                .filter(n -> n != null)
                .map(Parent.class::cast)
                .findFirst()
                .orElse(null));
    }

    @Test
    void aFinishedAnalysisNotificationShowsInTheThemeWithNoCssError(FxRobot robot) throws Exception {
        runFx(() -> notifier.success("Analysis complete", "THE LONG CROSSING\nCONSIDER · 63/100"));
        waitUntil(10, "notification shown", () -> notificationPane() != null);
        // the popup fades in, and its styles are applied on the pulses that draw it: wait until it is opaque
        waitUntil(10, "notification faded in", () -> {
            var pane = notificationPane();
            return pane != null
                    && Stream.iterate((Node) pane, Objects::nonNull, Node::getParent)
                            .allMatch(n -> n.getOpacity() >= 1.0);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> List.copyOf(CssParser.errorsProperty())).stream()
                        .map(Object::toString)
                        .toList())
                .as("CSS errors while the notification showed")
                .isEmpty();
        assertThat(cssErrors).as("javafx.css log").isEmpty();

        var pane = notificationPane();
        // no glossy bitmap icon from ControlsFX's dialogs: the app's own vector icon
        assertThat(onFx(() -> pane.lookupAll(".image-view").stream()
                        .map(ImageView.class::cast)
                        .filter(v -> v.getImage() != null)
                        .toList()))
                .isEmpty();
        assertThat(onFx(() -> pane.lookup(".notification-icon"))).isNotNull();
        // the panel is painted with the theme's surface colour, and the text with its text colour
        assertThat(onFx(() -> ((javafx.scene.layout.Region) pane).getBackground() != null
                        && !((javafx.scene.layout.Region) pane)
                                .getBackground()
                                .getFills()
                                .isEmpty()))
                .isTrue();
        var title = onFx(() -> (Label) pane.lookup(".title"));
        assertThat(onFx(title::getText)).isEqualTo("Analysis complete");
        var popupScene = onFx(() -> pane.getScene());
        var shot = Path.of(System.getProperty("sorot.screenshots", "target/screenshots"))
                .resolve("notification.png");
        runFx(() -> {
            try {
                Snapshots.write(popupScene, shot);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
