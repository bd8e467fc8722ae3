package ai.sorot.desktop.queue;

import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.model.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The queue on disk ({@code desktop/queue.json}), written atomically so a crash keeps the last good copy. */
public final class QueueStore {

    private static final TypeReference<List<QueuedSubmission>> LIST = new TypeReference<>() {};

    private final DesktopHome home;
    private final Path file;

    public QueueStore(DesktopHome home) {
        this.home = home;
        this.file = home.resolve("queue.json");
    }

    public List<QueuedSubmission> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(file.toFile(), LIST);
        } catch (IOException | RuntimeException e) {
            // keep the unreadable file for a person to look at; start with an empty queue
            try {
                Files.move(
                        file,
                        file.resolveSibling("queue.json.unreadable"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // nothing more to do
            }
            System.err.println(
                    "sorot: the saved queue " + file + " is unreadable (" + e.getMessage() + "); starting empty");
            return List.of();
        }
    }

    public void save(List<QueuedSubmission> submissions) throws IOException {
        home.writeAtomically(file, Json.mapper().writeValueAsBytes(submissions));
    }

    public Path file() {
        return file;
    }
}
