package ai.sorot.lambda.screenplay;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a line at the action margin starts a scene, with what a reader uses: the
 * INT/EXT vocabulary, a scene number, a time of day after a dash, and the script's own heading
 * style learnt from its INT/EXT lines (bold). A capitals line that has none of these is action
 * a writer shouted, a shot, a card, a sign or a text message, however alone it stands.
 */
final class HeadingClassifier {

    /** A secondary slug line's time part: "SAME SCENE -- MOMENTS LATER", "IN THE HALL - A MOMENT LATER". */
    private static final Pattern TIME_PART = Pattern.compile(
            "(?:\\s[-–—]{1,2}\\s*|[-–—]{2})(?:(?:A |SOME |\\d+ |[A-Z]+ )?(?:MOMENTS? |MINUTES? |HOURS? |SECONDS? |YEARS? |DAYS? |WEEKS? |MONTHS? )?LATER"
                    + "|CONTINUOUS|SAME(?: TIME)?|DAY|NIGHT|MORNING|EVENING|AFTERNOON|DAWN|DUSK|SUNSET|SUNRISE"
                    + "|NOON|MIDNIGHT|PRESENT|FLASHBACK)\\b[^a-z]*$");
    /** Scene vocabulary that needs no INT/EXT. */
    private static final Pattern SCENE_WORDS =
            Pattern.compile("^(?:FLASHBACK|MONTAGE|SERIES OF SHOTS|DREAM SEQUENCE|BACK TO (?:THE )?PRESENT)\\b");
    /** Cards, beats and act breaks, which a script sets in capitals and sometimes in bold. */
    private static final Pattern NOT_A_SCENE = Pattern.compile(
            "^(?:BEAT|PAUSE|SILENCE|THE END|END OF\\b.*|ACT [A-Z0-9]+|TEASER|COLD OPEN|TAG|PROLOGUE|EPILOGUE"
                    + "|(?:TITLE )?CARD\\b.*|SUPER\\b.*|SUBTITLE.*|CHYRON\\b.*|INSERT\\b.*|INTERCUT\\b.*)$");

    private final boolean boldHeadings;
    private final boolean anyIntExt;

    private HeadingClassifier(boolean boldHeadings, boolean anyIntExt) {
        this.boldHeadings = boldHeadings;
        this.anyIntExt = anyIntExt;
    }

    /** Learns the heading style from the INT/EXT lines standing at the action margin. */
    static HeadingClassifier learn(List<PdfLine> lines, ColumnModel cols, LayoutMetrics m) {
        int headings = 0;
        int bold = 0;
        for (var line : lines) {
            if (ScreenplayText.isSceneHeading(line.text()) && Math.abs(line.x0() - cols.action()) < m.charWidth()) {
                headings++;
                if (line.bold()) {
                    bold++;
                }
            }
        }
        return new HeadingClassifier(headings > 0 && bold * 10 >= headings * 8, headings > 0);
    }

    /**
     * Whether the action-margin line {@code i} opens a scene. {@code lone}: a blank line above and
     * below it.
     */
    boolean isHeading(List<ScriptLine> lines, int i, boolean lone) {
        var line = lines.get(i);
        String text = line.text().strip();
        if (ScreenplayText.isSceneHeading(text)) {
            return true;
        }
        if (!ScreenplayText.isUpper(text) || ScreenplayText.isTransition(text)) {
            return false;
        }
        if (line.sceneNumber() != null) {
            return true; // numbered like the script's scenes
        }
        if (!lone || NOT_A_SCENE.matcher(text).matches() || ScreenplayText.countWords(text) > 8) {
            return false;
        }
        if (TIME_PART.matcher(text).find() || SCENE_WORDS.matcher(text).find()) {
            return true;
        }
        if (boldHeadings && line.pdf().bold()) {
            return !endsLikeASentence(text);
        }
        if (!ScreenplayText.isSlugLine(text) || i + 1 >= lines.size()) {
            return false;
        }
        // a bare slug line: one only where a scene can start (after a finished sentence, a
        // transition or the top of the page) and where one goes on (an action paragraph below);
        // a sign after "reads --", a text message before a cue, or shouted action are not scenes
        var next = lines.get(i + 1);
        boolean actionFollows = Math.abs(next.x0() - line.x0()) < 1f
                && next.text().length() > 1
                && Character.isUpperCase(next.text().charAt(0))
                && !ScreenplayText.isMostlyUpper(next.text());
        boolean sceneCanStart = !anyIntExt
                || i == 0
                || endsLikeASentence(lines.get(i - 1).text().strip())
                        && !lines.get(i - 1).text().strip().endsWith(":")
                        && !lines.get(i - 1).text().strip().endsWith(",")
                || ScreenplayText.isUpper(lines.get(i - 1).text());
        boolean afterTransition =
                i > 0 && ScreenplayText.isTransition(lines.get(i - 1).text());
        return afterTransition || actionFollows && sceneCanStart;
    }

    private static boolean endsLikeASentence(String text) {
        char last = text.charAt(text.length() - 1);
        return ".!?:;,\"'’”…".indexOf(last) >= 0;
    }
}
