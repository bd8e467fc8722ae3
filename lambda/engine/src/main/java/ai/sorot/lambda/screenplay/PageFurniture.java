package ai.sorot.lambda.screenplay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes away what the printer added and a reader skips: page numbers, running headers and
 * footers (revision marks, "Draft 3", a title in the corner), CONTINUED lines and (MORE). What
 * remains is the screenplay text. A page that ended on (MORE) is remembered, because the speech
 * goes on after the next page's "NAME (CONT'D)" cue.
 */
final class PageFurniture {

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:page\\s*)?[A-Z]?\\d{1,4}[A-Z]?\\.?(?:\\s*(?:of|/)\\s*\\d{1,4})?\\.?$", Pattern.CASE_INSENSITIVE);
    private static final String NUMBER = "[A-Z]{0,2}\\d{1,4}(?:\\.\\d{1,3})?[A-Z]{0,3}\\d{0,2}\\.?";
    private static final Pattern CONTINUED = Pattern.compile(
            "^(?:" + NUMBER + "\\s+)?\\(?\\s*(?:CONTINUED|CONT['’]D|CONTD|CONT\\.)\\s*\\)?\\s*:?"
                    + "\\s*(?:\\(\\s*\\d+\\s*\\))?(?:\\s+" + NUMBER + ")?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MORE = Pattern.compile("^\\(\\s*MORE\\s*\\)$", Pattern.CASE_INSENSITIVE);

    /** One body page, cleaned, and whether a speech runs on to the next page. */
    record CleanPage(PdfPage page, List<PdfLine> lines, boolean endsWithMore) {}

    private final LayoutMetrics metrics;

    PageFurniture(LayoutMetrics metrics) {
        this.metrics = metrics;
    }

    List<CleanPage> clean(List<PdfPage> pages) {
        var repeated = repeatedMarginText(pages);
        var result = new ArrayList<CleanPage>(pages.size());
        for (var page : pages) {
            result.add(cleanPage(page, repeated));
        }
        return result;
    }

    private CleanPage cleanPage(PdfPage page, Set<String> repeated) {
        var lines = page.lines();
        var kept = new ArrayList<PdfLine>(lines.size());
        boolean more = false;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            boolean margin = inMargin(page, lines, i);
            if (margin) {
                line = withoutPageNumber(line);
                if (line == null || repeated.contains(key(line.text())) || isDetachedMarginLine(page, lines, i)) {
                    continue;
                }
            }
            String text = line.text();
            if (CONTINUED.matcher(text).matches()) {
                continue;
            }
            if (MORE.matcher(text).matches()) {
                more = true;
                continue;
            }
            kept.add(line);
        }
        // (MORE) only matters when it closes the page's text: a speech continues overleaf
        boolean endsWithMore = more && !kept.isEmpty() && lastMoreIsAfterText(page.lines(), kept.getLast());
        return new CleanPage(page, kept, endsWithMore);
    }

    private static boolean lastMoreIsAfterText(List<PdfLine> lines, PdfLine lastKept) {
        for (var line : lines) {
            if (line.y() > lastKept.y() && MORE.matcher(line.text()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Top or bottom inch of the page, where printers put their furniture. */
    private boolean inMargin(PdfPage page, List<PdfLine> lines, int index) {
        float y = lines.get(index).y();
        float inch = 72f;
        boolean top = index < 2 && (y < 0.95f * inch || (y < 1.3f * inch && gapAfter(lines, index) >= 2.5f));
        boolean bottom = index >= lines.size() - 2 && y > page.height() - 0.75f * inch;
        return top || bottom;
    }

    /** A margin line standing apart from the text block is a header or footer, whatever it says. */
    private boolean isDetachedMarginLine(PdfPage page, List<PdfLine> lines, int index) {
        float y = lines.get(index).y();
        if (index == 0 && lines.size() > 1) {
            return y < 0.95f * 72f && gapAfter(lines, index) >= 2.5f;
        }
        if (index == lines.size() - 1 && index > 0) {
            return y > page.height() - 0.75f * 72f && gapBefore(lines, index) >= 2.5f;
        }
        return false;
    }

    private float gapAfter(List<PdfLine> lines, int index) {
        return index + 1 < lines.size()
                ? metrics.lines(lines.get(index + 1).y() - lines.get(index).y())
                : 0f;
    }

    private float gapBefore(List<PdfLine> lines, int index) {
        return index > 0
                ? metrics.lines(lines.get(index).y() - lines.get(index - 1).y())
                : 99f;
    }

    /** Drops a page number standing at either end of a margin line; null when nothing is left. */
    private PdfLine withoutPageNumber(PdfLine line) {
        var words = new ArrayList<>(line.words());
        if (PAGE_NUMBER.matcher(line.text()).matches()) {
            return null;
        }
        if (words.size() >= 2
                && PAGE_NUMBER.matcher(words.getLast().text()).matches()
                && metrics.chars(words.getLast().x0()
                                - words.get(words.size() - 2).x1())
                        >= 3) {
            words.removeLast();
        }
        if (words.size() >= 2
                && PAGE_NUMBER.matcher(words.getFirst().text()).matches()
                && metrics.chars(words.get(1).x0() - words.getFirst().x1()) >= 3) {
            words.removeFirst();
        }
        return line.withWords(words);
    }

    /** Margin text (digits ignored) that recurs on many pages: running headers and footers. */
    private Set<String> repeatedMarginText(List<PdfPage> pages) {
        Map<String, Integer> counts = new HashMap<>();
        for (var page : pages) {
            var seen = new HashSet<String>();
            var lines = page.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (inMargin(page, lines, i)) {
                    var line = withoutPageNumber(lines.get(i));
                    if (line != null) {
                        seen.add(key(line.text()));
                    }
                }
            }
            seen.forEach(k -> counts.merge(k, 1, Integer::sum));
        }
        int threshold = Math.max(2, (int) Math.ceil(pages.size() * 0.4));
        var repeated = new HashSet<String>();
        counts.forEach((k, n) -> {
            if (n >= threshold) {
                repeated.add(k);
            }
        });
        return repeated;
    }

    private static String key(String text) {
        return SPACES.matcher(DIGITS.matcher(text).replaceAll("#"))
                .replaceAll(" ")
                .strip()
                .toUpperCase(Locale.ROOT);
    }
}
