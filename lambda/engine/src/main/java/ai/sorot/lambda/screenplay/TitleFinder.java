package ai.sorot.lambda.screenplay;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the title is when the cover does not give it: a placeholder cover ("TITLE", as Fade In
 * leaves it), or no cover at all. A reader then takes the running header ("A STUDY IN PINK
 * SHOOTING SCRIPT - GREEN AMENDED 18/04/10" names the script before the draft), the first line
 * of page one, or the name the file was saved under. Also tells prose front matter (notes pages
 * numbered ii., iii.) from script pages.
 */
final class TitleFinder {

    private static final Set<String> PLACEHOLDERS =
            Set.of("TITLE", "SCRIPT TITLE", "SCREENPLAY TITLE", "[TITLE]", "ENTER TITLE", "TITLE HERE", "UNTITLED");
    private static final Pattern DRAFT_WORDS = Pattern.compile(
            "\\s*(?:[-–—|:,]\\s*)?\\b(?:SHOOTING (?:SCRIPT|DRAFT)|PRODUCTION DRAFT|(?:FIRST|SECOND|THIRD|FINAL|REVISED|"
                    + "NETWORK|STUDIO|WHITE|BLUE|PINK|YELLOW|GREEN|GOLDENROD|BUFF|SALMON|CHERRY|TAN) (?:DRAFT|REVISIONS?|PAGES|AMENDED)"
                    + "|DRAFT|REVISED|REVISIONS?|AMENDED|EP(?:ISODE)?\\.? ?#?\\d+|PAGE \\d+)\\b.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("\\b\\d{1,4}[/.\\-]\\d{1,2}(?:[/.\\-]\\d{1,4})?\\b");
    private static final Pattern PAGE_NUMBER =
            Pattern.compile("\\s*\\b(?:page\\s*)?\\d{1,4}[A-Z]?\\.?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"”]{2,60})[\"”]");
    private static final Pattern ROMAN_PAGE =
            Pattern.compile("^(?:i{1,3}|iv|v|vi{1,3}|ix|x)\\.?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile(
            "(?i)^(?:microsoft word - )?(.+?)(?:\\.(?:fdx|fdr|pdf|docx?|fadein|celtx|wdz|highland|fountain|rtf))?$");

    private TitleFinder() {}

    static boolean isPlaceholder(String title) {
        return title == null
                || title.isBlank()
                || PLACEHOLDERS.contains(title.strip().toUpperCase(Locale.ROOT));
    }

    /** The title a running header gives: the text at the top of most pages, less page number, draft and date. */
    static String fromRunningHeader(List<PdfPage> pages) {
        var counts = new HashMap<String, Integer>();
        var first = new HashMap<String, String>();
        for (var page : pages) {
            if (page.lines().isEmpty() || page.lines().getFirst().y() > 72f) {
                continue;
            }
            String text = PAGE_NUMBER
                    .matcher(page.lines().getFirst().text())
                    .replaceFirst("")
                    .strip();
            String key = text.replaceAll("\\d", "#").toUpperCase(Locale.ROOT);
            if (text.length() >= 3) {
                counts.merge(key, 1, Integer::sum);
                first.putIfAbsent(key, text);
            }
        }
        var best = counts.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .orElse(null);
        if (best == null || best.getValue() < Math.max(3, pages.size() * 0.4)) {
            return null;
        }
        return clean(first.get(best.getKey()));
    }

    /** A header or file name without its draft, episode, date and page parts; null when nothing is left. */
    static String clean(String text) {
        var quoted = QUOTED.matcher(text);
        if (quoted.find()) {
            return quoted.group(1).strip();
        }
        String t = DATE.matcher(text).replaceAll(" ");
        t = DRAFT_WORDS.matcher(t).replaceFirst("");
        t = t.replaceAll("[\\s\\-–—|:,.(]+$", "").replaceAll("\\s+", " ").strip();
        return t.length() >= 2 && t.chars().anyMatch(Character::isLetter) ? t : null;
    }

    /** Page one's first line, when it is not already the script (a heading, a transition, a cue). */
    static String fromFirstLine(List<ScriptLine> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        String text = lines.getFirst().text().strip().replaceFirst("^\\S*\\d\\S*\\s+(?=\\S)", "");
        if (text.length() > 60
                || ScreenplayText.isSceneHeading(text)
                || ScreenplayText.isTransition(text)
                || text.toUpperCase(Locale.ROOT).startsWith("FADE")
                || !ScreenplayText.isMostlyUpper(text)
                || lines.size() > 1
                        && lines.get(1).x0() < lines.getFirst().x0() - 4 * 7.2f
                        && lines.get(1).y() - lines.getFirst().y() < 20) {
            return null; // a cue with its speech below, or the script's own first words
        }
        return clean(text);
    }

    /** The document's own title (its metadata), when it is more than a file name's leftovers. */
    static String fromMetadata(String title) {
        if (title == null
                || title.isBlank()
                || title.strip().startsWith("(")
                || title.toLowerCase(Locale.ROOT).matches(".*\\b(?:anonymous|untitled|document\\d*)\\b.*")) {
            return null; // a writing program's default, not a title
        }
        var m = FILE_NAME.matcher(title.strip());
        String name = m.matches() ? m.group(1).replace('_', ' ').strip() : title.strip();
        return name.length() >= 2 && name.chars().anyMatch(Character::isLetter) && !isPlaceholder(name)
                ? clean(name)
                : null;
    }

    /**
     * A page of prose notes before the script: no heading, no transition, every line at one
     * margin that is not the script's action margin, or numbered in roman (ii., iii.).
     */
    static boolean isProseNotes(PdfPage page, float actionMargin, LayoutMetrics m) {
        var lines = page.lines();
        if (lines.size() < 5) {
            return false;
        }
        boolean roman = false;
        float minX = Float.MAX_VALUE;
        int body = 0;
        for (var line : lines) {
            String text = line.text().strip();
            if (ScreenplayText.isSceneHeading(text)
                    || ScreenplayText.isTransition(text)
                    || text.toUpperCase(Locale.ROOT).startsWith("FADE IN")) {
                return false;
            }
            if ((line.y() < 72f || line.y() > page.height() - 54f)
                    && ROMAN_PAGE.matcher(text).matches()) {
                roman = true;
                continue;
            }
            minX = Math.min(minX, line.x0());
            body++;
        }
        int atMargin = 0;
        for (var line : lines) {
            if (Math.abs(line.x0() - minX) < 1.5f * m.charWidth()) {
                atMargin++;
            }
        }
        boolean prose = atMargin >= 0.85f * body;
        return prose && (roman || Math.abs(minX - actionMargin) > 3 * m.charWidth());
    }
}
