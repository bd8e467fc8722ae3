package ai.sorot.lambda.semantic;

import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.List;

/**
 * What is embedded for one analysis, so that the whole fits the time budget (about 25 short texts,
 * well under a second on two cores): what the report says the script is about (themes, genres,
 * tone, and the logline and synopsis when a model wrote them) and a sample of the script itself,
 * the opening action and dialogue of up to {@value #SCENES} scenes spread evenly through it.
 */
public record AnalysisText(List<String> about, List<String> scenes) {

    static final int SCENES = 24;
    /** A sample's length in characters: about 60 words, inside the model's 256-token window. */
    static final int SAMPLE_CHARS = 360;

    public AnalysisText {
        about = List.copyOf(about);
        scenes = List.copyOf(scenes);
    }

    public boolean isEmpty() {
        return about.isEmpty() && scenes.isEmpty();
    }

    /**
     * @param parsed the screenplay with its paragraphs (read again from the saved file), or null
     *               when the library has no file for the analysis: then only the report counts
     */
    public static AnalysisText of(AnalysisReport report, Screenplay parsed) {
        var about = new ArrayList<String>();
        var coverage = report.coverage();
        if (coverage != null) {
            var cues = new ArrayList<String>();
            cues.addAll(coverage.themes());
            cues.addAll(coverage.genres());
            if (coverage.tone() != null && !coverage.tone().isBlank()) {
                cues.add(coverage.tone());
            }
            if (!cues.isEmpty()) {
                about.add(clip(String.join(", ", cues)));
            }
            // without a model the logline is a statistics line (pages, night, lead): it says nothing
            // of what the script is about, and would make every short look like every other short
            boolean noModel =
                    coverage.provenance() != null && !coverage.provenance().modelRead();
            if (!noModel && coverage.logline() != null && !coverage.logline().isBlank()) {
                about.add(clip(coverage.logline()));
            }
            if (coverage.synopsis() != null && !coverage.synopsis().isBlank()) {
                about.add(clip(coverage.synopsis()));
            }
        }
        return new AnalysisText(about, parsed == null ? List.of() : sampleScenes(parsed.elements()));
    }

    /** The opening action and dialogue of evenly spaced scenes (the whole script when it has no headings). */
    static List<String> sampleScenes(List<Element> elements) {
        var scenes = new ArrayList<List<Element>>();
        var current = new ArrayList<Element>();
        for (var e : elements) {
            if (e.type() == ElementType.SCENE_HEADING) {
                if (!current.isEmpty()) {
                    scenes.add(current);
                }
                current = new ArrayList<>();
            } else if (e.type() == ElementType.ACTION || e.type() == ElementType.DIALOGUE) {
                current.add(e);
            }
        }
        if (!current.isEmpty()) {
            scenes.add(current);
        }
        var picked = new ArrayList<String>();
        int n = Math.min(SCENES, scenes.size());
        for (int i = 0; i < n; i++) {
            var scene = scenes.get((int) ((long) i * scenes.size() / n));
            var text = new StringBuilder();
            for (var e : scene) {
                if (text.length() >= SAMPLE_CHARS) {
                    break;
                }
                text.append(e.text().replaceAll("\\s+", " ").strip()).append(' ');
            }
            var sample = clip(text.toString().strip());
            if (sample.length() >= 20) {
                picked.add(sample);
            }
        }
        return picked;
    }

    private static String clip(String text) {
        var t = text.strip();
        if (t.length() <= SAMPLE_CHARS) {
            return t;
        }
        int cut = t.lastIndexOf(' ', SAMPLE_CHARS);
        return t.substring(0, cut > SAMPLE_CHARS / 2 ? cut : SAMPLE_CHARS);
    }
}
