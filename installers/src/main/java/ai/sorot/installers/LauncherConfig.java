package ai.sorot.installers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The launcher's {@code .cfg} in an app image: {@code java-options=} lines in a
 * {@code [JavaOptions]} section, read by the native launcher at every start ({@code $APPDIR}
 * stands for the app's folder there).
 */
final class LauncherConfig {

    private static final String SECTION = "[JavaOptions]";
    private static final String KEY = "java-options=";

    private final Path file;

    LauncherConfig(Path file) {
        this.file = file;
    }

    List<String> javaOptions() throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(KEY))
                .map(l -> l.substring(KEY.length()))
                .toList();
    }

    /** Appends options after the last one (the JVM lets a later option override an earlier one). */
    void add(List<String> options) throws IOException {
        var lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        int section = lines.indexOf(SECTION);
        if (section < 0) {
            lines.add("");
            lines.add(SECTION);
            section = lines.size() - 1;
        }
        int at = section + 1;
        while (at < lines.size() && !lines.get(at).startsWith("[")) {
            if (lines.get(at).startsWith(KEY)) {
                at++;
                continue;
            }
            break;
        }
        for (var option : options) {
            lines.add(at++, KEY + option);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    void remove(Predicate<String> which) throws IOException {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !(l.startsWith(KEY) && which.test(l.substring(KEY.length()))))
                .toList();
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
