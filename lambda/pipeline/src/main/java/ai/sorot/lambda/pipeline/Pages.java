package ai.sorot.lambda.pipeline;

import java.util.ArrayList;
import java.util.List;

/** Writes page lists the way a reader does: "pp. 3–5, 9, 12" (and "pages 3 to 5" for the ear). */
public final class Pages {

    private Pages() {}

    public static String list(List<Integer> pages, int maxRanges) {
        var ranges = ranges(pages);
        var parts = new ArrayList<String>();
        for (int i = 0; i < ranges.size() && i < maxRanges; i++) {
            var r = ranges.get(i);
            parts.add(r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "–" + r[1]);
        }
        var text = String.join(", ", parts);
        if (ranges.size() > maxRanges) {
            text += "…";
        }
        return (pages.size() == 1 ? "p. " : "pp. ") + text;
    }

    public static String spoken(List<Integer> pages, int maxRanges) {
        var ranges = ranges(pages);
        var parts = new ArrayList<String>();
        for (int i = 0; i < ranges.size() && i < maxRanges; i++) {
            var r = ranges.get(i);
            parts.add(r[0] == r[1] ? Integer.toString(r[0]) : r[0] + " to " + r[1]);
        }
        var text = parts.size() <= 1
                ? String.join("", parts)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
        return (pages.size() == 1 ? "page " : "pages ") + text + (ranges.size() > maxRanges ? " and others" : "");
    }

    private static List<int[]> ranges(List<Integer> pages) {
        var sorted = pages.stream().distinct().sorted().toList();
        var out = new ArrayList<int[]>();
        for (int page : sorted) {
            if (!out.isEmpty() && out.getLast()[1] == page - 1) {
                out.getLast()[1] = page;
            } else {
                out.add(new int[] {page, page});
            }
        }
        return out;
    }
}
