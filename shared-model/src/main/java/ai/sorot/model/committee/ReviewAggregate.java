package ai.sorot.model.committee;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What the committee's reviews of one script add up to. {@code ratingSpread} is the highest rating
 * minus the lowest (0 when all agree, 4 for a 1 beside a 5), so a split committee is visible at a
 * glance; {@code ratingStdDev} is the population standard deviation of the ratings. Means and
 * spreads are absent when no review carries a rating.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewAggregate(
        int count,
        Double meanRating,
        Map<CommitteeVerdict, Integer> verdictCounts,
        Integer ratingSpread,
        Double ratingStdDev) {}
