package ai.sorot.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Answer to {@code GET /status?id=}: {@code totalSteps} is always 5, {@code progress} 0..100. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalysisStatus(
        String analysisId,
        JobState status,
        int currentStep,
        int totalSteps,
        String stepName,
        int progress,
        List<StepState> steps,
        ApiError error) {

    public static final int TOTAL_STEPS = 5;

    public AnalysisStatus {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
