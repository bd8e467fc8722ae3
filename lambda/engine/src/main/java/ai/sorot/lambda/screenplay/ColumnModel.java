package ai.sorot.lambda.screenplay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where this document puts each kind of paragraph, learnt from its own lines: the action margin,
 * the dialogue, parenthetical and character-cue indents, and the right edge of the text. The
 * standard (Final Draft) grid is 1.5" / 2.5" / 3.1" / 3.7"; afterwriting, Trelby, Highland and
 * screenplain each shift it a little, and A4 differs from Letter, so nothing is hard-wired.
 */
record ColumnModel(float action, float dialogue, float parenthetical, float cue, float rightEdge) {

    /** 1.5 inches: the left margin of every screenplay format (binding on the left). */
    static final float STANDARD_ACTION = 108f;
    /** No format starts action further in than about 2.25 inches; text beyond that is indented. */
    static final float MAX_ACTION = 162f;

    static ColumnModel learn(List<PdfLine> lines, LayoutMetrics m, float pageWidth) {
        if (lines.isEmpty()) {
            float action = STANDARD_ACTION;
            return new ColumnModel(
                    action,
                    action + 10 * m.charWidth(),
                    action + 15 * m.charWidth(),
                    action + 22 * m.charWidth(),
                    pageWidth - 72);
        }
        float cw = m.charWidth();
        // a cue is a short capitalised line with its speech starting a few characters left of it, one line below
        var cueVotes = new HashMap<Integer, Integer>();
        var dialogueVotes = new HashMap<Integer, Integer>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            var a = lines.get(i);
            var b = lines.get(i + 1);
            float dy = m.lines(b.y() - a.y());
            float shift = m.chars(a.x0() - b.x0());
            if (a.page() == b.page()
                    && dy > 0.8f
                    && dy < 1.3f
                    && shift >= 3
                    && shift <= 16
                    && ScreenplayText.isMostlyUpper(a.text())
                    && a.text().length() <= 40
                    && !a.text().startsWith("(")) {
                cueVotes.merge(Math.round(a.x0() / cw * 2), 1, Integer::sum);
                if (!b.text().startsWith("(")) {
                    dialogueVotes.merge(Math.round(b.x0() / cw * 2), 1, Integer::sum);
                }
            }
        }
        var starts = histogram(lines, l -> true, m);
        int threshold = Math.max(2, (int) (lines.size() * 0.04));
        float voteDialogue = dialogueVotes.isEmpty() ? Float.MAX_VALUE : top(dialogueVotes) * cw / 2;
        float action = Float.MAX_VALUE;
        for (var entry : starts.entrySet()) {
            float x = entry.getKey() * cw / 2;
            if (entry.getValue() >= threshold && x < action && x <= voteDialogue - 3 * cw && x <= MAX_ACTION) {
                action = x;
            }
        }
        if (action == Float.MAX_VALUE) {
            // too little text to learn from: the 1.5-inch margin every screenplay format shares
            action = voteDialogue != Float.MAX_VALUE ? voteDialogue - 10 * cw : STANDARD_ACTION;
        }
        final float actionX = action;
        // without a single cue-and-speech pair there is nothing to learn from: standard indents
        float dialogue = dialogueVotes.isEmpty() ? actionX + 10 * cw : nearestStart(lines, voteDialogue);
        final float dialogueX = dialogue;
        float cue = cueVotes.isEmpty()
                ? mode(
                        lines,
                        l -> ScreenplayText.isMostlyUpper(l.text())
                                && l.text().length() <= 45
                                && !l.text().startsWith("("),
                        m,
                        dialogueX + 4 * cw,
                        actionX + 32 * cw,
                        actionX + 22 * cw)
                : nearestStart(lines, top(cueVotes) * cw / 2);
        final float cueX = cue;
        float parenthetical =
                mode(lines, l -> l.text().startsWith("("), m, dialogueX + cw, cueX - cw, dialogueX + 5 * cw);
        var ends = new LayoutMetrics.FloatList();
        for (var line : lines) {
            if (Math.abs(line.x0() - actionX) < cw) {
                ends.add(line.x1());
            }
        }
        float standardRight = pageWidth - 68; // 61 characters from the 1.5" margin on Letter
        float rightEdge = ends.size() >= 10 ? ends.percentile(0.97, standardRight) : standardRight;
        if (rightEdge < pageWidth - 1.75f * 72) {
            rightEdge = standardRight; // short lines only: the text never reached the margin
        }
        return new ColumnModel(action, dialogue, parenthetical, cue, rightEdge);
    }

    private static int top(Map<Integer, Integer> votes) {
        return votes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }

    private static float nearestStart(List<PdfLine> lines, float x) {
        float exact = x;
        float nearest = Float.MAX_VALUE;
        for (var line : lines) {
            float d = Math.abs(line.x0() - x);
            if (d < nearest) {
                nearest = d;
                exact = line.x0();
            }
        }
        return exact;
    }

    /** Start positions in half-character bins. */
    private static Map<Integer, Integer> histogram(List<PdfLine> lines, Predicate<PdfLine> filter, LayoutMetrics m) {
        var bins = new HashMap<Integer, Integer>();
        for (var line : lines) {
            if (filter.test(line)) {
                bins.merge(Math.round(line.x0() / m.charWidth() * 2), 1, Integer::sum);
            }
        }
        return bins;
    }

    private static float mode(
            List<PdfLine> lines, Predicate<PdfLine> filter, LayoutMetrics m, float from, float to, float fallback) {
        var bins = histogram(lines, l -> filter.test(l) && l.x0() >= from && l.x0() <= to, m);
        int best = 0;
        float x = fallback;
        for (var entry : bins.entrySet()) {
            if (entry.getValue() > best) {
                best = entry.getValue();
                x = entry.getKey() * m.charWidth() / 2;
            }
        }
        if (best == 0) {
            return fallback;
        }
        return nearestStart(lines, x); // the real left edge, not the bin centre
    }
}
