package ai.sorot.lambda.screenplay;

import ai.sorot.model.screenplay.Dual;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import ai.sorot.model.screenplay.TitlePage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fountain (fountain.io) to screenplay: title page, boneyard and notes removed, the element rules
 * of the spec (forced elements, dual dialogue, lyrics, centred text, page breaks), then laid out
 * on US Letter pages the way a renderer would, so pages, runtime and eighths mean the same as
 * for a PDF.
 */
final class FountainParser {

    private static final Pattern BONEYARD = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern NOTE = Pattern.compile("\\[\\[.*?]]", Pattern.DOTALL);
    /** The keys a title page may hold (afterwriting's list); "NOT A TRANSITION TO:" is not one. */
    private static final Pattern TITLE_KEY = Pattern.compile(
            "^(title|credit|authors?|source|notes|draft date|date"
                    + "|watermark|contact(?: info)?|revision|copyright|font|tl|tc|tr|cc|br|bl|header|footer):\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SCENE_NUMBER = Pattern.compile("\\s*#([\\w.\\-]+)#\\s*$");
    private static final Pattern EMPHASIS = Pattern.compile("(?<!\\\\)(\\*{1,3}|_)");

    private final List<Block> blocks = new ArrayList<>();
    private final FountainPaginator pages = new FountainPaginator();

    Screenplay parse(String source) {
        String text = source.replace("\r\n", "\n").replace('\r', '\n');
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        text = NOTE.matcher(BONEYARD.matcher(text).replaceAll("")).replaceAll("");
        var lines = new ArrayList<>(List.of(text.split("\n", -1)));
        TitlePage titlePage = readTitlePage(lines);
        readBody(lines);
        return ScreenplayBuilder.build(titlePage, blocks, pages.pageCount(), Screenplay.SourceFormat.FOUNTAIN);
    }

    // ---- title page -----------------------------------------------------------------------

    private static TitlePage readTitlePage(List<String> lines) {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first >= lines.size() || !TITLE_KEY.matcher(lines.get(first)).matches()) {
            return TitlePage.EMPTY;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String key = null;
        int i = first;
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            var line = lines.get(i);
            var m = TITLE_KEY.matcher(line);
            if (m.matches() && !Character.isWhitespace(line.charAt(0))) {
                key = m.group(1).strip().toLowerCase(Locale.ROOT);
                fields.put(key, new ArrayList<>());
                if (!m.group(2).isBlank()) {
                    fields.get(key).add(clean(m.group(2)));
                }
            } else if (key != null) {
                fields.get(key).add(clean(line.strip()));
            } else {
                return TitlePage.EMPTY; // not a title page after all
            }
        }
        lines.subList(0, i).clear();
        var authors = new ArrayList<String>();
        for (var k : List.of("author", "authors")) {
            if (fields.containsKey(k)) {
                authors.add(String.join(" ", fields.get(k)));
            }
        }
        return new TitlePage(
                joined(fields, "title", " "),
                authors,
                joined(fields, "credit", " "),
                joined(fields, "source", " "),
                first(fields, "draft date", "date"),
                joined(fields, "contact", "\n"),
                first(fields, "notes", "copyright"));
    }

    private static String joined(Map<String, List<String>> fields, String key, String separator) {
        var values = fields.get(key);
        return values == null || values.isEmpty() ? null : String.join(separator, values);
    }

    private static String first(Map<String, List<String>> fields, String... keys) {
        for (var key : keys) {
            var value = joined(fields, key, "\n");
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    // ---- body -----------------------------------------------------------------------------

    private void readBody(List<String> lines) {
        int i = 0;
        while (i < lines.size()) {
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.isEmpty()) {
                i++;
                continue;
            }
            if (line.matches("^={3,}$")) {
                pages.pageBreak();
                i++;
                continue;
            }
            if (line.startsWith("#") || (line.startsWith("=") && !line.startsWith("=="))) {
                i++; // sections and synopses are the writer's outline, not printed
                continue;
            }
            boolean blankBefore = i == 0 || lines.get(i - 1).isBlank();
            boolean blankAfter = i + 1 >= lines.size() || lines.get(i + 1).isBlank();
            if (blankBefore && isHeading(line)) {
                heading(line);
                i++;
                continue;
            }
            if (line.startsWith(">") && line.endsWith("<")) {
                i = centred(lines, i);
                continue;
            }
            if (line.startsWith(">")) {
                add(ElementType.TRANSITION, clean(line.substring(1)), null, null);
                i++;
                continue;
            }
            if (blankBefore && blankAfter && isTransition(line)) {
                add(ElementType.TRANSITION, clean(line), null, null);
                i++;
                continue;
            }
            if (blankBefore && !blankAfter && isCharacter(line)) {
                i = speech(lines, i);
                continue;
            }
            i = action(lines, i);
        }
    }

    private static boolean isHeading(String line) {
        return (line.startsWith(".") && line.length() > 1 && line.charAt(1) != '.')
                || ScreenplayText.isSceneHeading(line);
    }

    private void heading(String line) {
        String text = line.startsWith(".") ? line.substring(1) : line;
        String number = null;
        var m = SCENE_NUMBER.matcher(text);
        if (m.find()) {
            number = m.group(1);
            text = text.substring(0, m.start());
        }
        add(ElementType.SCENE_HEADING, clean(text), number, null);
    }

    private static boolean isTransition(String line) {
        return ScreenplayText.isUpper(line)
                && (line.endsWith("TO:") || line.matches("FADE (?:TO BLACK|OUT)\\.|CUT TO BLACK\\."));
    }

    private static boolean isCharacter(String line) {
        if (line.startsWith("@")) {
            return true;
        }
        if (line.startsWith("!") || line.startsWith("~")) {
            return false;
        }
        // the name, extensions aside, in capitals and with at least one letter ("23" is not a name)
        String name = line.replaceAll("\\^$", "").replaceAll("\\(.*?\\)", "").strip();
        return ScreenplayText.isUpper(name);
    }

    private int centred(List<String> lines, int i) {
        var text = new StringBuilder();
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            if (!(line.startsWith(">") && line.endsWith("<"))) {
                break;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(clean(line.substring(1, line.length() - 1)));
            i++;
        }
        add(ElementType.CENTERED, text.toString(), null, null);
        return i;
    }

    private int speech(List<String> lines, int i) {
        String cue = lines.get(i).strip();
        if (cue.startsWith("@")) {
            cue = cue.substring(1);
        }
        Dual dual = null;
        if (cue.endsWith("^")) {
            cue = cue.substring(0, cue.length() - 1).strip();
            dual = Dual.RIGHT;
            markPreviousSpeechLeft();
        }
        add(ElementType.CHARACTER, clean(cue), null, dual);
        i++;
        var dialogue = new StringBuilder();
        while (i < lines.size()) {
            String raw = lines.get(i);
            if (raw.isBlank() && !raw.equals("  ")) {
                break; // a blank line ends the speech; exactly two spaces keep it going (spec)
            }
            String line = raw.strip();
            if (line.startsWith("(")) {
                if (!dialogue.isEmpty()) {
                    add(ElementType.DIALOGUE, dialogue.toString(), null, dual);
                    dialogue.setLength(0);
                }
                var paren = new StringBuilder(line);
                while (!line.endsWith(")")
                        && i + 1 < lines.size()
                        && !lines.get(i + 1).isBlank()) {
                    i++;
                    line = lines.get(i).strip();
                    paren.append(' ').append(line);
                }
                add(ElementType.PARENTHETICAL, clean(paren.toString()), null, dual);
            } else if (!line.isEmpty()) {
                if (line.startsWith("~")) {
                    line = line.substring(1);
                }
                if (!dialogue.isEmpty()) {
                    dialogue.append(' ');
                }
                dialogue.append(clean(line));
            }
            i++;
        }
        if (!dialogue.isEmpty()) {
            add(ElementType.DIALOGUE, dialogue.toString(), null, dual);
        }
        pages.endSpeech();
        return i;
    }

    /** The speech before a "^" cue becomes the left column of a dual-dialogue pair. */
    private void markPreviousSpeechLeft() {
        for (int j = blocks.size() - 1; j >= 0; j--) {
            var block = blocks.get(j);
            if (!block.type().isSpoken() && block.type() != ElementType.CHARACTER) {
                break;
            }
            blocks.set(
                    j,
                    new Block(
                            block.type(),
                            block.text(),
                            block.page(),
                            block.start(),
                            block.end(),
                            block.sceneNumber(),
                            Dual.LEFT));
            if (block.type() == ElementType.CHARACTER) {
                break;
            }
        }
    }

    private int action(List<String> lines, int i) {
        var text = new StringBuilder();
        var raw = new StringBuilder();
        boolean allLyrics = true;
        while (i < lines.size() && !lines.get(i).isBlank()) {
            String line = lines.get(i).strip();
            allLyrics &= line.startsWith("~");
            String printed = line.startsWith("~") || line.startsWith("!") ? line.substring(1) : line;
            if (!text.isEmpty()) {
                text.append(' ');
                raw.append(' ');
            }
            text.append(clean(printed));
            raw.append(clean(line.startsWith("!") ? line.substring(1) : line));
            i++;
        }
        // lyrics only when every line is sung; a mixed paragraph is action, tilde and all
        String value = (allLyrics ? text : raw).toString().strip();
        if (!value.isEmpty()) {
            add(allLyrics ? ElementType.LYRICS : ElementType.ACTION, value, null, null);
        }
        return i;
    }

    private void add(ElementType type, String text, String sceneNumber, Dual dual) {
        var placed = pages.place(type, text);
        blocks.add(new Block(type, text, placed.page(), placed.start(), placed.end(), sceneNumber, dual));
    }

    /** Emphasis markers and escapes out, whitespace collapsed: the text as printed. */
    static String clean(String text) {
        return EMPHASIS.matcher(text)
                .replaceAll("")
                .replace("\\", "")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
