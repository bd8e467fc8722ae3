package ai.sorot.lambda.committee;

import ai.sorot.model.committee.Agreement;
import ai.sorot.model.committee.Review;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a session's readers agree: ordinal Krippendorff's alpha over the scripts with two or
 * more ratings, and the scripts with the widest rating spread, the ones to discuss first.
 */
public final class SessionAgreement {

    public static final String METHOD = "krippendorff-alpha-ordinal";
    static final int MOST_DISPUTED = 10;

    private SessionAgreement() {}

    /** {@code titles}: the session's scripts by id, in session order. */
    public static Agreement of(Map<String, String> titles, List<Review> sessionReviews) {
        var ratings = new LinkedHashMap<String, List<Integer>>();
        titles.keySet().forEach(id -> ratings.put(id, new ArrayList<>()));
        for (var review : sessionReviews) {
            var list = ratings.get(review.analysisId());
            if (list != null && review.rating() != null) {
                list.add(review.rating());
            }
        }
        var units = ratings.values().stream()
                .filter(r -> r.size() >= 2)
                .map(List::copyOf)
                .toList();
        var alpha = KrippendorffAlpha.alpha(units, KrippendorffAlpha.Metric.ORDINAL);
        var disputed = ratings.entrySet().stream()
                .filter(e -> e.getValue().size() >= 2)
                .map(e -> new Agreement.Disputed(
                        e.getKey(),
                        titles.get(e.getKey()),
                        spread(e.getValue()),
                        e.getValue().stream().sorted().toList()))
                .filter(d -> d.ratingSpread() > 0)
                .sorted(Comparator.comparingInt(Agreement.Disputed::ratingSpread)
                        .reversed()
                        .thenComparing(Agreement.Disputed::analysisId))
                .limit(MOST_DISPUTED)
                .toList();
        return new Agreement(
                METHOD, alpha.isPresent() && units.size() >= 2 ? alpha.getAsDouble() : null, units.size(), disputed);
    }

    private static int spread(List<Integer> ratings) {
        return ratings.stream().mapToInt(Integer::intValue).max().orElse(0)
                - ratings.stream().mapToInt(Integer::intValue).min().orElse(0);
    }
}
