package ai.sorot.lambda.semantic;

import java.util.ArrayList;

/** One vector per analysis: the script's sampled scenes and what the report says it is about, averaged. */
public final class AnalysisEmbedding {

    /**
     * How much the report's words weigh against the scenes' when both are there: the scenes are
     * the script itself, the report's themes a summary of it, so each counts for half.
     */
    static final double ABOUT_WEIGHT = 0.5;

    private AnalysisEmbedding() {}

    /** The analysis's vector (length 1), or null when there is nothing to embed. */
    public static float[] of(AnalysisText text, Embedder embedder) {
        if (text.isEmpty()) {
            return null;
        }
        var all = new ArrayList<String>(text.about());
        all.addAll(text.scenes());
        var vectors = embedder.embed(all);
        var about = vectors.subList(0, text.about().size());
        var scenes = vectors.subList(text.about().size(), vectors.size());
        if (about.isEmpty()) {
            return Vectors.mean(scenes, Embedder.DIMENSIONS);
        }
        if (scenes.isEmpty()) {
            return Vectors.mean(about, Embedder.DIMENSIONS);
        }
        return Vectors.blend(
                Vectors.mean(about, Embedder.DIMENSIONS),
                ABOUT_WEIGHT,
                Vectors.mean(scenes, Embedder.DIMENSIONS),
                1 - ABOUT_WEIGHT);
    }
}
