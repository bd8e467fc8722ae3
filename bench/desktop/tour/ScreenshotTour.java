package ai.sorot.desktop.tour;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.connection.Endpoint;
import ai.sorot.desktop.connection.EndpointSource;
import ai.sorot.desktop.queue.QueueItem;
import ai.sorot.desktop.queue.SubmissionState;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.shell.MainWindow;
import ai.sorot.desktop.testing.TestPdfs;
import ai.sorot.desktop.testing.TestScripts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Walks the real app through its main screens on the real embedded backend and writes a PNG of
 * each: {@code bench/desktop-screenshots.sh} runs it under Xvfb (real GTK window, not Monocle).
 * Not a test: a picture to look at.
 */
public final class ScreenshotTour {

    private static Scene scene;
    private static MainWindow window;
    private static SorotDesktop app;

    public static void main(String[] args) {
        try {
            tour(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the FX thread would keep the JVM alive
        }
    }

    private static void tour(String[] args) throws Exception {
        var out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
        var work = Files.createTempDirectory("sorot-tour");
        var home = Files.createDirectories(work.resolve("home"));
        var opened = TourFx.open(home, true, true);
        app = opened.app();
        TourFx.call(() -> { app.setNotifier(new ai.sorot.desktop.notify.ControlsFxNotifier(() -> opened.scene().getWindow(), () -> true)); return null; });
        window = opened.window();
        scene = opened.scene();
        await("online", () -> app.connection().stateProperty().get() == ConnectionState.ONLINE);
        TourFx.shot(scene, out, "01-drop-zone");

        var batch = Files.createDirectories(work.resolve("Shorts 2027"));
        TestScripts.brickAndSteel(batch);
        TestScripts.cyberBobFountain(batch);
        for (var name : List.of("The Long Crossing", "Salt Harbour", "Night Ferry", "Winter Light", "The Lighthouse Keeper")) {
            TestPdfs.screenplay(batch.resolve(name.toLowerCase().replace(' ', '-') + ".pdf"), name, "A. Writer", 700);
        }
        TestPdfs.encrypted(batch.resolve("locked-draft.pdf"));
        TourFx.call(() -> { app.queue().maxConcurrentProperty().set(2); return null; });
        TourFx.call(() -> { app.queue().offerTrailer("https://www.youtube.com/watch?v=dQw4w9WgXcQ", null); return null; });
        TourFx.call(() -> { app.intake().addFiles(List.of(batch)); return null; });
        await("running", () -> app.queue().items().size() == 8 && app.queue().items().stream()
                .anyMatch(i -> i.state() == SubmissionState.RUNNING && i.currentStepProperty().get() >= 1));
        TourFx.call(() -> { window.queueView().select(app.queue().items().stream().filter(i -> i.state() == SubmissionState.RUNNING)
                .findFirst().orElseThrow()); return null; });
        Thread.sleep(300);
        TourFx.shot(scene, out, "02-queue-running");

        await("all done", () -> app.queue().items().stream().allMatch(i -> i.state().isFinal()));
        // the notification that says so, over the window as the screen shows it
        await("notification", () -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w instanceof javafx.stage.Popup
                && w.isShowing() && w.getScene().getRoot().lookup(".notification-bar") != null));
        Thread.sleep(900); // it fades in
        TourFx.shotWithPopups(scene, out, "15-notification");
        QueueItem brick = TourFx.call(() -> app.queue().items().stream().filter(i -> i.fileName().startsWith("brick")).findFirst().orElseThrow());
        TourFx.call(() -> { window.queueView().select(brick); return null; });
        await("report", () -> app.report().reportProperty().get() != null && !app.report().loadingProperty().get());
        Thread.sleep(800);
        TourFx.shot(scene, out, "03-report");
        TourFx.call(() -> { scroll(0.62); return null; });
        Thread.sleep(400);
        TourFx.shot(scene, out, "04-report-charts");

        TourFx.call(() -> {
            // a link that carries a quote shows the highlight; any enabled link shows the page
            var links = window.reportView().lookupAll(".evidence-link").stream()
                    .map(javafx.scene.control.Hyperlink.class::cast).filter(h -> !h.isDisabled()).toList();
            var link = links.stream().filter(h -> h.getTooltip() != null && h.getTooltip().getText().contains("“"))
                    .findFirst().orElse(links.getFirst());
            link.fire();
            return null;
        });
        Thread.sleep(1200);
        TourFx.shot(scene, out, "05-evidence-page");
        TourFx.call(() -> { window.pageViewer().close(); return null; });

        QueueItem refused = TourFx.call(() -> app.queue().items().stream().filter(i -> i.state() == SubmissionState.REFUSED).findFirst().orElseThrow());
        TourFx.call(() -> { window.queueView().select(refused); return null; });
        Thread.sleep(300);
        TourFx.shot(scene, out, "06-refused");

        TourFx.call(() -> { window.openSettings(); return null; });
        Thread.sleep(300);
        TourFx.shot(scene, out, "07-settings");

        TourFx.call(() -> { ThemeManager.apply(Settings.Theme.DARK); window.queueView().select(brick); return null; });
        Thread.sleep(800);
        TourFx.shot(scene, out, "08-report-dark");
        TourFx.call(() -> { ThemeManager.apply(Settings.Theme.LIGHT); return null; });

        // the API goes away: point the app at a port nobody listens on and add a script
        TourFx.call(() -> {
            app.connection().connect(EndpointSource.remote(new Endpoint(URI.create("http://127.0.0.1:9"), "x", false)));
            return null;
        });
        await("unreachable", () -> app.connection().stateProperty().get() == ConnectionState.UNREACHABLE);
        TourFx.call(() -> { app.intake().addFiles(List.of(TestPdfs.screenplay(work.resolve("late-entry.pdf"), "Late Entry", "B. Writer", 40))); return null; });
        await("waiting", () -> app.queue().items().stream().anyMatch(i -> i.fileName().equals("late-entry.pdf")
                && i.state() == SubmissionState.WAITING));
        TourFx.call(() -> { window.queueView().select(app.queue().items().getLast()); return null; });
        Thread.sleep(1200);
        TourFx.shot(scene, out, "09-api-unreachable");

        TourFx.call(() -> { app.close(); return null; });
        Platform.exit();
        System.out.println("screenshots in " + out.toAbsolutePath());
        System.exit(0);
    }

    private static void scroll(double v) {
        var pane = (ScrollPane) window.reportView().lookup(".scroll-pane");
        pane.setVvalue(v);
    }



    private static void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (TourFx.call(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }
}
