package ai.sorot.model.committee;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How far a session's readers agree on ratings: Krippendorff's alpha (ordinal), over the scripts
 * with at least two ratings ({@code scriptsCompared}); 1 is perfect agreement, 0 what chance would
 * give, below 0 systematic disagreement. Absent when fewer than two scripts can be compared or
 * every rating is the same. {@code mostDisputed} lists the scripts with the widest rating spread,
 * widest first: the ones the committee should discuss.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Agreement(String method, Double alpha, int scriptsCompared, List<Disputed> mostDisputed) {

    public record Disputed(String analysisId, String title, int ratingSpread, List<Integer> ratings) {}
}
