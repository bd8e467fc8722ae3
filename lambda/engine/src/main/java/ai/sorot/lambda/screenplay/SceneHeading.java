package ai.sorot.lambda.screenplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A heading taken apart as a script reader takes it: INT/EXT, the place, and the time of day
 * ("INT. HOUSE - KITCHEN - NIGHT"). The time is what the heading says (NIGHT, CONTINUOUS...);
 * {@link #timeBucket()} is the schedule's split (DAY, NIGHT, DAWN, DUSK), or the relative time
 * ({@code CONTINUOUS}, {@code LATER}) that takes the time of the scene it continues.
 */
record SceneHeading(String setting, String location, String timeOfDay) {

    /** The buckets of the day/night split; OTHER is left for the truly unknown. */
    static final List<String> BUCKETS = List.of("DAY", "NIGHT", "DAWN", "DUSK", "OTHER");

    private static final Pattern PREFIX = Pattern.compile(
            "^(INT\\.?\\s*/\\s*EXT|EXT\\.?\\s*/\\s*INT|I\\.?\\s*/\\s*E|E\\.?\\s*/\\s*I|INTERIOR|EXTERIOR|INT|EXT|EST)\\.?\\s*[-–—:]?\\s*",
            Pattern.CASE_INSENSITIVE);
    // " - " separates; so does a double dash with or without spaces ("PARK--DAY"), which a
    // hyphenated name ("JEAN-LUC'S FLAT") never has
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-–—]+\\s+|\\s*[-–—]{2,}\\s*|\\s+[-–—]+$");
    private static final Pattern BRACKETED = Pattern.compile("\\s*[\\[(][^\\])]*[\\])]\\s*");
    private static final Pattern YEAR = Pattern.compile("\\s*\\(?\\b(1[0-9]|20)\\d{2}\\b\\)?\\s*$");

    private static final Set<String> DAY = Set.of(
            "DAY", "MORNING", "AFTERNOON", "NOON", "DAYTIME", "MIDDAY", "LUNCHTIME", "BREAKFAST", "LUNCH", "DAYLIGHT");
    private static final Set<String> NIGHT =
            Set.of("NIGHT", "EVENING", "MIDNIGHT", "NIGHTTIME", "NIGHTFALL", "DINNER", "SUPPER", "TONIGHT");
    private static final Set<String> DAWN = Set.of("DAWN", "SUNRISE", "DAYBREAK", "PREDAWN", "PRE-DAWN", "FIRST LIGHT");
    private static final Set<String> DUSK =
            Set.of("DUSK", "SUNSET", "TWILIGHT", "MAGIC HOUR", "GOLDEN HOUR", "SUNDOWN");
    /** Times that say "the same as the scene before" rather than a time of day. */
    private static final Set<String> RELATIVE = Set.of(
            "CONTINUOUS",
            "CONT",
            "CONTD",
            "CONT'D",
            "LATER",
            "MOMENTS LATER",
            "MOMENT LATER",
            "A MOMENT LATER",
            "SECONDS LATER",
            "MINUTES LATER",
            "SAME",
            "SAME TIME",
            "SAME SCENE",
            "SIMULTANEOUS",
            "MOMENTS BEFORE",
            "MOMENTS EARLIER",
            "CONTINUING",
            "INTERCUT",
            "INTERCUTTING",
            "THEREAFTER",
            "SHORTLY THEREAFTER",
            "SOON AFTER",
            "CONCURRENT",
            "CONCURRENTLY",
            "SAME MOMENT",
            "MEANWHILE");

    // compiled once: headings are parsed by the thousand in a batch
    private static final Pattern DOTS_AND_SPACES = Pattern.compile("[.\\s]");
    private static final Pattern INTERCUT = Pattern.compile("^(INTERCUT|INTERCUTTING|INTER-CUT|BACK AND FORTH)\\b.*");
    private static final Pattern BRACKETS = Pattern.compile("[\\[\\]()]");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.:;,!?'’]+$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CONTINUED_MARK = Pattern.compile("\\((CONT'?D|CONTINUED|CONTINUOUS)\\)");
    private static final Pattern DASHES = Pattern.compile("\\s+[-–—]+\\s+|\\s*[-–—]{2,}\\s*");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[-–—.,:\\s]+|[-–—.,:\\s]+$");
    private static final Pattern HYPHEN_IN_WORD = Pattern.compile("(?<=\\p{L})-(?=\\p{L})");
    private static final Pattern APOSTROPHES = Pattern.compile("['’]");
    private static final Pattern CLOCK = Pattern.compile("^(\\d{1,2})(?::(\\d{2}))?\\s*(AM|PM|A\\.M\\.?|P\\.M\\.?)?$");
    /** Labels that are not times at all but often stand where the time goes. */
    private static final Set<String> LABELS = Set.of(
            "FLASHBACK",
            "PRESENT",
            "PRESENT DAY",
            "DREAM",
            "FANTASY",
            "MONTAGE",
            "SERIES OF SHOTS",
            "BACK TO PRESENT",
            "END FLASHBACK",
            "PAST");

    static SceneHeading parse(String heading) {
        String text = heading.strip();
        var prefix = PREFIX.matcher(text);
        String setting = "OTHER";
        if (prefix.find()) {
            String p = DOTS_AND_SPACES
                    .matcher(prefix.group(1).toUpperCase(Locale.ROOT))
                    .replaceAll("");
            setting = switch (p) {
                case "INT", "INTERIOR" -> "INT";
                case "EXT", "EXTERIOR", "EST" -> "EXT";
                default -> "INT/EXT";
            };
            text = text.substring(prefix.end());
        }
        var parts = new ArrayList<>(Arrays.asList(SEPARATOR.split(text)));
        parts.removeIf(String::isBlank);
        String time = null;
        // the time stands last; a label after it ("DAY - FLASHBACK") does not hide it
        for (int i = parts.size() - 1; i >= Math.max(parts.size() > 1 ? 1 : 0, parts.size() - 2) && time == null; i--) {
            String found = timeIn(parts.get(i), parts.size() == 1);
            if (found != null) {
                time = found;
                parts = new ArrayList<>(parts.subList(0, i));
            }
        }
        if (time == null && parts.size() > 1 && isLabel(parts.getLast())) {
            parts.removeLast();
        }
        String location = parts.isEmpty() ? "" : String.join(" - ", parts);
        if (parts.size() == 1 && time == null) {
            // "INT HOUSE DAY": the time is the last word
            int space = location.lastIndexOf(' ');
            String last = space > 0 ? clean(location.substring(space + 1)) : "";
            if (bucketOf(last) != null) {
                time = last;
                location = location.substring(0, space);
            }
        }
        location = normaliseLocation(location);
        return new SceneHeading(setting, location.isEmpty() ? clean(text) : location, time);
    }

    /** A heading that is an instruction to cut between places, not a place ("INTERCUT - JOHN / MARY"). */
    static boolean isIntercut(String heading) {
        return INTERCUT.matcher(heading.strip().toUpperCase(Locale.ROOT)).matches();
    }

    /**
     * DAY, NIGHT, DAWN, DUSK or OTHER for this heading alone; {@code null} when its time is relative
     * (CONTINUOUS, LATER, SAME), or when a secondary slugline gives none, and so is the time of the
     * scene it continues.
     */
    String timeBucket() {
        if (timeOfDay == null) {
            // a secondary slugline ("KITCHEN") goes on at the time of the scene it is part of; a
            // full heading that gives no time ("INT. GYM") is unknown, not guessed
            return "OTHER".equals(setting) ? null : "OTHER";
        }
        String bucket = bucketOf(timeOfDay);
        return "RELATIVE".equals(bucket) ? null : bucket == null ? "OTHER" : bucket;
    }

    /** The bucket with relative times resolved against the previous scene's bucket. */
    String timeBucket(String previous) {
        String bucket = timeBucket();
        return bucket != null ? bucket : previous == null ? "OTHER" : previous;
    }

    private static String timeIn(String part, boolean onlyPart) {
        String upper = part.toUpperCase(Locale.ROOT);
        String whole =
                clean(YEAR.matcher(BRACKETED.matcher(upper).replaceAll(" ")).replaceAll(""));
        if (bucketOf(whole) != null) {
            return whole;
        }
        if (onlyPart) {
            return null;
        }
        // "NIGHT [CONTINUOUS]", "(PRESENT) DAY", "LATER THAT NIGHT", "THE NEXT MORNING", "ANOTHER DAY"
        String[] words = clean(BRACKETS.matcher(upper).replaceAll(" ")).split(" ");
        if (words.length > 5) {
            return null;
        }
        String relative = null;
        for (int i = words.length - 1; i >= 0; i--) {
            String w = words[i];
            String two = i > 0 ? words[i - 1] + " " + w : null;
            for (String candidate : two == null ? new String[] {w} : new String[] {two, w}) {
                String b = bucketOf(candidate);
                if (b != null && !"RELATIVE".equals(b)) {
                    return candidate;
                }
                if ("RELATIVE".equals(b) && relative == null) {
                    relative = candidate;
                }
            }
        }
        return relative;
    }

    private static String bucketOf(String time) {
        if (time == null || time.isEmpty()) {
            return null;
        }
        var clock = CLOCK.matcher(time);
        if (clock.matches() && (clock.group(2) != null || clock.group(3) != null)) {
            return clockBucket(Integer.parseInt(clock.group(1)), clock.group(3));
        }
        if (time.endsWith(" LATER") || time.endsWith(" EARLIER")) {
            return "RELATIVE"; // "TEN MINUTES LATER", "A FEW HOURS EARLIER"
        }
        if (DAY.contains(time)) {
            return "DAY";
        }
        if (NIGHT.contains(time)) {
            return "NIGHT";
        }
        if (DAWN.contains(time)) {
            return "DAWN";
        }
        if (DUSK.contains(time)) {
            return "DUSK";
        }
        return RELATIVE.contains(time) ? "RELATIVE" : null;
    }

    /** "4:30AM" is night, "6 AM" dawn, "19:00" dusk: the hour as a schedule would book it. */
    private static String clockBucket(int hour, String meridiem) {
        if (hour > 23) {
            return null;
        }
        if (meridiem != null) {
            hour = hour % 12 + (meridiem.startsWith("P") ? 12 : 0);
        }
        if (hour < 5 || hour >= 21) {
            return "NIGHT";
        }
        if (hour < 7) {
            return "DAWN";
        }
        return hour < 18 ? "DAY" : "DUSK";
    }

    private static boolean isLabel(String part) {
        return LABELS.contains(
                clean(BRACKETS.matcher(part.toUpperCase(Locale.ROOT)).replaceAll(" ")));
    }

    private static String clean(String s) {
        String trimmed = TRAILING_PUNCTUATION.matcher(s).replaceAll("").replace(".", "");
        return WHITESPACE.matcher(trimmed).replaceAll(" ").strip();
    }

    /**
     * The place as the heading names it, in one spelling of its separators ("HOUSE -- KITCHEN" reads
     * "HOUSE - KITCHEN"); the sub-location after a dash stays part of it.
     */
    static String normaliseLocation(String location) {
        String upper = CONTINUED_MARK
                .matcher(location.toUpperCase(Locale.ROOT).replace('’', '\''))
                .replaceAll(" ");
        upper = WHITESPACE.matcher(DASHES.matcher(upper).replaceAll(" - ")).replaceAll(" ");
        return EDGE_PUNCTUATION.matcher(upper).replaceAll("").strip();
    }

    /** The key two spellings of one place share: BIG-TOP and BIG TOP, THE MAYOR'S and THE MAYORS. */
    static String locationKey(String location) {
        String joined = APOSTROPHES
                .matcher(HYPHEN_IN_WORD.matcher(location).replaceAll(" "))
                .replaceAll("");
        return WHITESPACE.matcher(joined).replaceAll(" ").strip();
    }
}
