package ai.sorot.lambda.pipeline;

import java.util.EnumSet;
import java.util.Set;

/**
 * The five steps of an analysis, in the order they run. Their names are part of the API: the
 * desktop shows them and {@code GET /status} reports them verbatim. Coverage and the trailer
 * both read only the screenplay, so they may run at the same time: each step names the steps it
 * needs ({@link #prerequisites()}), and a store lets a step be claimed once those are done.
 */
public enum PipelineStep {
    EXTRACT("Extracting screenplay"),
    COVERAGE("Analyzing screenplay"),
    TRAILER("Analyzing trailer"),
    CURATION("Scoring and curation"),
    AUDIO("Generating audio summary");

    private final String stepName;

    PipelineStep(String stepName) {
        this.stepName = stepName;
    }

    /** 1-based, as the API counts. */
    public int number() {
        return ordinal() + 1;
    }

    public String stepName() {
        return stepName;
    }

    /** The steps whose output this one reads; it may start once they are completed or skipped. */
    public Set<PipelineStep> prerequisites() {
        return switch (this) {
            case EXTRACT -> EnumSet.noneOf(PipelineStep.class);
            case COVERAGE, TRAILER -> EnumSet.of(EXTRACT);
            case CURATION -> EnumSet.of(EXTRACT, COVERAGE, TRAILER);
            case AUDIO -> EnumSet.of(EXTRACT, COVERAGE, TRAILER, CURATION);
        };
    }

    public static PipelineStep ofNumber(int number) {
        if (number < 1 || number > values().length) {
            throw new IllegalArgumentException("no step " + number);
        }
        return values()[number - 1];
    }
}
