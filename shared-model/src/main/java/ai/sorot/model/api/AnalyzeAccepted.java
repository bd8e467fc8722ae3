package ai.sorot.model.api;

/** Answer to {@code POST /analyze}: the job id to poll. */
public record AnalyzeAccepted(String analysisId, String status, String message) {

    public static AnalyzeAccepted started(String analysisId) {
        return new AnalyzeAccepted(analysisId, "processing", "Analysis started successfully");
    }

    public static AnalyzeAccepted existing(String analysisId, JobState state) {
        return new AnalyzeAccepted(analysisId, state.json(), "Analysis already exists for this file and trailer");
    }
}
