package ai.sorot.desktop.ui;

import java.time.Duration;
import java.time.Instant;

/** Numbers the way the UI prints them. */
public final class Format {

    private Format() {}

    /** 0:42, 12:05, 1:02:09. */
    public static String elapsed(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? "%d:%02d:%02d".formatted(h, m, s) : "%d:%02d".formatted(m, s);
    }

    public static String elapsed(Instant from, Instant to) {
        return from == null || to == null ? "" : elapsed(Duration.between(from, to));
    }

    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return "%.1f MB".formatted(bytes / (1024.0 * 1024.0));
    }

    public static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    public static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
