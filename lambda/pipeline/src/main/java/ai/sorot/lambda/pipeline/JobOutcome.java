package ai.sorot.lambda.pipeline;

import ai.sorot.model.report.Recommendation;
import java.time.Instant;

/** What the job row keeps of a finished report, for the library list. */
public record JobOutcome(Instant completedAt, String title, Recommendation recommendation, Double overallScore) {}
