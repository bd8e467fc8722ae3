package ai.sorot.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Step 3: what the trailer does. Offline, only the link is known: {@code analysed} is false and
 * {@code note} says so; nothing is invented about a video nobody watched.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrailerAnalysis(
        String url,
        String platform,
        String videoId,
        boolean analysed,
        String pacing,
        String tone,
        String hook,
        String promiseVsScript,
        Integer score,
        Double durationSeconds,
        List<Claim> observations,
        String note,
        Provenance provenance) {

    public TrailerAnalysis {
        observations = observations == null ? List.of() : List.copyOf(observations);
    }
}
