package ai.sorot.lambda.pipeline;

import ai.sorot.model.screenplay.Screenplay;
import java.time.Duration;

/**
 * What the coverage analyst reads: the parsed screenplay with its elements, scenes and
 * statistics (never the raw PDF), and how long it may take.
 */
public record CoverageRequest(String analysisId, String title, Screenplay screenplay, Duration budget) {}
