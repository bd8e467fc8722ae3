package ai.sorot.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One row of {@code GET /analyses}: enough for the desktop library to decide what to fetch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalysisSummary(
        String analysisId,
        String title,
        String fileName,
        JobState status,
        Instant createdAt,
        Instant completedAt,
        String recommendation,
        Double overallScore) {}
