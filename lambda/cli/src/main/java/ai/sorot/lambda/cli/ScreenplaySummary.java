package ai.sorot.lambda.cli;

import ai.sorot.model.screenplay.Eighths;
import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.Screenplay;
import ai.sorot.model.screenplay.ScreenplayStats;
import java.util.Map;

/** The plain-text summary {@code sorot parse} prints: what a reader wants before page one. */
final class ScreenplaySummary {

    private static final int TOP = 10;

    private ScreenplaySummary() {}

    static String full(Screenplay screenplay) {
        var out = new StringBuilder(stats(screenplay));
        out.append("\nScript\n");
        for (Element element : screenplay.elements()) {
            String label = switch (element.type()) {
                case SCENE_HEADING -> element.sceneNumber() == null ? "SCENE" : "SCENE " + element.sceneNumber();
                default -> element.type().name();
            };
            String text = element.text().length() > 100 ? element.text().substring(0, 97) + "..." : element.text();
            out.append(String.format(
                    "  p%-4d %-14s %s%s%n",
                    element.page(),
                    label,
                    text,
                    element.dual() == null ? "" : "  [dual " + element.dual().json() + "]"));
        }
        return out.toString();
    }

    static String stats(Screenplay screenplay) {
        ScreenplayStats s = screenplay.stats();
        var out = new StringBuilder();
        out.append(screenplay.title() == null ? "(untitled)" : TerminalText.safe(screenplay.title()));
        if (!screenplay.authors().isEmpty()) {
            out.append(" by ").append(String.join(", ", screenplay.authors()));
        }
        out.append('\n');
        var tp = screenplay.titlePage();
        if (tp.draftDate() != null) {
            out.append("Draft: ").append(tp.draftDate().replace('\n', ' ')).append('\n');
        }
        out.append(String.format(
                "%d pages, about %.0f minutes; %d scenes, %d speaking roles%n",
                s.pageCount(), s.runtimeMinutes(), s.sceneCount(), s.speakingRoles()));
        out.append("Settings: ")
                .append(split(s.settings()))
                .append("   Time: ")
                .append(split(s.timesOfDay()))
                .append('\n');
        out.append(String.format(
                "Words: %,d dialogue, %,d action (dialogue %.0f%%)%n",
                s.dialogueWords(), s.actionWords(), s.dialogueShare() * 100));
        if (!s.characters().isEmpty()) {
            out.append("\nCharacters            speeches   words  scenes  first p.  dialogue\n");
            s.characters().stream()
                    .limit(TOP)
                    .forEach(c -> out.append(String.format(
                            "  %-20s %8d %7d %7d %9d %8.1f%%%n",
                            clip(c.name(), 20),
                            c.speeches(),
                            c.words(),
                            c.scenes(),
                            c.firstPage(),
                            c.dialogueShare() * 100)));
        }
        if (!s.locations().isEmpty()) {
            out.append("\nLocations             scenes   pages   share\n");
            s.locations().stream()
                    .limit(TOP)
                    .forEach(l -> out.append(String.format(
                            "  %-20s %6d %7s %6.1f%%%n",
                            clip(l.name(), 20), l.scenes(), Eighths.format(l.eighths()), l.pageShare() * 100)));
        }
        if (!s.longestScenes().isEmpty()) {
            out.append("\nLongest scenes\n");
            s.longestScenes()
                    .forEach(l -> out.append(String.format(
                            "  %6s  p%-4d %s%n", Eighths.format(l.eighths()), l.page(), clip(l.heading(), 60))));
        }
        return out.toString();
    }

    private static String split(Map<String, Integer> counts) {
        var out = new StringBuilder();
        counts.forEach((k, v) -> {
            if (v > 0) {
                out.append(out.isEmpty() ? "" : ", ").append(k).append(' ').append(v);
            }
        });
        return out.isEmpty() ? "-" : out.toString();
    }

    private static String clip(String text, int width) {
        return TerminalText.clip(text, width);
    }
}
