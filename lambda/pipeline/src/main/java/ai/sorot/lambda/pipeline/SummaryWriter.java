package ai.sorot.lambda.pipeline;

import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.TrailerAnalysis;
import ai.sorot.model.screenplay.Screenplay;
import ai.sorot.model.screenplay.ScreenplayStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Step 5's script: the report retold for the ear, in short sentences with no symbols or page
 * abbreviations, sized to a word budget so the narration lands between one and two minutes.
 * Paragraphs have priorities: the essentials always, details while the budget lasts.
 */
public final class SummaryWriter {

    /**
     * Words that fill about 85 s: narrators read 150–165 words a minute, but numbers, names and
     * the pauses between paragraphs bring a summary down to about 120 (measured with espeak-ng
     * and FreeTTS). The pipeline rewrites once to the measured pace when it lands outside 60–120 s.
     */
    public static final int DEFAULT_TARGET_WORDS = 180;

    private record Part(int order, int priority, String text) {}

    public SpeechScript write(
            String title,
            List<String> authors,
            Screenplay screenplay,
            Coverage coverage,
            TrailerAnalysis trailer,
            Curation curation,
            int targetWords) {
        var parts = new ArrayList<Part>();
        var stats = screenplay.stats();
        var name = title == null || title.isBlank()
                ? "an untitled screenplay"
                : title.equals(title.toUpperCase(Locale.ROOT)) ? spokenName(title) : title;
        boolean offline = coverage.provenance() != null && coverage.provenance().offline();

        parts.add(new Part(
                0,
                0,
                "Sorot audio summary for " + name + (authors.isEmpty() ? "." : ", by " + joinSpoken(authors) + ".")));
        parts.add(new Part(10, 0, shape(screenplay)));
        if (coverage.protagonist() != null) {
            parts.add(new Part(
                    20,
                    0,
                    people(coverage.protagonist(), stats, screenplay.scenes().size())));
        }
        if (!offline && coverage.logline() != null && !coverage.logline().isBlank()) { // offline, it restates the shape
            parts.add(new Part(30, 1, "In one line: " + forEar(coverage.logline())));
        }
        var story = storySentences(coverage.synopsis());
        for (int i = 0; i < story.size(); i++) {
            parts.add(new Part(31 + i, i < 2 ? 1 : 4 + i, story.get(i)));
        }
        var feel = feel(coverage);
        if (!feel.isBlank()) {
            parts.add(new Part(50, 2, feel));
        }
        parts.add(new Part(
                60,
                1,
                forEar(curation.notes().runtimeSlot()) + " "
                        + forEar(curation.notes().audience())));
        int order = 65;
        for (var indicator : coverage.indicators()) {
            if (List.of("scenes", "dialogue_share", "format").contains(indicator.code())) {
                parts.add(new Part(order++, 3, indicator.name() + ": " + forEar(indicator.figure())));
            }
        }
        addClaims(parts, 70, "On the plus side: ", coverage.strengths(), 3);
        addClaims(parts, 75, "To watch: ", coverage.concerns(), 3);
        parts.add(new Part(80, 1, trailerLine(trailer)));
        if (curation.isJudged()) {
            parts.add(new Part(90, 0, verdict(coverage, curation)));
        } else {
            parts.add(
                    new Part(1, 0, "Not judged: no model read this script. What follows is measured, not a reading."));
            parts.add(new Part(90, 0, "For a verdict, run it again with a local model or in the cloud."));
        }
        if (stats != null) {
            parts.add(new Part(15, 6, settingDetail(stats)));
        }
        return new SpeechScript(select(parts, targetWords));
    }

    private static List<String> select(List<Part> parts, int targetWords) {
        var byPriority = new ArrayList<>(parts);
        byPriority.sort(Comparator.comparingInt(Part::priority).thenComparingInt(Part::order));
        var chosen = new ArrayList<Part>();
        int words = 0;
        for (var part : byPriority) {
            int w = ScriptWords.wordCount(part.text());
            if (part.priority() == 0 || words + w <= targetWords * 1.15) {
                chosen.add(part);
                words += w;
            }
        }
        chosen.sort(Comparator.comparingInt(Part::order));
        return chosen.stream().map(Part::text).filter(t -> !t.isBlank()).toList();
    }

    private static String shape(Screenplay screenplay) {
        int pages = screenplay.pageCount();
        int scenes = screenplay.scenes().size();
        long minutes = Math.round(Curator.runtimeMinutes(screenplay));
        var kind = minutes < 40 ? "short" : minutes < 60 ? "mid-length" : "feature";
        var sb = new StringBuilder(
                "It is a %d-page %s screenplay, about %d minutes on screen".formatted(pages, kind, minutes));
        if (scenes > 0) {
            sb.append(", in ").append(scenes).append(scenes == 1 ? " scene" : " scenes");
        }
        sb.append('.');
        return sb.toString();
    }

    private static String people(String protagonist, ScreenplayStats stats, int sceneCount) {
        var sb = new StringBuilder("The story centres on ").append(spokenName(protagonist));
        if (stats != null) {
            var lead = stats.characters().stream()
                    .filter(c -> c.name().equalsIgnoreCase(protagonist))
                    .findFirst();
            if (lead.isPresent()) {
                sb.append(", who speaks %d percent of the dialogue"
                        .formatted(Math.round(lead.get().dialogueShare() * 100)));
                if (sceneCount > 0) {
                    sb.append(" and appears in %d of %d scenes"
                            .formatted(lead.get().scenes(), sceneCount));
                }
            }
            sb.append('.');
            var others = stats.characters().stream()
                    .filter(c -> !c.name().equalsIgnoreCase(protagonist))
                    .sorted(Comparator.comparingInt(ScreenplayStats.CharacterStat::words)
                            .reversed())
                    .limit(2)
                    .map(c -> spokenName(c.name()))
                    .toList();
            if (!others.isEmpty()) {
                sb.append(' ')
                        .append(joinSpoken(others))
                        .append(others.size() == 1 ? " is the other main voice." : " are the other main voices.");
            }
            if (stats.speakingRoles() > 3) {
                sb.append(" %d characters speak in all.".formatted(stats.speakingRoles()));
            }
        } else {
            sb.append('.');
        }
        return sb.toString();
    }

    private static String settingDetail(ScreenplayStats stats) {
        var parts = new ArrayList<String>();
        if (!stats.locations().isEmpty()) {
            var top = stats.locations().stream()
                    .limit(3)
                    .map(l -> spokenName(l.name()))
                    .toList();
            parts.add("Most of it plays at " + joinSpoken(top) + ".");
        }
        int day = stats.timesOfDay().getOrDefault("DAY", 0);
        int night = stats.timesOfDay().getOrDefault("NIGHT", 0);
        if (day + night > 0) {
            parts.add(
                    night == 0
                            ? "All %d timed scenes are set by day.".formatted(day)
                            : day == 0
                                    ? "All %d timed scenes are set at night.".formatted(night)
                                    : "%d scenes are set by day and %d by night.".formatted(day, night));
        }
        if (stats.dialogueWords() + stats.actionWords() > 0) {
            parts.add("Dialogue makes up %d percent of its words.".formatted(Math.round(stats.dialogueShare() * 100)));
        }
        return String.join(" ", parts);
    }

    private static List<String> storySentences(String synopsis) {
        if (synopsis == null || synopsis.isBlank()) {
            return List.of();
        }
        var out = new ArrayList<String>();
        for (var line : synopsis.split("\\R")) {
            var clean = line.strip();
            if (clean.isEmpty() || clean.endsWith(":") && !clean.contains(". ")) {
                continue;
            }
            for (var sentence : ScriptWords.sentences(forEar(clean))) {
                if (!WEB_ADDRESS.matcher(sentence).find()) { // a link read aloud is noise
                    out.add(sentence);
                }
            }
        }
        return out;
    }

    private static String feel(Coverage coverage) {
        var parts = new ArrayList<String>();
        if (!coverage.genres().isEmpty()) {
            parts.add("By its vocabulary it reads as "
                    + joinSpoken(coverage.genres().stream()
                            .map(g -> g.toLowerCase(Locale.ROOT))
                            .toList()) + ".");
        }
        if (coverage.tone() != null && !coverage.tone().isBlank()) {
            parts.add("Tone: " + forEar(firstSentence(coverage.tone())));
        }
        if (!coverage.themes().isEmpty()) {
            parts.add("Recurring themes: "
                    + joinSpoken(coverage.themes().stream()
                            .limit(4)
                            .map(t -> t.toLowerCase(Locale.ROOT))
                            .toList()) + ".");
        }
        return String.join(" ", parts);
    }

    private static void addClaims(List<Part> parts, int order, String lead, List<Claim> claims, int max) {
        for (int i = 0; i < claims.size() && i < max; i++) {
            parts.add(new Part(
                    order + i,
                    2 + i,
                    (i == 0 ? lead : "") + forEar(claims.get(i).text())));
        }
    }

    private static String trailerLine(TrailerAnalysis trailer) {
        if (trailer == null) {
            return "No trailer was submitted.";
        }
        if (!trailer.analysed()) {
            var platform = trailer.platform() == null
                    ? "trailer"
                    : (trailer.platform().equals("youtube") ? "YouTube" : capitalise(trailer.platform())) + " trailer";
            return "A " + platform + " link was submitted; it was not analysed offline.";
        }
        var sb = new StringBuilder("The trailer");
        if (trailer.score() != null) {
            sb.append(" scores ").append(trailer.score()).append(" out of 10.");
        } else {
            sb.append(" was analysed.");
        }
        if (trailer.pacing() != null) {
            sb.append(" Pacing: ").append(forEar(firstSentence(trailer.pacing())));
        }
        if (trailer.hook() != null) {
            sb.append(" Hook: ").append(forEar(firstSentence(trailer.hook())));
        }
        return sb.toString();
    }

    private static String verdict(Coverage coverage, Curation curation) {
        var sb = new StringBuilder("Verdict: ")
                .append(curation.recommendation().name().toLowerCase(Locale.ROOT))
                .append(", with an overall score of ")
                .append(Math.round(curation.overallScore()))
                .append(" out of 100.");
        if (coverage.rationale() != null) {
            sb.append(' ').append(forEar(firstSentence(coverage.rationale())));
        }
        return sb.toString();
    }

    private static final java.util.regex.Pattern WEB_ADDRESS =
            java.util.regex.Pattern.compile("(?i)(https?://|www\\.|\\b[a-z0-9-]+\\.(com|org|net|io|be)\\b)");

    /** Rewrites report text for a speech synthesiser: no page abbreviations, symbols, fractions or brackets. */
    public static String forEar(String text) {
        var s = text;
        s = s.replaceAll("\\b(INT\\.?\\s*/\\s*EXT|EXT\\.?\\s*/\\s*INT|I/E|INT|EXT|EST)\\.\\s+", "");
        s = s.replaceAll("\\s*--\\s*", ", ");
        s = eighths(s);
        s = s.replaceAll("\\bmin\\b", "minutes");
        s = s.replaceAll("\\bpp\\.\\s*", "pages ");
        s = s.replaceAll("\\bp\\.\\s*(?=\\d)", "page ");
        s = s.replaceAll("(\\d)\\s*[–—-]\\s*(\\d)", "$1 to $2");
        s = s.replaceAll("\\s*[—–]\\s*", ", ");
        s = s.replaceAll("(\\d)\\s*%", "$1 percent");
        s = s.replaceAll("(\\d+)\\s*/\\s*(10|100)\\b", "$1 out of $2");
        s = s.replaceAll("\\s*×\\s*\\d+", "");
        s = s.replace("&", " and ")
                .replace("…", ".")
                .replace("\"", "")
                .replace("“", "")
                .replace("”", "");
        s = s.replaceAll("\\s*\\(([^)]*)\\)", ", $1,").replaceAll(",\\s*([.;:!?])", "$1");
        s = s.replaceAll("\\s+", " ").replaceAll(",\\s*,", ",").strip();
        if (!s.isEmpty() && !s.matches(".*[.!?]$")) {
            s = s + ".";
        }
        return s;
    }

    /** "6 6/8 pages" reads "6 and three quarter pages"; "3/8 pages" reads "three eighths of a page". */
    private static String eighths(String text) {
        var m = java.util.regex.Pattern.compile("\\b(?:(\\d+) )?([1-7])/8\\b( pages?)?")
                .matcher(text);
        var sb = new StringBuilder();
        while (m.find()) {
            var fraction = switch (Integer.parseInt(m.group(2))) {
                case 2 -> "a quarter";
                case 4 -> "a half";
                case 6 -> "three quarters";
                case 1 -> "an eighth";
                default -> m.group(2) + " eighths";
            };
            String spoken;
            if (m.group(1) != null) {
                spoken = m.group(1) + " and "
                        + fraction.replaceFirst("^an? ", "")
                                .replace("quarters", "quarter")
                                .replace("eighths", "eighth") + (m.group(3) != null ? " pages" : "");
            } else {
                spoken = fraction + (m.group(3) != null ? " of a page" : "");
            }
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(spoken));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Character and place names arrive in capitals; a synthesiser would spell some of them out. */
    static String spokenName(String name) {
        var words = name.toLowerCase(Locale.ROOT).split("\\s+");
        var sb = new StringBuilder();
        for (var w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(capitalise(w));
        }
        return sb.toString();
    }

    private static String capitalise(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String firstSentence(String text) {
        var sentences = ScriptWords.sentences(text);
        return sentences.isEmpty() ? text : sentences.getFirst();
    }

    private static String joinSpoken(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
