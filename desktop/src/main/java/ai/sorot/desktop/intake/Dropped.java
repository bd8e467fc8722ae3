package ai.sorot.desktop.intake;

import java.nio.file.Path;
import java.util.List;

/** What a drop or a paste brought: files and folders, and web links. */
public record Dropped(List<Path> files, List<String> links) {

    public Dropped {
        files = files == null ? List.of() : List.copyOf(files);
        links = links == null ? List.of() : List.copyOf(links);
    }

    public boolean isEmpty() {
        return files.isEmpty() && links.isEmpty();
    }
}
