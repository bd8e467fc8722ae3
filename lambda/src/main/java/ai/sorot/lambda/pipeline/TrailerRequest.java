package ai.sorot.lambda.pipeline;

import ai.sorot.model.screenplay.Screenplay;
import java.time.Duration;

/** What the trailer analyst gets: the link, and the screenplay to compare the trailer's promise with. */
public record TrailerRequest(String analysisId, TrailerLink link, Screenplay screenplay, Duration budget) {}
