package ai.sorot.lambda.pipeline;

import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Recommendation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One analysis as the {@link JobStore} keeps it: the submission, the five steps with their
 * outputs' keys, and, once finished, the verdict the library list shows.
 *
 * @param title the best title known: the one the client gave, else the title page's, else the file name
 */
public record Job(
        String id,
        JobState state,
        Submission submission,
        List<StepRun> steps,
        ApiError error,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        String title,
        Recommendation recommendation,
        Double overallScore) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(submission, "submission");
        steps = List.copyOf(steps);
        if (steps.size() != PipelineStep.values().length) {
            throw new IllegalArgumentException(
                    "a job has " + PipelineStep.values().length + " steps, not " + steps.size());
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step().ordinal() != i) {
                throw new IllegalArgumentException("steps out of order: " + steps);
            }
        }
    }

    /** A job just accepted: queued, every step pending. */
    public static Job accepted(String id, Submission submission, String title, Instant now) {
        var steps = new ArrayList<StepRun>();
        for (var step : PipelineStep.values()) {
            steps.add(StepRun.pending(step));
        }
        return new Job(id, JobState.QUEUED, submission, steps, null, now, now, null, title, null, null);
    }

    public StepRun step(PipelineStep step) {
        return steps.get(step.ordinal());
    }

    /** The first step not yet completed or skipped; empty when all five are. */
    public Optional<StepRun> nextStep() {
        return steps.stream().filter(s -> !s.status().isDone()).findFirst();
    }

    public Optional<StepRun> failedStep() {
        return steps.stream().filter(s -> s.status() == StepStatus.FAILED).findFirst();
    }

    public int doneSteps() {
        return (int) steps.stream().filter(s -> s.status().isDone()).count();
    }
}
