package ai.sorot.lambda.screenplay;

import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Scene;
import ai.sorot.model.screenplay.Screenplay;
import ai.sorot.model.screenplay.ScreenplayStats;
import ai.sorot.model.screenplay.ScreenplayStats.CharacterStat;
import ai.sorot.model.screenplay.ScreenplayStats.LocationStat;
import ai.sorot.model.screenplay.ScreenplayStats.PageStat;
import ai.sorot.model.screenplay.ScreenplayStats.SceneLength;
import ai.sorot.model.screenplay.TitlePage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;

/**
 * From positioned paragraphs to the finished screenplay: scenes with their lengths in eighths,
 * and the statistics. Both the PDF and the Fountain readers end here, so the figures mean the
 * same whatever the source.
 */
final class ScreenplayBuilder {

    private static final int LONGEST_SCENES = 5;

    private ScreenplayBuilder() {}

    static Screenplay build(TitlePage titlePage, List<Block> blocks, int pageCount, Screenplay.SourceFormat format) {
        return build(titlePage, blocks, pageCount, format, false);
    }

    static Screenplay build(
            TitlePage titlePage,
            List<Block> blocks,
            int pageCount,
            Screenplay.SourceFormat format,
            boolean textLayerRepaired) {
        var elements = new ArrayList<Element>(blocks.size());
        for (var block : blocks) {
            elements.add(block.toElement());
        }
        var scenes = scenes(blocks);
        var stats = stats(blocks, scenes, pageCount);
        return new Screenplay(
                titlePage.title(),
                titlePage.authors(),
                pageCount,
                format,
                titlePage,
                elements,
                scenes,
                stats,
                textLayerRepaired);
    }

    private static List<Scene> scenes(List<Block> blocks) {
        var scenes = new ArrayList<Scene>();
        int start = -1;
        for (int i = 0; i <= blocks.size(); i++) {
            boolean heading = i < blocks.size() && blocks.get(i).type() == ElementType.SCENE_HEADING;
            if ((heading || i == blocks.size()) && start >= 0) {
                scenes.add(scene(
                        blocks,
                        scenes.size() + 1,
                        start,
                        i - 1,
                        i < blocks.size() ? blocks.get(i).start() : -1));
            }
            if (heading) {
                start = i;
            }
        }
        return scenes;
    }

    private static Scene scene(List<Block> blocks, int index, int first, int last, double nextStart) {
        var heading = blocks.get(first);
        var parts = SceneHeading.parse(heading.text());
        double end = nextStart >= 0 ? nextStart : blocks.get(last).end();
        int eighths = Math.max(1, (int) Math.round((end - heading.start()) * 8));
        var speakers = new LinkedHashSet<String>();
        for (int i = first; i <= last; i++) {
            if (blocks.get(i).type() == ElementType.CHARACTER) {
                speakers.add(ScreenplayText.speaker(blocks.get(i).text()));
            }
        }
        return new Scene(
                index,
                heading.sceneNumber(),
                heading.text(),
                parts.setting(),
                parts.location(),
                parts.timeOfDay() == null ? "OTHER" : parts.timeOfDay(),
                heading.page(),
                blocks.get(last).page(),
                eighths,
                List.copyOf(speakers),
                first,
                last);
    }

    private static ScreenplayStats stats(List<Block> blocks, List<Scene> scenes, int pageCount) {
        var settings = new LinkedHashMap<String, Integer>();
        for (var key : List.of("INT", "EXT", "INT/EXT", "OTHER")) {
            settings.put(key, 0);
        }
        var times = new LinkedHashMap<String, Integer>();
        for (var key : SceneHeading.BUCKETS) {
            times.put(key, 0);
        }
        var locations = new LinkedHashMap<String, int[]>();
        var names = new LinkedHashMap<String, String>();
        int totalEighths = 0;
        String previousTime = null;
        for (var scene : scenes) {
            settings.merge(scene.setting(), 1, Integer::sum);
            // CONTINUOUS, LATER and SAME take the time of the scene they continue
            boolean intercut = SceneHeading.isIntercut(scene.heading());
            previousTime = intercut && previousTime != null
                    ? previousTime
                    : SceneHeading.parse(scene.heading()).timeBucket(previousTime);
            times.merge(previousTime, 1, Integer::sum);
            totalEighths += scene.eighths();
            if (intercut) {
                continue; // an instruction to cut between places already counted, not a place
            }
            // the first spelling of a place names it; later spellings (BIG-TOP, BIG TOP) join it
            String key = SceneHeading.locationKey(scene.location());
            names.putIfAbsent(key, scene.location());
            var counts = locations.computeIfAbsent(key, k -> new int[2]);
            counts[0]++;
            counts[1] += scene.eighths();
        }
        var locationStats = new ArrayList<LocationStat>();
        for (var entry : locations.entrySet()) {
            locationStats.add(new LocationStat(
                    names.get(entry.getKey()),
                    entry.getValue()[0],
                    entry.getValue()[1],
                    round(totalEighths == 0 ? 0 : entry.getValue()[1] / (double) totalEighths)));
        }
        locationStats.sort(Comparator.comparingInt(LocationStat::eighths)
                .reversed()
                .thenComparing(Comparator.comparingInt(LocationStat::scenes).reversed()));

        // characters and words, scene by scene
        var characters = new LinkedHashMap<String, int[]>(); // speeches, words, firstPage
        var characterScenes = new LinkedHashMap<String, LinkedHashSet<Integer>>();
        var pages = new TreeMap<Integer, int[]>(); // dialogue words, action words, speeches
        int dialogueWords = 0;
        int actionWords = 0;
        String speaker = null;
        int sceneIndex = 0;
        for (var block : blocks) {
            var page = pages.computeIfAbsent(block.page(), k -> new int[3]);
            switch (block.type()) {
                case SCENE_HEADING -> sceneIndex++;
                case CHARACTER -> {
                    speaker = ScreenplayText.speaker(block.text());
                    var c = characters.computeIfAbsent(speaker, k -> new int[] {0, 0, block.page()});
                    c[0]++;
                    characterScenes
                            .computeIfAbsent(speaker, k -> new LinkedHashSet<>())
                            .add(sceneIndex);
                    page[2]++;
                }
                case DIALOGUE, LYRICS -> {
                    int words = ScreenplayText.countWords(block.text());
                    dialogueWords += words;
                    page[0] += words;
                    if (speaker != null) {
                        characters.get(speaker)[1] += words;
                    }
                }
                case ACTION -> {
                    int words = ScreenplayText.countWords(block.text());
                    actionWords += words;
                    page[1] += words;
                }
                default -> {}
            }
        }
        var characterStats = new ArrayList<CharacterStat>();
        for (var entry : characters.entrySet()) {
            int[] c = entry.getValue();
            characterStats.add(new CharacterStat(
                    entry.getKey(),
                    c[0],
                    c[1],
                    characterScenes.get(entry.getKey()).size(),
                    c[2],
                    round(dialogueWords == 0 ? 0 : c[1] / (double) dialogueWords)));
        }
        characterStats.sort(Comparator.comparingInt(CharacterStat::words)
                .reversed()
                .thenComparing(Comparator.comparingInt(CharacterStat::speeches).reversed()));

        var pageStats = new ArrayList<PageStat>();
        for (int p = 1; p <= pageCount; p++) {
            int[] c = pages.getOrDefault(p, new int[3]);
            int words = c[0] + c[1];
            pageStats.add(new PageStat(p, c[0], c[1], c[2], round(words == 0 ? 0 : c[0] / (double) words)));
        }
        var lengths = new ArrayList<SceneLength>();
        for (var scene : scenes) {
            lengths.add(new SceneLength(
                    scene.index(), scene.sceneNumber(), scene.heading(), scene.startPage(), scene.eighths()));
        }
        var longest = new ArrayList<>(lengths);
        longest.sort(Comparator.comparingInt(SceneLength::eighths).reversed().thenComparingInt(SceneLength::scene));
        double contentPages = blocks.isEmpty() ? 0 : Math.max(blocks.getLast().end() - 1, 0);
        double runtime = Math.round(Math.min(contentPages, pageCount) * 10) / 10.0;
        return new ScreenplayStats(
                pageCount,
                runtime,
                scenes.size(),
                settings,
                times,
                locationStats,
                characterStats,
                characterStats.size(),
                dialogueWords,
                actionWords,
                round(dialogueWords + actionWords == 0 ? 0 : dialogueWords / (double) (dialogueWords + actionWords)),
                lengths,
                longest.subList(0, Math.min(LONGEST_SCENES, longest.size())),
                pageStats);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
