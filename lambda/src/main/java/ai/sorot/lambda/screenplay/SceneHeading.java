package ai.sorot.lambda.screenplay;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A heading taken apart: INT/EXT, the place, the time of day ("INT. HOUSE - KITCHEN - NIGHT"). */
record SceneHeading(String setting, String location, String timeOfDay) {

    private static final Pattern PREFIX = Pattern.compile(
            "^(INT\\.?\\s*/\\s*EXT|EXT\\.?\\s*/\\s*INT|I\\.?\\s*/\\s*E|E\\.?\\s*/\\s*I|INTERIOR|EXTERIOR|INT|EXT|EST)\\.?\\s*[-–—:]?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> DAY = Set.of("DAY", "MORNING", "AFTERNOON", "NOON", "DAYTIME", "SUNRISE", "LATE MORNING",
            "EARLY MORNING", "MIDDAY", "LATE AFTERNOON", "EARLY AFTERNOON");
    private static final Set<String> NIGHT = Set.of("NIGHT", "EVENING", "MIDNIGHT", "NIGHTTIME", "LATE NIGHT", "LATER THAT NIGHT",
            "EARLY EVENING");
    private static final Set<String> TIMES = Set.of("DUSK", "DAWN", "SUNSET", "MAGIC HOUR", "TWILIGHT", "CONTINUOUS", "LATER",
            "MOMENTS LATER", "SAME", "SAME TIME", "SIMULTANEOUS", "MOMENTS BEFORE", "FLASHBACK", "PRESENT", "NEXT DAY");

    static SceneHeading parse(String heading) {
        String text = heading.strip().replaceAll("\\s*\\(\\d{4}\\)$", "");
        var prefix = PREFIX.matcher(text);
        String setting = "OTHER";
        if (prefix.find()) {
            String p = prefix.group(1).toUpperCase(Locale.ROOT).replaceAll("[.\\s]", "");
            setting = switch (p) {
                case "INT", "INTERIOR" -> "INT";
                case "EXT", "EXTERIOR", "EST" -> "EXT";
                default -> "INT/EXT";
            };
            text = text.substring(prefix.end());
        }
        // " - " separates; so does a double dash with or without spaces ("PARK--DAY"), which a
        // hyphenated name ("JEAN-LUC'S FLAT") never has
        String[] parts = text.split("\\s+[-–—]+\\s+|\\s*[-–—]{2,}\\s*");
        String time = null;
        String location = text;
        if (parts.length > 1) {
            String last = parts[parts.length - 1].strip().toUpperCase(Locale.ROOT).replaceAll("[.()]", "").strip();
            if (isTime(last)) {
                time = last;
                location = String.join(" - ", java.util.Arrays.copyOf(parts, parts.length - 1)).strip();
            }
        } else {
            // "INT HOUSE DAY": the time is the last word
            int space = text.lastIndexOf(' ');
            if (space > 0 && isTime(text.substring(space + 1).toUpperCase(Locale.ROOT))) {
                time = text.substring(space + 1).toUpperCase(Locale.ROOT);
                location = text.substring(0, space).strip();
            }
        }
        location = location.replaceAll("^[-–—.\\s]+|[-–—.\\s]+$", "").toUpperCase(Locale.ROOT);
        return new SceneHeading(setting, location.isEmpty() ? text.strip().toUpperCase(Locale.ROOT) : location,
                time);
    }

    private static boolean isTime(String word) {
        return DAY.contains(word) || NIGHT.contains(word) || TIMES.contains(word);
    }

    /** DAY, NIGHT or OTHER, the split a schedule and a programmer care about. */
    String dayOrNight() {
        if (timeOfDay == null) {
            return "OTHER";
        }
        if (DAY.contains(timeOfDay)) {
            return "DAY";
        }
        return NIGHT.contains(timeOfDay) ? "NIGHT" : "OTHER";
    }
}
