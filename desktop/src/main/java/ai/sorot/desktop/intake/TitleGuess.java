package ai.sorot.desktop.intake;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The title shown in the queue before the server has read the script: from the title page when
 * the first page is one, else the PDF's metadata, else the file name. The report's title, from
 * the screenplay engine, replaces it when the analysis completes.
 */
final class TitleGuess {

    private static final Pattern SCENE_HEADING =
            Pattern.compile("^\\s*(\\d+[A-Z]?\\s+)?(INT|EXT|EST|INT\\.?/EXT|I/E)[\\.\\s/]", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE = Pattern.compile(
            "^(written\\s+by|screenplay\\s+by|teleplay\\s+by|story\\s+by|by|an\\s+original\\s+screenplay|a\\s+screenplay)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPENER =
            Pattern.compile("^(FADE IN|FADE IN:|COLD OPEN|TITLE:).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern JUNK_METADATA = Pattern.compile(
            "(?i)^(untitled|microsoft word.*|.*\\.(docx?|pdf|fdx|fountain|txt|rtf)|\\(anonymous\\)|screenplay title.*)$");
    /** A title page holds a title, a byline and a contact block: far fewer words than a page of script. */
    private static final int TITLE_PAGE_MAX_WORDS = 120;

    private static final int MAX_TITLE_LENGTH = 120;

    private TitleGuess() {}

    static Optional<String> fromFirstPage(String text) {
        var lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long words = lines.stream().mapToLong(l -> l.split("\\s+").length).sum();
        boolean scriptStarts =
                lines.stream().limit(6).anyMatch(l -> SCENE_HEADING.matcher(l).find());
        if (words > TITLE_PAGE_MAX_WORDS || scriptStarts) {
            return Optional.empty();
        }
        var titleLines = new ArrayList<String>();
        for (var line : lines) {
            if (BYLINE.matcher(line).matches() || titleLines.size() == 3) {
                break;
            }
            if (OPENER.matcher(line).matches()) {
                return Optional.empty();
            }
            titleLines.add(line);
        }
        if (titleLines.isEmpty()) {
            return Optional.empty();
        }
        // with no byline the first line alone is the title; the rest is a contact block
        boolean bylineFound = lines.stream().anyMatch(l -> BYLINE.matcher(l).matches());
        var title = bylineFound ? String.join(" ", titleLines) : titleLines.getFirst();
        return clean(title);
    }

    static Optional<String> fromMetadata(String title) {
        if (title == null || JUNK_METADATA.matcher(title.strip()).matches()) {
            return Optional.empty();
        }
        return clean(title);
    }

    static Optional<String> fromFountain(String text) {
        var lines = text.replace("\uFEFF", "").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.isBlank()) {
                return Optional.empty(); // the title page block ends at the first blank line
            }
            if (line.toLowerCase(Locale.ROOT).startsWith("title:")) {
                var value = new StringBuilder(line.substring(6).strip());
                // values may continue on indented lines
                for (int j = i + 1; j < lines.size() && lines.get(j).matches("^(\\s{3,}|\\t).*"); j++) {
                    value.append(value.isEmpty() ? "" : " ").append(lines.get(j).strip());
                }
                return clean(value.toString().replaceAll("[*_]", ""));
            }
        }
        return Optional.empty();
    }

    static String fromFileName(String fileName) {
        var base = fileName.replaceFirst("\\.[A-Za-z0-9]{1,8}$", "");
        var spaced = base.replaceAll("[_\\-]+", " ").strip();
        return spaced.isEmpty() ? fileName : spaced;
    }

    private static Optional<String> clean(String raw) {
        var title = raw.replaceAll("\\s+", " ").strip();
        if (title.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(title.length() > MAX_TITLE_LENGTH ? title.substring(0, MAX_TITLE_LENGTH - 1) + "…" : title);
    }
}
