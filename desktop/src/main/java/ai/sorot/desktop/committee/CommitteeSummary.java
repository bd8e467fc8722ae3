package ai.sorot.desktop.committee;

import ai.sorot.model.committee.AnalysisReviews;
import ai.sorot.model.committee.CommitteeVerdict;
import java.util.Locale;

/** The committee's reviews of one script in one line, as review mode shows them beside the curator's own. */
public final class CommitteeSummary {

    private CommitteeSummary() {}

    /**
     * @param ownExists whether the curator has rated it here (a blind session hides the others' until
     *                  the server has their review; this says which of the two is missing)
     */
    public static String describe(AnalysisReviews reviews, boolean ownExists) {
        if (reviews == null) {
            return "The committee's reviews of this script have not been synced yet.";
        }
        if (reviews.hidden()) {
            return ownExists
                    ? "Blind session: the committee's ratings show once your review reaches the server."
                    : "Blind session: the committee's ratings show once you have rated this script.";
        }
        var aggregate = reviews.aggregate();
        if (aggregate == null || aggregate.count() == 0) {
            return "No one on the committee has reviewed this script yet.";
        }
        var text = new StringBuilder(aggregate.count() + " review" + (aggregate.count() == 1 ? "" : "s"));
        if (aggregate.meanRating() != null) {
            text.append(String.format(Locale.ROOT, " · mean %.1f★", aggregate.meanRating()));
        }
        if (aggregate.verdictCounts() != null) {
            for (var verdict : CommitteeVerdict.values()) {
                int count = aggregate.verdictCounts().getOrDefault(verdict, 0);
                if (count > 0) {
                    text.append(" · ").append(count).append(' ').append(label(verdict));
                }
            }
        }
        if (aggregate.ratingSpread() != null) {
            int spread = aggregate.ratingSpread();
            text.append(" · spread ")
                    .append(spread)
                    .append(spread == 0 ? " (all agree)" : spread >= 3 ? " (split: discuss it)" : "");
        }
        return text.toString();
    }

    static String label(CommitteeVerdict verdict) {
        return switch (verdict) {
            case ACCEPT -> "accept";
            case MAYBE -> "maybe";
            case DECLINE -> "decline";
        };
    }
}
