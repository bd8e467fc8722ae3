package ai.sorot.desktop.queue;

import java.util.List;

/** The five pipeline steps, named as the API names them, shown before the first status arrives. */
public final class Steps {

    public static final List<String> NAMES = List.of(
            "Extracting screenplay",
            "Analyzing screenplay",
            "Analyzing trailer",
            "Scoring and curation",
            "Generating audio summary");

    /** Short labels for the step chips in a queue row. */
    public static final List<String> SHORT = List.of("Extract", "Coverage", "Trailer", "Scoring", "Audio");

    private Steps() {}
}
