package ai.sorot.desktop.library;

import ai.sorot.lambda.library.LibraryEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A folder of screenplays dropped on a session, matched to analyses already in the library: the
 * same file name first, then a title sharing most of its words with the file's name
 * ("the_long-crossing_v3.pdf" is "The Long Crossing"). What matches nothing is left to analyse.
 */
public final class FolderMatch {

    /** The analyses found (in folder order) and the files the library does not know yet. */
    public record Result(List<String> matched, List<Path> unknown) {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Set<String> NOISE =
            Set.of("draft", "final", "v1", "v2", "v3", "v4", "rev", "script", "screenplay");

    private FolderMatch() {}

    /** The screenplays in {@code folder} (and one level of subfolders), by name. */
    public static List<Path> screenplays(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return isScreenplay(folder) ? List.of(folder) : List.of();
        }
        try (var files = Files.walk(folder, 2)) {
            return files.filter(Files::isRegularFile)
                    .filter(FolderMatch::isScreenplay)
                    .sorted()
                    .toList();
        }
    }

    private static boolean isScreenplay(Path file) {
        var name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pdf")
                || name.endsWith(".fountain")
                || name.endsWith(".fdx")
                || name.endsWith(".highland");
    }

    public static Result match(List<Path> files, List<LibraryEntry> entries) {
        var matched = new LinkedHashSet<String>();
        var unknown = new ArrayList<Path>();
        for (var file : files) {
            var best = best(file.getFileName().toString(), entries);
            if (best == null) {
                unknown.add(file);
            } else {
                matched.add(best.id());
            }
        }
        return new Result(List.copyOf(matched), List.copyOf(unknown));
    }

    static LibraryEntry best(String fileName, List<LibraryEntry> entries) {
        for (var entry : entries) {
            if (entry.fileName() != null && entry.fileName().equalsIgnoreCase(fileName)) {
                return entry;
            }
        }
        var words = words(fileName.replaceAll("(?i)\\.(pdf|fountain)$", "")
                .replace('_', ' ')
                .replace('-', ' '));
        LibraryEntry best = null;
        double bestScore = 0;
        for (var entry : entries) {
            double score = jaccard(words, words(entry.title()));
            if (score > bestScore) {
                bestScore = score;
                best = entry;
            }
        }
        return bestScore >= 0.6 ? best : null;
    }

    private static Set<String> words(String text) {
        var words = new HashSet<String>();
        var m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!NOISE.contains(m.group())) {
                words.add(m.group());
            }
        }
        return words;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        var both = new HashSet<>(a);
        both.retainAll(b);
        var union = new HashSet<>(a);
        union.addAll(b);
        return both.size() / (double) union.size();
    }
}
