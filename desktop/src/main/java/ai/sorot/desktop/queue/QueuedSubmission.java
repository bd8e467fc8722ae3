package ai.sorot.desktop.queue;

import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.api.StepState;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One queue row as saved in {@code desktop/queue.json}: enough to show it again after a restart
 * and to resume watching its analysis.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueuedSubmission(
        String id,
        String file,
        String fileName,
        ScriptFormat format,
        String title,
        int pages,
        boolean pagesEstimated,
        long sizeBytes,
        String sha256,
        boolean hasThumbnail,
        String trailerUrl,
        String analysisId,
        SubmissionState state,
        boolean force,
        int currentStep,
        String stepName,
        int progress,
        List<StepState> steps,
        String errorCode,
        String errorMessage,
        String recommendation,
        Double overallScore,
        Instant addedAt,
        Instant submittedAt,
        Instant finishedAt) {

    public QueuedSubmission {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
