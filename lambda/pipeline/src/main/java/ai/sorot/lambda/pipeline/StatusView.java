package ai.sorot.lambda.pipeline;

import ai.sorot.model.api.AnalysisStatus;
import ai.sorot.model.api.AnalysisSummary;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.StepState;
import ai.sorot.model.api.StepStatus;

/** How a stored job reads in {@code GET /status} and in the {@code GET /analyses} list. */
public final class StatusView {

    private static final int STEP_PERCENT = 100 / AnalysisStatus.TOTAL_STEPS;

    private StatusView() {}

    public static AnalysisStatus status(Job job) {
        var current = current(job);
        int progress = switch (job.state()) {
            case COMPLETED -> 100;
            default ->
                Math.min(
                        99,
                        job.doneSteps() * STEP_PERCENT
                                + (job.step(current).status() == StepStatus.RUNNING ? STEP_PERCENT / 2 : 0));
        };
        var steps = job.steps().stream()
                .map(s -> new StepState(
                        s.step().stepName(),
                        s.status(),
                        s.startedAt(),
                        s.finishedAt(),
                        s.error(),
                        s.provenance() == null ? null : s.provenance().provider(),
                        s.provenance() == null ? null : s.provenance().model()))
                .toList();
        return new AnalysisStatus(
                job.id(),
                job.state(),
                current.number(),
                AnalysisStatus.TOTAL_STEPS,
                current.stepName(),
                progress,
                steps,
                job.error());
    }

    /** The step the job is at: the failed one, the first unfinished one, or the last when all are done. */
    static PipelineStep current(Job job) {
        if (job.state() == JobState.FAILED) {
            var failed = job.failedStep();
            if (failed.isPresent()) {
                return failed.get().step();
            }
        }
        return job.nextStep().map(StepRun::step).orElse(PipelineStep.AUDIO);
    }

    /** The provider name of the offline analyser that scored scripts no model read (Sorot before "Not judged"). */
    static final String LEGACY_NO_MODEL_PROVIDER = "offline heuristics";

    /**
     * A job whose coverage the old offline analyser wrote lists with no verdict, whatever that
     * Sorot stored for it. (By provider name: a job store may not keep where a model ran, so a
     * local model's provenance can read back as offline; only the legacy analyser's verdicts go.)
     */
    public static AnalysisSummary summary(Job job) {
        var coverage = job.step(PipelineStep.COVERAGE).provenance();
        boolean judged = coverage == null || !LEGACY_NO_MODEL_PROVIDER.equals(coverage.provider());
        return new AnalysisSummary(
                job.id(),
                job.title(),
                job.submission().fileName(),
                job.state(),
                job.createdAt(),
                job.completedAt(),
                judged && job.recommendation() != null ? job.recommendation().name() : null,
                judged ? job.overallScore() : null);
    }
}
