package ai.sorot.model.screenplay;

import java.util.List;
import java.util.Map;

/**
 * The figures a script reader and a programmer look for before reading a page.
 *
 * @param runtimeMinutes   estimated screen time: one page a minute, the industry rule
 * @param settings         scene count per INT / EXT / INT/EXT / OTHER
 * @param timesOfDay       scene count per DAY / NIGHT / other labels (DUSK, CONTINUOUS...)
 * @param dialogueShare    dialogue words over all words (dialogue + action)
 * @param sceneLengths     every scene's length in eighths, in script order
 * @param longestScenes    the longest scenes, longest first
 * @param pages            per-page counts: the density series for a chart
 */
public record ScreenplayStats(
        int pageCount,
        double runtimeMinutes,
        int sceneCount,
        Map<String, Integer> settings,
        Map<String, Integer> timesOfDay,
        List<LocationStat> locations,
        List<CharacterStat> characters,
        int speakingRoles,
        int dialogueWords,
        int actionWords,
        double dialogueShare,
        List<SceneLength> sceneLengths,
        List<SceneLength> longestScenes,
        List<PageStat> pages) {

    public ScreenplayStats {
        settings = settings == null ? Map.of() : settings;
        timesOfDay = timesOfDay == null ? Map.of() : timesOfDay;
        locations = locations == null ? List.of() : List.copyOf(locations);
        characters = characters == null ? List.of() : List.copyOf(characters);
        sceneLengths = sceneLengths == null ? List.of() : List.copyOf(sceneLengths);
        longestScenes = longestScenes == null ? List.of() : List.copyOf(longestScenes);
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    /** A place the story returns to: how often, and how much of the script it holds. */
    public record LocationStat(String name, int scenes, int eighths, double pageShare) {}

    /** One speaking character. {@code dialogueShare} is their words over all dialogue words. */
    public record CharacterStat(
            String name, int speeches, int words, int scenes, int firstPage, double dialogueShare) {}

    /** A scene's length, in eighths of a page ({@code 13} prints as {@code 1 5/8}). */
    public record SceneLength(int scene, String sceneNumber, String heading, int page, int eighths) {

        public String display() {
            return Eighths.format(eighths);
        }
    }

    /** One page of the script; {@code dialogueDensity} is dialogue words over the page's words. */
    public record PageStat(int page, int dialogueWords, int actionWords, int speeches, double dialogueDensity) {}
}
