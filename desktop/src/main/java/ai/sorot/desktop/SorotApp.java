package ai.sorot.desktop;

import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.connection.EmbeddedBackend;
import ai.sorot.desktop.instance.SingleInstance;
import ai.sorot.desktop.notify.ControlsFxNotifier;
import ai.sorot.desktop.selfcheck.SelfCheck;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.shell.MainWindow;
import ai.sorot.desktop.ui.Desktop;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: builds the services and the window, shows it, then connects in the background. */
public final class SorotApp extends Application {

    static LaunchOptions options = new LaunchOptions(null, null, false, false);
    /** Set when this process is the window files are handed to ({@link Main}). */
    static SingleInstance instance;

    private SorotDesktop desktop;

    @Override
    public void start(Stage stage) {
        var launch = options;
        desktop =
                new SorotDesktop(new SorotDesktop.Options(System.getenv(), EmbeddedBackend::new, !launch.selfCheck()));
        ThemeManager.apply(desktop.settings().theme());
        var window = new MainWindow(desktop);
        var scene = new Scene(window, 1360, 860);
        stage.setTitle("Sorot");
        // the taskbar's and the window switcher's icon (installers/icons); loaded at once (12 kB): an
        // icon still loading in the background when the window is shown never reaches the window manager
        for (int size : new int[] {32, 64, 256}) {
            stage.getIcons()
                    .add(new javafx.scene.image.Image(
                            SorotApp.class
                                    .getResource("icon/sorot-" + size + ".png")
                                    .toExternalForm(),
                            false));
        }
        stage.setMinWidth(960);
        stage.setMinHeight(620);
        stage.setScene(scene);
        Desktop.setOpener(uri -> getHostServices().showDocument(uri));
        desktop.setNotifier(
                new ControlsFxNotifier(() -> stage, () -> desktop.settings().notifications() && !launch.selfCheck()));

        if (launch.startupProbe()) {
            probe(scene);
        }
        // once the first frame is laid out, everything slower (the saved queue, the HTTP client, the
        // local backend) starts, off the FX thread, so it does not compete with the first frame
        afterFirstFrame(scene, () -> {
            desktop.start();
            // "Open with Sorot": files on the command line, and later the ones other launches hand over
            if (!launch.files().isEmpty()) {
                desktop.intake().addFiles(launch.files());
            }
        });
        stage.show();
        if (instance != null) {
            instance.onOpen(files -> Platform.runLater(() -> {
                stage.setIconified(false);
                stage.toFront();
                if (!files.isEmpty()) {
                    desktop.intake().addFiles(files);
                }
            }));
        }
        if (launch.selfCheck()) {
            new SelfCheck(desktop, window, stage, launch.selfCheckImage(), launch.selfCheckFile()).start();
        }
    }

    /** Runs {@code then} once, after the first layout pulse of the scene (the pulse itself goes on first). */
    private static void afterFirstFrame(Scene scene, Runnable then) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(then);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** Prints when the first frame of the window was laid out, and when the API answered, then exits. */
    private void probe(Scene scene) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            System.out.println("window-shown-epoch-ms=" + System.currentTimeMillis());
            System.out.flush();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        var timeout = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(60));
        timeout.setOnFinished(e -> {
            System.out.println("connected-epoch-ms=timeout");
            Platform.exit();
        });
        timeout.play();
        desktop.connection().stateProperty().subscribe(state -> {
            if (state == ConnectionState.ONLINE) {
                System.out.println("connected-epoch-ms=" + System.currentTimeMillis());
                System.out.flush();
                Platform.exit();
            }
        });
    }

    @Override
    public void stop() {
        if (instance != null) {
            instance.close();
        }
        if (desktop != null) {
            desktop.close();
        }
    }
}
