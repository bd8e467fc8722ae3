package ai.sorot.desktop.library;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where an export goes or an import comes from: the system's file dialogs, or a test's own paths. */
public interface FilePicker {

    /** A file to write, or null when the curator cancels. */
    Path save(String title, String suggestedName, String description, String extension);

    /** A file to read, or null when the curator cancels. */
    Path open(String title, String description, String extension);

    /** A folder, or null. */
    Path folder(String title);

    /** The JavaFX {@link FileChooser} and {@link DirectoryChooser} over {@code owner}. */
    static FilePicker dialogs(Supplier<Window> owner) {
        return new FilePicker() {
            @Override
            public Path save(String title, String suggestedName, String description, String extension) {
                var chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(suggestedName);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
                File file = chooser.showSaveDialog(owner.get());
                if (file == null) {
                    return null;
                }
                var path = file.toPath();
                return path.getFileName().toString().contains(".")
                        ? path
                        : path.resolveSibling(path.getFileName() + "." + extension);
            }

            @Override
            public Path open(String title, String description, String extension) {
                var chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters()
                        .addAll(
                                new FileChooser.ExtensionFilter(description, "*." + extension),
                                new FileChooser.ExtensionFilter("All files", "*"));
                File file = chooser.showOpenDialog(owner.get());
                return file == null ? null : file.toPath();
            }

            @Override
            public Path folder(String title) {
                var chooser = new DirectoryChooser();
                chooser.setTitle(title);
                File dir = chooser.showDialog(owner.get());
                return dir == null ? null : dir.toPath();
            }
        };
    }
}
