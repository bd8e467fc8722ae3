package ai.sorot.lambda.screenplay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Takes scene numbers and revision marks off a body line. A scene number stands in the margin
 * left of the action column or right of the text ("12", "101A", "130J9", "2.15", "A1"), apart
 * from the words or printed over the end of a long heading; it becomes the line's scene number.
 * Where it sits is learnt from this document's own lines, since four-character numbers
 * come within two characters of the text.
 */
final class SceneNumberStripper {

    /** "12", "12A", "1a", "A1", "I-1-A", "110A.", "130J9", "2.15": short, with a digit. */
    static final String NUMBER = "(?=[^\\d]{0,4}\\d)[A-Za-z0-9][A-Za-z0-9.\\-]{0,7}";

    private static final Pattern SCENE_NUMBER = Pattern.compile("^" + NUMBER + "$");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\S+\\s+");
    private static final Pattern REVISION_MARK = Pattern.compile("\\*+");

    private final LayoutMetrics m;
    private final float action;
    private final float rightEdge;
    /** Where this script's numbers sit, from headings numbered beyond doubt; NaN if none. */
    private final float leftStart;

    private final float rightStart;
    private final float rightEnd;

    private SceneNumberStripper(
            LayoutMetrics m, float action, float rightEdge, float leftStart, float rightStart, float rightEnd) {
        this.m = m;
        this.action = action;
        this.rightEdge = rightEdge;
        this.leftStart = leftStart;
        this.rightStart = rightStart;
        this.rightEnd = rightEnd;
    }

    /**
     * Learns the text column from the raw lines (numbered headings are too few to move it), and
     * the number columns from headings whose numbers stand well apart.
     */
    static SceneNumberStripper learn(List<PdfLine> lines, LayoutMetrics m, float pageWidth) {
        var unnumbered = new ArrayList<PdfLine>(lines.size());
        for (var line : lines) {
            var words = line.words();
            boolean numbered = words.size() >= 2
                    && SCENE_NUMBER.matcher(words.getFirst().text()).matches()
                    && ScreenplayText.isSceneHeading(PdfLine.join(words.subList(1, words.size())));
            unnumbered.add(numbered ? line.withWords(words.subList(1, words.size())) : line);
        }
        var columns = ColumnModel.learn(unnumbered, m, pageWidth);
        var leftStarts = new HashMap<Integer, Integer>();
        var rightStarts = new HashMap<Integer, Integer>();
        var rightEnds = new HashMap<Integer, Integer>();
        for (var line : lines) {
            var words = line.words();
            if (words.size() < 2
                    || !ScreenplayText.isSceneHeading(
                                    FIRST_WORD.matcher(line.text()).replaceFirst(""))
                            && !ScreenplayText.isSceneHeading(line.text())) {
                continue;
            }
            var first = words.getFirst();
            var last = words.getLast();
            if (SCENE_NUMBER.matcher(first.text()).matches()
                    && m.chars(words.get(1).x0() - first.x1()) >= 2.5f) {
                leftStarts.merge(bin(first.x0(), m), 1, Integer::sum);
            }
            if (SCENE_NUMBER.matcher(last.text()).matches()
                    && m.chars(last.x0() - words.get(words.size() - 2).x1()) >= 2.5f) {
                rightStarts.merge(bin(last.x0(), m), 1, Integer::sum);
                rightEnds.merge(bin(last.x1(), m), 1, Integer::sum);
            }
        }
        return new SceneNumberStripper(
                m,
                columns.action(),
                columns.rightEdge(),
                mode(leftStarts, m),
                mode(rightStarts, m),
                mode(rightEnds, m));
    }

    private static int bin(float x, LayoutMetrics m) {
        return Math.round(x / m.charWidth() * 2);
    }

    private static float mode(Map<Integer, Integer> votes, LayoutMetrics m) {
        return votes.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() * m.charWidth() / 2)
                .orElse(Float.NaN);
    }

    private boolean near(float x, float learnt) {
        return !Float.isNaN(learnt) && Math.abs(x - learnt) <= 0.6f * m.charWidth();
    }

    ScriptLine strip(PdfLine line, int page) {
        var words = line.words();
        // revision marks: asterisks standing in the right margin beside changed lines
        while (words.size() >= 2
                && REVISION_MARK.matcher(words.getLast().text()).matches()
                && m.chars(words.getLast().x0() - words.get(words.size() - 2).x1()) >= 2.5f) {
            words = words.subList(0, words.size() - 1);
            line = line.withWords(words);
        }
        String left = null;
        String right = null;
        int from = 0;
        int to = words.size();
        if (words.size() >= 2 && isLeftNumber(words.getFirst(), words.get(1))) {
            left = stripDot(words.getFirst().text());
            from = 1;
        }
        if (to - from >= 2 && isRightNumber(words.get(to - 2), words.getLast())) {
            right = stripDot(words.getLast().text());
            to = words.size() - 1;
        }
        if (left == null && right == null) {
            return new ScriptLine(line, page);
        }
        var rest = line.withWords(words.subList(from, to));
        String text = rest.text();
        boolean headingLike = ScreenplayText.isUpper(text) || ScreenplayText.isSceneHeading(text);
        if (!headingLike || (left != null && right != null && !left.equals(right))) {
            return new ScriptLine(line, page);
        }
        return new ScriptLine(rest, text, left != null ? left : right, page);
    }

    private boolean isLeftNumber(PdfWord number, PdfWord next) {
        if (!SCENE_NUMBER.matcher(number.text()).matches()) {
            return false;
        }
        float gap = m.chars(next.x0() - number.x1());
        return gap >= 2.5f
                || gap >= 0.8f && (number.x1() <= action - 0.5f * m.charWidth() || near(number.x0(), leftStart));
    }

    private boolean isRightNumber(PdfWord before, PdfWord number) {
        if (!SCENE_NUMBER.matcher(number.text()).matches()) {
            return false;
        }
        float gap = m.chars(number.x0() - before.x1());
        boolean printedOver = gap < -0.5f; // only a second layer of glyphs overlaps a word
        boolean inNumberColumn = number.x0() >= rightEdge - m.charWidth()
                || near(number.x0(), rightStart)
                || near(number.x1(), rightEnd);
        return gap >= 2.5f || gap >= 0.8f && inNumberColumn || printedOver;
    }

    private static String stripDot(String number) {
        return number.endsWith(".") ? number.substring(0, number.length() - 1) : number;
    }
}
