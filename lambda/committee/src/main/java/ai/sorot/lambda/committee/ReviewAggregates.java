package ai.sorot.lambda.committee;

import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.Review;
import ai.sorot.model.committee.ReviewAggregate;
import java.util.Collection;
import java.util.EnumMap;

/** What a committee's reviews of one script add up to: count, mean, verdicts, spread, deviation. */
public final class ReviewAggregates {

    private ReviewAggregates() {}

    public static ReviewAggregate of(Collection<Review> reviews) {
        var verdicts = new EnumMap<CommitteeVerdict, Integer>(CommitteeVerdict.class);
        for (var verdict : CommitteeVerdict.values()) {
            verdicts.put(verdict, 0);
        }
        var ratings = reviews.stream()
                .map(Review::rating)
                .filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue)
                .toArray();
        reviews.stream()
                .map(Review::verdict)
                .filter(java.util.Objects::nonNull)
                .forEach(v -> verdicts.merge(v, 1, Integer::sum));
        if (ratings.length == 0) {
            return new ReviewAggregate(reviews.size(), null, verdicts, null, null);
        }
        double mean = java.util.Arrays.stream(ratings).average().orElseThrow();
        double variance = java.util.Arrays.stream(ratings)
                        .mapToDouble(r -> (r - mean) * (r - mean))
                        .sum()
                / ratings.length;
        int spread = java.util.Arrays.stream(ratings).max().orElseThrow()
                - java.util.Arrays.stream(ratings).min().orElseThrow();
        return new ReviewAggregate(reviews.size(), mean, verdicts, spread, Math.sqrt(variance));
    }
}
