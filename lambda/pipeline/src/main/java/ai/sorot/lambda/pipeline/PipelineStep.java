package ai.sorot.lambda.pipeline;

/**
 * The five steps of an analysis, in the order they run. Their names are part of the API: the
 * desktop shows them and {@code GET /status} reports them verbatim.
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

    /**
     * The steps whose outputs this one reads. Coverage and trailer analysis both need only the
     * screenplay, so a worker may run them at the same time; curation needs both.
     */
    public java.util.Set<PipelineStep> requires() {
        return switch (this) {
            case EXTRACT -> java.util.EnumSet.noneOf(PipelineStep.class);
            case COVERAGE, TRAILER -> java.util.EnumSet.of(EXTRACT);
            case CURATION -> java.util.EnumSet.of(COVERAGE, TRAILER);
            case AUDIO -> java.util.EnumSet.of(CURATION);
        };
    }

    public static PipelineStep ofNumber(int number) {
        if (number < 1 || number > values().length) {
            throw new IllegalArgumentException("no step " + number);
        }
        return values()[number - 1];
    }
}
