package ai.sorot.lambda.screenplay;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds dual dialogue, two speeches set side by side, and takes the two columns apart. It starts
 * at a row holding two cue names far apart after a blank line, and runs while the lines stay
 * single-spaced. Programs set the columns differently (Final Draft for Windows starts the left
 * speech at the action margin, the Mac version an inch in), so each line is split at its widest
 * gap, and a line with no gap goes to the side its start is nearer to.
 */
final class DualDialogueSplitter {

    /** The two columns of a dual-dialogue block, each led by its cue, and the index after the block. */
    record Columns(List<ScriptLine> left, List<ScriptLine> right, int end) {}

    private final LayoutMetrics m;
    private final ColumnModel cols;

    DualDialogueSplitter(LayoutMetrics m, ColumnModel cols) {
        this.m = m;
        this.cols = cols;
    }

    /** The dual-dialogue block starting at line i, or null when there is none. */
    Columns at(List<ScriptLine> lines, int i) {
        var head = lines.get(i);
        if (i + 1 >= lines.size()
                || m.chars(head.x0() - cols.action()) < 2
                || i > 0
                        && lines.get(i - 1).page() == head.page()
                        && m.lines(head.y() - lines.get(i - 1).y()) <= 1.3f) {
            return null; // a cue row opens a paragraph: the line above it is blank
        }
        int split = widestGap(head.pdf(), 3f);
        if (split < 0) {
            return null;
        }
        var words = head.pdf().words();
        String left = PdfLine.join(words.subList(0, split));
        String right = PdfLine.join(words.subList(split, words.size()));
        if (!isCue(left) || !isCue(right) || words.get(split).x0() < cols.dialogue() + 8 * m.charWidth()) {
            return null;
        }
        int end = i + 1;
        while (end < lines.size()
                && m.lines(lines.get(end).y() - lines.get(end - 1).y()) <= 1.3f
                && lines.get(end).page() == head.page()) {
            end++;
        }
        if (end == i + 1) {
            return null;
        }
        float middle = (words.getFirst().x0() + words.get(split).x0()) / 2;
        var leftColumn = new ArrayList<ScriptLine>();
        var rightColumn = new ArrayList<ScriptLine>();
        leftColumn.add(head.part(words.subList(0, split)));
        rightColumn.add(head.part(words.subList(split, words.size())));
        for (var line : lines.subList(i + 1, end)) {
            var lineWords = line.pdf().words();
            int gap = widestGap(line.pdf(), 2f);
            if (gap > 0 && lineWords.get(gap).x0() >= middle - 6 * m.charWidth()) {
                leftColumn.add(line.part(lineWords.subList(0, gap)));
                rightColumn.add(line.part(lineWords.subList(gap, lineWords.size())));
            } else if (line.x0() >= middle) {
                rightColumn.add(line);
            } else {
                leftColumn.add(line);
            }
        }
        return new Columns(leftColumn, rightColumn, end);
    }

    private static boolean isCue(String text) {
        return ScreenplayText.isMostlyUpper(text)
                && !text.startsWith("(")
                && text.length() <= 40
                && !ScreenplayText.isTransition(text);
    }

    /** Index of the first word after the widest gap of at least {@code minChars}, or -1. */
    private int widestGap(PdfLine line, float minChars) {
        int best = -1;
        float widest = minChars * m.charWidth();
        var words = line.words();
        for (int w = 1; w < words.size(); w++) {
            float gap = words.get(w).x0() - words.get(w - 1).x1();
            if (gap >= widest) {
                widest = gap;
                best = w;
            }
        }
        return best;
    }
}
