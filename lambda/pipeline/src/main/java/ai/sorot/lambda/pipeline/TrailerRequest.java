package ai.sorot.lambda.pipeline;

import ai.sorot.model.api.TrailerLink;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.screenplay.Screenplay;
import java.time.Duration;

/**
 * What the trailer analyst gets: the link, the screenplay to compare the trailer's promise with,
 * and the coverage when it finished before this step started (its logline and synopsis say more
 * about the film than the script's first pages); null otherwise.
 */
public record TrailerRequest(
        String analysisId, TrailerLink link, Screenplay screenplay, Coverage coverage, Duration budget) {

    public TrailerRequest(String analysisId, TrailerLink link, Screenplay screenplay, Duration budget) {
        this(analysisId, link, screenplay, null, budget);
    }
}
