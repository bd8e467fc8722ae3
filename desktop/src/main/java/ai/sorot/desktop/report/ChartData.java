package ai.sorot.desktop.report;

import ai.sorot.model.screenplay.ScreenplayStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures behind the report's charts, computed from the statistics without any JavaFX, so
 * what a chart shows is tested on its own.
 */
public final class ChartData {

    /** Scene-length bins, in eighths of a page: what a programmer reads as short, average, long. */
    public static final List<Bin> SCENE_BINS = List.of(
            new Bin("< ½", 0, 3),
            new Bin("½–1", 4, 8),
            new Bin("1–2", 9, 16),
            new Bin("2–3", 17, 24),
            new Bin("3–5", 25, 40),
            new Bin("> 5", 41, Integer.MAX_VALUE));

    public static final int TOP_CHARACTERS = 10;

    private ChartData() {}

    public record Bin(String label, int minEighths, int maxEighths) {
        boolean holds(int eighths) {
            return eighths >= minEighths && eighths <= maxEighths;
        }
    }

    public record Slice(String label, int count) {}

    public record Share(String name, double percent) {}

    public record Point(int page, double percent) {}

    /** INT / EXT (or DAY / NIGHT) slices, largest first, empty ones left out. */
    public static List<Slice> slices(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> new Slice(e.getKey(), e.getValue()))
                .toList();
    }

    /** Each speaking character's share of all dialogue, the top ten, largest first. */
    public static List<Share> dialogueShares(ScreenplayStats stats) {
        return stats.characters().stream()
                .sorted((a, b) -> Double.compare(b.dialogueShare(), a.dialogueShare()))
                .limit(TOP_CHARACTERS)
                .map(c -> new Share(c.name(), c.dialogueShare() * 100))
                .toList();
    }

    /** How many scenes fall in each length bin. */
    public static Map<String, Integer> sceneLengthHistogram(ScreenplayStats stats) {
        var counts = new LinkedHashMap<String, Integer>();
        SCENE_BINS.forEach(bin -> counts.put(bin.label(), 0));
        for (var scene : stats.sceneLengths()) {
            for (var bin : SCENE_BINS) {
                if (bin.holds(scene.eighths())) {
                    counts.merge(bin.label(), 1, Integer::sum);
                    break;
                }
            }
        }
        return counts;
    }

    /** Dialogue density page by page, in percent. */
    public static List<Point> dialogueDensity(ScreenplayStats stats) {
        var points = new ArrayList<Point>(stats.pages().size());
        for (var page : stats.pages()) {
            points.add(new Point(page.page(), page.dialogueDensity() * 100));
        }
        return points;
    }
}
