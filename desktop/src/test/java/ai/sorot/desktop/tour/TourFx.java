package ai.sorot.desktop.tour;

import ai.sorot.desktop.shell.Snapshots;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;

/** The FX-thread plumbing the screenshot tours and the window benchmarks share (they run without TestFX). */
final class TourFx {

    private TourFx() {}

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

    /** Writes the window to {@code dir/NAME.png}. */
    static void shot(Scene scene, Path dir, String name) throws Exception {
        call(() -> {
            Snapshots.write(scene, dir.resolve(name + ".png"));
            return null;
        });
        System.out.println("wrote " + name);
    }
}
