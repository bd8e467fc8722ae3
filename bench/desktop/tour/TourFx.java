package ai.sorot.desktop.tour;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.EmbeddedBackend;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.shell.MainWindow;
import ai.sorot.desktop.shell.Snapshots;
import java.util.Map;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The FX-thread plumbing the screenshot tours and the window benchmarks share (they run without TestFX). */
final class TourFx {

    private TourFx() {}

    /** The app's window as a user sees it, 1360×860, light theme. */
    record Opened(SorotDesktop app, MainWindow window, Scene scene) {}

    /**
     * Starts the toolkit and opens the window on the embedded backend of {@code home}.
     * @param connect start the app's services (the backend and the connection) as a launch does
     */
    static Opened open(Path home, boolean persistQueue, boolean connect) throws Exception {
        var opened = new CompletableFuture<Opened>();
        Platform.startup(() -> {
            var app = new SorotDesktop(new SorotDesktop.Options(Map.of("SOROT_HOME", home.toString()), EmbeddedBackend::new, persistQueue));
            ThemeManager.apply(Settings.Theme.LIGHT);
            var window = new MainWindow(app);
            var scene = new Scene(window, 1360, 860);
            var stage = new Stage();
            stage.setTitle("Sorot");
            stage.setScene(scene);
            stage.show();
            if (connect) {
                app.start();
            }
            opened.complete(new Opened(app, window, scene));
        });
        return opened.get(30, TimeUnit.SECONDS);
    }

    /** Runs {@code work} on the FX thread and waits for its result (a minute at most). */
    static <T> T call(Callable<T> work) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** Writes the window with the popups over it (a notification) to {@code dir/NAME.png}, as the screen shows them. */
    static void shotWithPopups(Scene scene, Path dir, String name) throws Exception {
        call(() -> {
            var window = scene.getWindow();
            var image = buffered(scene.snapshot(null));
            var g = image.createGraphics();
            for (var shown : javafx.stage.Window.getWindows()) {
                if (shown instanceof javafx.stage.PopupWindow popup && popup.isShowing() && popup.getOwnerWindow() == window) {
                    var picture = buffered(popup.getScene().snapshot(null));
                    g.drawImage(picture, (int) Math.round(popup.getX() + popup.getScene().getX() - window.getX() - scene.getX()),
                            (int) Math.round(popup.getY() + popup.getScene().getY() - window.getY() - scene.getY()), null);
                }
            }
            g.dispose();
            javax.imageio.ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
            return null;
        });
        System.out.println("wrote " + name);
    }

    private static java.awt.image.BufferedImage buffered(javafx.scene.image.WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        var pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, width);
        var out = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, pixels, 0, width);
        return out;
    }

    /** Writes the window to {@code dir/NAME.png}. */
    static void shot(Scene scene, Path dir, String name) throws Exception {
        call(() -> {
            Snapshots.write(scene, dir.resolve(name + ".png"));
            return null;
        });
        System.out.println("wrote " + name);
    }
}
