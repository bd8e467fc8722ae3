package ai.sorot.desktop.pdf;

import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.Scene;
import ai.sorot.model.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A scene of a screenplay that has no printed pages (Fountain), laid out as a script page lays it
 * out in Courier: headings and action across the page, the cue, parentheticals and dialogue at
 * their indents, lines wrapped at a script's widths. And where the quoted words are in it, so the
 * viewer can mark them as it marks them on a PDF page. No toolkit: the viewer draws it.
 *
 * @param heading    the scene's heading, as the script writes it
 * @param text       the scene, line by line
 * @param quoteStart where the quote starts in {@code text}, or -1 when it is not in this scene
 * @param quoteEnd   where it ends (exclusive), or -1
 */
public record ScriptScene(String heading, String text, int quoteStart, int quoteEnd) {

    // a script page in Courier 12: 60 characters of action, dialogue 35 wide at 10 in, cues at 22
    private static final int ACTION_WIDTH = 60;
    private static final int DIALOGUE_INDENT = 10;
    private static final int DIALOGUE_WIDTH = 35;
    private static final int PARENTHETICAL_INDENT = 16;
    private static final int PARENTHETICAL_WIDTH = 25;
    private static final int CUE_INDENT = 22;

    public boolean quoteFound() {
        return quoteStart >= 0;
    }

    /**
     * Scene {@code sceneIndex} of {@code screenplay} (1-based, as reports cite it), or when that is
     * null the first scene on {@code page}; empty when the script has no such scene.
     */
    public static Optional<ScriptScene> of(Screenplay screenplay, Integer sceneIndex, Integer page, String quote) {
        var scene = screenplay.scenes().stream()
                .filter(s -> sceneIndex != null
                        ? s.index() == sceneIndex
                        : page != null && s.startPage() <= page && page <= s.endPage())
                .findFirst();
        return scene.map(s -> layOut(screenplay, s, quote));
    }

    private static ScriptScene layOut(Screenplay screenplay, Scene scene, String quote) {
        var elements = screenplay.elements();
        var lines = new ArrayList<String>();
        int last = Math.min(scene.lastElement(), elements.size() - 1);
        for (int i = Math.max(0, scene.firstElement()); i <= last; i++) {
            Element element = elements.get(i);
            var text = element.text() == null ? "" : element.text().strip();
            switch (element.type()) {
                case SCENE_HEADING ->
                    blank(lines).addAll(wrap(text.toUpperCase(java.util.Locale.ROOT), 0, ACTION_WIDTH));
                case CHARACTER -> blank(lines).add(" ".repeat(CUE_INDENT) + text);
                case PARENTHETICAL -> lines.addAll(wrap(text, PARENTHETICAL_INDENT, PARENTHETICAL_WIDTH));
                case DIALOGUE, LYRICS -> lines.addAll(wrap(text, DIALOGUE_INDENT, DIALOGUE_WIDTH));
                case TRANSITION -> blank(lines).add(" ".repeat(Math.max(0, ACTION_WIDTH - text.length())) + text);
                case CENTERED -> blank(lines).add(" ".repeat(Math.max(0, (ACTION_WIDTH - text.length()) / 2)) + text);
                case ACTION -> blank(lines).addAll(wrap(text, 0, ACTION_WIDTH));
            }
        }
        while (!lines.isEmpty() && lines.getFirst().isBlank()) {
            lines.removeFirst();
        }
        var body = String.join("\n", lines);
        int[] found = find(body, quote);
        return new ScriptScene(scene.heading(), body, found[0], found[1]);
    }

    private static List<String> blank(List<String> lines) {
        if (!lines.isEmpty() && !lines.getLast().isBlank()) {
            lines.add("");
        }
        return lines;
    }

    /** Lines of at most {@code width} characters, each indented; a word longer than the width gets a line of its own. */
    static List<String> wrap(String text, int indent, int width) {
        var out = new ArrayList<String>();
        var pad = " ".repeat(indent);
        for (var paragraph : text.split("\n")) {
            var line = new StringBuilder();
            for (var word : paragraph.strip().split("\\s+")) {
                if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                    out.add(pad + line);
                    line.setLength(0);
                }
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
            out.add(pad + line);
        }
        return out;
    }

    /**
     * The quote's span in {@code body}: its words in order, across line breaks and indents, case
     * and curly apostrophes aside (a model quotes "don't" for "don’t"). {-1, -1} when absent.
     */
    static int[] find(String body, String quote) {
        if (quote == null || quote.isBlank()) {
            return new int[] {-1, -1};
        }
        var words = quote.strip().replaceAll("^[\"“”'‘’]+|[\"“”'‘’]+$", "").split("\\s+");
        var regex = new StringBuilder();
        for (var word : words) {
            if (word.isEmpty()) {
                continue;
            }
            regex.append(regex.isEmpty() ? "" : "\\s+");
            regex.append(Pattern.quote(word.replace('’', '\'')).replace("'", "\\E['’]\\Q"));
        }
        var matcher = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(body);
        return matcher.find() ? new int[] {matcher.start(), matcher.end()} : new int[] {-1, -1};
    }
}
