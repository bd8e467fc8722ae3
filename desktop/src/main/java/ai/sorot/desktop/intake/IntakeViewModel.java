package ai.sorot.desktop.intake;

import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.desktop.ui.Notice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Turns drops, pastes and file-chooser picks into queue rows: folders are opened (a submissions
 * batch), each file is pre-flighted off the FX thread, and rows appear one by one as their
 * checks finish. Links go to the queue as trailers. The queue is reached through {@link
 * Submissions}, so intake does not know the queue's package.
 *
 * @param <R> the queue's row type, on which a link can be dropped
 */
public final class IntakeViewModel<R> {

    /** How deep a dropped folder is searched: a batch folder with a sub-folder per category, not a whole disk. */
    private static final int FOLDER_DEPTH = 3;

    private final Submissions<R> queue;
    private final Preflight preflight;
    private final AnalysisArchive archive;
    private final Executor io;
    private final Executor ui;
    private final ReadOnlyIntegerWrapper checking = new ReadOnlyIntegerWrapper(this, "checking");

    public IntakeViewModel(
            Submissions<R> queue, Preflight preflight, AnalysisArchive archive, Executor io, Executor ui) {
        this.queue = queue;
        this.preflight = preflight;
        this.archive = archive;
        this.io = io;
        this.ui = ui;
    }

    /**
     * Takes what was dropped. Links are handled first, so a link dropped together with a script
     * (or just before it) goes with it; {@code target} is the row a link was dropped on, if any.
     */
    public void accept(Dropped dropped, R target) {
        for (var link : dropped.links()) {
            queue.offerTrailer(link, dropped.files().isEmpty() ? target : null);
        }
        if (!dropped.files().isEmpty()) {
            addFiles(dropped.files());
        }
    }

    /** UI thread. */
    public void addFiles(List<Path> paths) {
        var batch = List.copyOf(paths);
        checking.set(checking.get() + batch.size());
        io.execute(() -> {
            var files = new ArrayList<Path>();
            int skipped = 0;
            var folders = new ArrayList<String>();
            for (var path : batch) {
                if (Files.isDirectory(path)) {
                    folders.add(
                            path.getFileName() == null
                                    ? path.toString()
                                    : path.getFileName().toString());
                    try (Stream<Path> walk = Files.walk(path, FOLDER_DEPTH)) {
                        var all = walk.filter(Files::isRegularFile)
                                .sorted(Comparator.comparing(Path::toString))
                                .toList();
                        var scripts = all.stream()
                                .filter(Preflight::looksLikeScreenplay)
                                .toList();
                        skipped += all.size() - scripts.size();
                        files.addAll(scripts);
                    } catch (IOException e) {
                        var message = "Cannot open the folder " + path + ": " + e.getMessage();
                        ui.execute(() -> queue.say(Notice.error(message)));
                    }
                } else {
                    files.add(path);
                }
            }
            int found = files.size();
            int others = skipped;
            ui.execute(() -> {
                checking.set(checking.get() - batch.size() + found);
                if (!folders.isEmpty()) {
                    queue.say(
                            found == 0
                                    ? Notice.warning(
                                            "No PDF or Fountain screenplays in " + String.join(", ", folders) + ".")
                                    : Notice.info("Adding " + found + " screenplay" + (found == 1 ? "" : "s") + " from "
                                            + String.join(", ", folders)
                                            + (others > 0
                                                    ? "; skipped " + others + " other file" + (others == 1 ? "" : "s")
                                                    : "")
                                            + "."));
                }
            });
            for (var file : files) {
                var result = preflight.check(file);
                if (result instanceof PreflightResult.Accepted accepted && accepted.thumbnailPng() != null) {
                    try {
                        archive.saveThumbnail(accepted.sha256(), accepted.thumbnailPng());
                    } catch (IOException e) {
                        System.err.println("sorot: cannot keep the thumbnail of " + file + ": " + e.getMessage());
                    }
                }
                ui.execute(() -> {
                    checking.set(checking.get() - 1);
                    switch (result) {
                        case PreflightResult.Accepted accepted -> queue.addAccepted(accepted);
                        case PreflightResult.Refused refused -> {
                            queue.addRefused(refused);
                            queue.say(Notice.error(refused.reason()));
                        }
                    }
                });
            }
        });
    }

    /** Files under pre-flight right now: the drop zone shows a spinner while it is above zero. */
    public ReadOnlyIntegerProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
