package ai.sorot.lambda.offline;

import ai.sorot.lambda.pipeline.ScriptWords;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.Indicator;
import ai.sorot.model.screenplay.Eighths;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import ai.sorot.model.screenplay.ScreenplayStats;
import ai.sorot.model.screenplay.ScreenplayStats.CharacterStat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What Sorot measures of a script's craft without a model: length for its form, scene balance,
 * dialogue balance, the lead's presence and format conformance. Each is a figure with what it
 * means; none is a score, and they are never summed into one. A whole-script figure is cited as a
 * statistic (no page); a scene or a speech is cited where it is.
 */
final class CraftIndicators {

    private final Screenplay screenplay;
    private final ScriptWords text;
    private final ScreenplayStats stats;
    private final int pages;
    private final int sceneCount;

    CraftIndicators(Screenplay screenplay, ScriptWords text, ScreenplayStats stats) {
        this.screenplay = screenplay;
        this.text = text;
        this.stats = stats;
        this.pages = Math.max(1, screenplay.pageCount());
        this.sceneCount = screenplay.scenes().size();
    }

    List<Indicator> all() {
        var out = new ArrayList<Indicator>();
        out.add(length());
        if (sceneCount > 0) {
            out.add(scenes());
        }
        var dialogue = dialogue();
        if (dialogue != null) {
            out.add(dialogue);
        }
        var lead = lead();
        if (lead != null) {
            out.add(lead);
        }
        out.add(format());
        return out;
    }

    /** The lead: most of the dialogue and most of the scenes, weighed together. */
    CharacterStat protagonist() {
        int scenes = Math.max(1, sceneCount);
        return stats.characters().stream()
                .max(Comparator.comparingDouble(
                                (CharacterStat c) -> 0.55 * c.dialogueShare() + 0.45 * c.scenes() / (double) scenes)
                        .thenComparing(CharacterStat::name))
                .orElse(null);
    }

    double runtime() {
        return stats.runtimeMinutes() > 0 ? stats.runtimeMinutes() : pages;
    }

    Indicator length() {
        long minutes = Math.round(runtime());
        String meaning;
        if (pages < 40) {
            meaning = minutes <= 20
                    ? "A short's length; shorts programmes favour under 20 minutes."
                    : "A long short: most shorts programmes favour under 20 minutes.";
        } else if (pages < 70) {
            meaning = "Between a short (under 40 pages) and a feature (usually 85 to 125): hard to programme.";
        } else if (pages < 85) {
            meaning = "A short feature: under the usual 85 to 125 pages.";
        } else if (pages <= 125) {
            meaning = "Within the usual feature range (85 to 125 pages).";
        } else {
            meaning = "Longer than the usual feature range (85 to 125 pages).";
        }
        return new Indicator(
                "pages",
                "Length",
                (double) pages,
                "pages",
                "%d pages, about %d minutes at a page a minute".formatted(pages, minutes),
                meaning,
                List.of(Evidence.statistic()));
    }

    Indicator scenes() {
        var lengths = stats.sceneLengths();
        double average = lengths.stream()
                .mapToInt(ScreenplayStats.SceneLength::eighths)
                .average()
                .orElse(0);
        var evidence = new ArrayList<Evidence>(List.of(Evidence.statistic()));
        var figure = new StringBuilder("%d scenes, averaging %s page".formatted(sceneCount, eighths(average)));
        var longest = lengths.stream()
                .max(Comparator.comparingInt(ScreenplayStats.SceneLength::eighths))
                .orElse(null);
        long over5 = lengths.stream().filter(s -> s.eighths() > 40).count();
        if (longest != null) {
            figure.append("; the longest, scene %d, runs %s pages from p. %d"
                    .formatted(longest.scene(), longest.display(), longest.page()));
            evidence.add(Evidence.scene(longest.scene(), longest.sceneNumber(), longest.page()));
        }
        if (over5 > 0) {
            figure.append("; %d over 5 pages".formatted(over5));
        }
        var meaning = over5 == 0
                ? "Scene length sets the pace; no scene runs over 5 pages."
                : "Scene length sets the pace; scenes over 5 pages are rare in produced scripts and slow a read.";
        return new Indicator(
                "scenes", "Scene balance", (double) sceneCount, "scenes", figure.toString(), meaning, evidence);
    }

    Indicator dialogue() {
        int speeches = 0;
        int longSpeeches = 0;
        int longestWords = 0;
        int longestAt = -1;
        var elements = screenplay.elements();
        for (int i = 0; i < elements.size(); i++) {
            var e = elements.get(i);
            if (e.type() == ElementType.DIALOGUE) {
                speeches++;
                int words = ScriptWords.wordCount(e.text());
                if (words > 120) {
                    longSpeeches++;
                }
                if (words > longestWords) {
                    longestWords = words;
                    longestAt = i;
                }
            }
        }
        if (speeches == 0) {
            return new Indicator(
                    "dialogue_share",
                    "Dialogue balance",
                    0.0,
                    "percent",
                    "No dialogue",
                    "The script has no spoken lines.",
                    List.of(Evidence.statistic()));
        }
        int share = pct(stats.dialogueShare());
        double perSpeech = stats.dialogueWords() / (double) speeches;
        var figure = "%d%% of the words are dialogue; %d speeches averaging %.0f words"
                .formatted(share, speeches, perSpeech);
        var evidence = new ArrayList<Evidence>(List.of(Evidence.statistic()));
        if (longSpeeches > 0) {
            figure += "; %d over 120 words, the longest %d".formatted(longSpeeches, longestWords);
        }
        if (longestAt >= 0 && longestWords > 40) {
            var element = elements.get(longestAt);
            var where = text.evidenceAt(longestAt);
            evidence.add(Evidence.quoted(
                    ScriptWords.clip(element.text().replaceAll("\\s+", " ").strip(), 120),
                    element.page(),
                    where.scene(),
                    where.sceneNumber()));
        }
        String meaning = share > 75
                ? "Talk-heavy: most produced scripts sit between 30% and 65% dialogue."
                : share < 20
                        ? "Mostly action and description: most produced scripts sit between 30% and 65% dialogue."
                        : "Within the 30% to 65% most produced scripts sit in"
                                + (share < 30 || share > 65 ? " give or take" : "")
                                + "; speeches over 120 words are monologues.";
        return new Indicator(
                "dialogue_share", "Dialogue balance", (double) share, "percent", figure, meaning, evidence);
    }

    Indicator lead() {
        var lead = protagonist();
        if (lead == null) {
            return null;
        }
        var figure = new StringBuilder("%s: %d%% of the dialogue".formatted(lead.name(), pct(lead.dialogueShare())));
        if (sceneCount > 0) {
            figure.append(", in %d of %d scenes".formatted(lead.scenes(), sceneCount));
        }
        var evidence = new ArrayList<Evidence>();
        int first = Math.max(1, lead.firstPage());
        figure.append(", first speaks on p. ").append(first);
        evidence.add(Evidence.page(first));
        var gap = absence(lead.name());
        if (gap != null && pages >= 20 && gap[1] - gap[0] + 1 >= Math.max(10, pages * 0.15)) {
            figure.append("; absent from pp. %d–%d".formatted(gap[0], gap[1]));
            evidence.add(Evidence.page(gap[0]));
        }
        figure.append("; %d speaking roles".formatted(stats.speakingRoles()));
        return new Indicator(
                "lead_share",
                "Lead presence",
                (double) pct(lead.dialogueShare()),
                "percent",
                figure.toString(),
                "How much the script rests on one character: the one who speaks most and "
                        + "appears in most scenes. A long absence is where a reader may lose the thread.",
                evidence);
    }

    Indicator format() {
        long standard = screenplay.scenes().stream()
                .filter(s -> s.setting() != null && !"OTHER".equals(s.setting()))
                .count();
        long timed = screenplay.scenes().stream()
                .filter(s -> s.timeOfDay() != null && !"OTHER".equals(s.timeOfDay()))
                .count();
        int share = sceneCount == 0 ? 0 : (int) Math.round(100.0 * standard / sceneCount);
        var figure = sceneCount == 0
                ? "No scene headings"
                : "%d%% of %d scene headings start INT./EXT. (%d name a time of day)"
                        .formatted(share, sceneCount, timed);
        figure += screenplay.titlePage().isEmpty() ? "; no title page" : "; a title page";
        var meaning = sceneCount == 0
                ? "Without scene headings the script does not follow screenplay format."
                : share >= 80
                        ? "Follows industry screenplay format in its headings."
                        : "Many headings depart from the INT./EXT. LOCATION - DAY form readers expect (or are inserts and "
                                + "character slugs the parser read as headings).";
        return new Indicator(
                "format",
                "Format conformance",
                (double) share,
                "percent",
                figure,
                meaning,
                List.of(Evidence.statistic()));
    }

    /** The longest stretch of pages where the character neither speaks nor is named, as {from, to}. */
    int[] absence(String name) {
        var present = new TreeSet<Integer>();
        var upper = name.toUpperCase(Locale.ROOT);
        var lower = name.toLowerCase(Locale.ROOT);
        for (var e : screenplay.elements()) {
            if (e.type() == ElementType.CHARACTER) {
                if (e.text()
                        .toUpperCase(Locale.ROOT)
                        .replaceAll("\\s*\\(.*$", "")
                        .strip()
                        .equals(upper)) {
                    present.add(e.page());
                }
            } else if (e.type() == ElementType.ACTION
                    && ScriptWords.words(e.text()).contains(lower)) {
                present.add(e.page());
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        int[] best = null;
        int previous = 0;
        for (int page : present) {
            if (page - previous - 1 > (best == null ? 0 : best[1] - best[0] + 1)) {
                best = new int[] {previous + 1, page - 1};
            }
            previous = page;
        }
        if (pages - previous > (best == null ? 0 : best[1] - best[0] + 1)) {
            best = new int[] {previous + 1, pages};
        }
        return best;
    }

    static int pct(double share) {
        return (int) Math.round(share * 100);
    }

    private static String eighths(double eighths) {
        return Eighths.format((int) Math.round(eighths));
    }
}
