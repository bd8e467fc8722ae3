package ai.sorot.desktop.shell;

import ai.sorot.desktop.intake.DropContent;
import ai.sorot.desktop.intake.IntakeViewModel;
import ai.sorot.desktop.queue.QueueItem;
import ai.sorot.desktop.queue.QueueViewModel;
import ai.sorot.desktop.ui.Notice;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * How scripts and links reach the queue from the window: drops anywhere on it, the clipboard,
 * and the file and folder dialogs.
 */
final class WindowIntake {

    private final IntakeViewModel<QueueItem> intake;
    private final QueueViewModel queue;
    private final Supplier<Window> window;
    private final Supplier<QueueItem> selected;
    private final Consumer<Boolean> dragHover;

    /** {@code dragHover} shows (or stops showing) that a drop would be taken. */
    WindowIntake(
            IntakeViewModel<QueueItem> intake,
            QueueViewModel queue,
            Supplier<Window> window,
            Supplier<QueueItem> selected,
            Consumer<Boolean> dragHover) {
        this.intake = intake;
        this.queue = queue;
        this.window = window;
        this.selected = selected;
        this.dragHover = dragHover;
    }

    void dragOver(DragEvent event) {
        if (event.getGestureSource() == null && DropContent.mayHold(event.getDragboard())) {
            event.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            dragHover.accept(true);
            event.consume();
        }
    }

    void dragExited(DragEvent event) {
        dragHover.accept(false);
    }

    void dropped(DragEvent event) {
        dragHover.accept(false);
        var content = DropContent.read(event.getDragboard());
        if (content.isEmpty()) {
            queue.say(Notice.warning(
                    "Nothing Sorot can use was dropped: drop PDF or Fountain files, a folder, or a trailer link."));
            event.setDropCompleted(false);
        } else {
            intake.accept(content, null);
            event.setDropCompleted(true);
        }
        event.consume();
    }

    /** Files from the clipboard join the queue; a link attaches to the selected row, or waits for the next script. */
    void paste() {
        var content = DropContent.read(Clipboard.getSystemClipboard());
        if (content.isEmpty()) {
            queue.say(Notice.warning("The clipboard holds no screenplay file and no link."));
            return;
        }
        intake.accept(content, content.files().isEmpty() ? selected.get() : null);
    }

    void chooseFiles() {
        var chooser = new FileChooser();
        chooser.setTitle("Add screenplays");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Screenplays (PDF, Fountain, Final Draft, Highland)",
                                "*.pdf",
                                "*.PDF",
                                "*.fountain",
                                "*.spmd",
                                "*.fdx",
                                "*.FDX",
                                "*.highland"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(window.get());
        if (files != null && !files.isEmpty()) {
            intake.addFiles(files.stream().map(File::toPath).toList());
        }
    }

    void chooseFolder() {
        var chooser = new DirectoryChooser();
        chooser.setTitle("Add a folder of submissions");
        var dir = chooser.showDialog(window.get());
        if (dir != null) {
            intake.addFiles(List.of(dir.toPath()));
        }
    }
}
