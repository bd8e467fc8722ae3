package ai.sorot.desktop.testing;

import ai.sorot.desktop.shell.Snapshots;
import com.sun.javafx.scene.input.DragboardHelper;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import org.testfx.util.WaitForAsyncUtils;

/** What the TestFX tests do to the window: drops as a file manager or browser makes them, waiting, pictures. */
public final class Ui {

    private Ui() {}

    /** Files dropped from a file manager onto {@code target}. */
    public static boolean dropFiles(Node target, List<Path> files) {
        var content = new ClipboardContent();
        content.putFiles(files.stream().map(Path::toFile).toList());
        return drop(target, content);
    }

    /** A link dragged from a browser's address bar: {@code text/uri-list} plus plain text, as Firefox and Chrome send it. */
    public static boolean dropLink(Node target, String url) {
        var content = new ClipboardContent();
        var uriList = DataFormat.lookupMimeType("text/uri-list");
        content.put(uriList != null ? uriList : new DataFormat("text/uri-list"), url + "\r\n");
        content.putString(url);
        return drop(target, content);
    }

    /**
     * Dispatches DRAG_OVER then DRAG_DROPPED through the scene graph at {@code target}, the way
     * the toolkit does for a drop from another application (no gesture source), and returns
     * whether the drop was accepted and completed.
     */
    public static boolean drop(Node target, ClipboardContent content) {
        return onFx(() -> {
            var board = DragboardHelper.createDragboard(new DropPeer());
            DragboardHelper.setDataAccessRestriction(board, false);
            board.setContent(content);
            var bounds = target.localToScreen(target.getBoundsInLocal());
            var screen = new Point2D(bounds.getCenterX(), bounds.getCenterY());
            var local = target.screenToLocal(screen);
            var over = new DragEvent(
                    target,
                    target,
                    DragEvent.DRAG_OVER,
                    board,
                    local.getX(),
                    local.getY(),
                    screen.getX(),
                    screen.getY(),
                    TransferMode.COPY,
                    null,
                    target,
                    null);
            Event.fireEvent(target, over);
            var dropped = new DragEvent(
                    target,
                    target,
                    DragEvent.DRAG_DROPPED,
                    board,
                    local.getX(),
                    local.getY(),
                    screen.getX(),
                    screen.getY(),
                    TransferMode.COPY,
                    null,
                    target,
                    null);
            Event.fireEvent(target, dropped);
            return dropped.isDropCompleted() || dropped.isConsumed();
        });
    }

    /** The queue row showing {@code item}. */
    public static javafx.scene.Node row(org.testfx.api.FxRobot robot, ai.sorot.desktop.queue.QueueItem item) {
        return robot.lookup(".queue-row")
                .match((javafx.scene.Node n) ->
                        item.id().equals(n.getProperties().get(ai.sorot.desktop.queue.QueueRow.ITEM_ID)))
                .query();
    }

    /**
     * The library's first session in its list: a cell on screen, not one of the spare cells a
     * virtual flow keeps out of sight (those may still hold an item).
     */
    public static javafx.scene.Node sessionCell(org.testfx.api.FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds last = null;
        // the page settles over a few pulses after it is shown (the filter bar finds its width):
        // click where the cell is once it stays put, not where it was a pulse ago
        for (int i = 0; i < 40; i++) {
            javafx.scene.Node cell = onFx(() -> robot.lookup(".session-cell")
                    .match((javafx.scene.control.ListCell<?> c) -> c.getItem() != null
                            && c.getIndex() == 0
                            && c.isVisible()
                            && c.getParent() != null
                            && c.getParent().isVisible()
                            && c.getWidth() > 0)
                    .query());
            javafx.geometry.Bounds bounds = onFx(() -> cell.localToScreen(cell.getBoundsInLocal()));
            if (bounds.equals(last)) {
                return cell;
            }
            last = bounds;
            pause(50);
        }
        throw new AssertionError("the session list did not settle");
    }

    /**
     * Waits until the nodes {@code queries} name stay where they are over three checks 50 ms apart:
     * a page just shown settles over a few pulses, and a click aimed before that lands beside its target.
     */
    public static void settled(org.testfx.api.FxRobot robot, String... queries) {
        java.util.List<javafx.geometry.Bounds> last = null;
        int same = 0;
        for (int i = 0; i < 60 && same < 2; i++) {
            java.util.List<javafx.geometry.Bounds> now = onFx(() -> java.util.Arrays.stream(queries)
                    .map(q -> robot.lookup(q).query())
                    .map(n -> ((javafx.scene.Node) n).localToScreen(((javafx.scene.Node) n).getBoundsInLocal()))
                    .toList());
            same = now.equals(last) ? same + 1 : 0;
            last = now;
            pause(50);
        }
    }

    public static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static void runFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /** As {@link #waitUntil(int, String, BooleanSupplier)}, and a timeout says what {@code state} saw then. */
    public static void waitUntil(
            int seconds, String what, BooleanSupplier condition, java.util.function.Supplier<String> state) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (Exception e) {
            throw new AssertionError(
                    "timed out after " + seconds + " s waiting until " + what + " (" + state.get() + ")", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static void waitUntil(int seconds, String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (Exception e) {
            throw new AssertionError("timed out after " + seconds + " s waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes the window to {@code target/screenshots/NAME.png} (the {@code sorot.screenshots} folder). */
    public static Path screenshot(javafx.scene.Scene scene, String name) {
        var dir = Path.of(System.getProperty("sorot.screenshots", "target/screenshots"));
        var file = dir.resolve(name + ".png");
        WaitForAsyncUtils.waitForFxEvents();
        runFx(() -> {
            try {
                Snapshots.write(scene, file);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        return file;
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.requestNextPulse();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
