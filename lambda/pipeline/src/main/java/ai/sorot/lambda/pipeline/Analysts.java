package ai.sorot.lambda.pipeline;

import java.util.Objects;

/** The four workers behind the steps that are not pure rules: who reads, who judges, who speaks. */
public record Analysts(
        ScreenplayExtractor extractor, CoverageAnalyst coverage, TrailerAnalyst trailer, Narrator narrator) {

    public Analysts {
        Objects.requireNonNull(extractor, "extractor");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(trailer, "trailer");
        Objects.requireNonNull(narrator, "narrator");
    }
}
