package ai.sorot.lambda.pipeline;

import ai.sorot.lambda.checks.ScriptChecks;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.ProgrammingNotes;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.report.TrailerAnalysis;
import ai.sorot.model.report.Verdicts;
import ai.sorot.model.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Step 4: merges coverage and the trailer into the curation report. Rules, not a model, so the
 * same inputs always give the same verdict whoever wrote the coverage. A verdict needs a reader:
 * when no model read the script the curation has no score and no recommendation ("Not judged").
 */
public final class Curator {

    /** How much an analysed trailer weighs in the overall score. */
    static final double TRAILER_WEIGHT = 0.15;

    public Curation curate(Screenplay screenplay, Coverage coverage, TrailerAnalysis trailer) {
        var text = new ScriptWords(screenplay);
        var why = ScriptChecks.text(screenplay).whyNoWordLists();
        var flags = why == null ? ContentFlags.scan(text) : List.<ContentFlags.Flag>of();
        var notes = new ProgrammingNotes(
                runtimeSlot(screenplay),
                why == null ? ContentFlags.audience(flags) : why.replace("Not assessed:", "Audience not assessed:"),
                flags.stream().map(ContentFlags.Flag::claim).toList());
        var claims = new ArrayList<Claim>();
        claims.add(lengthClaim(screenplay));
        claims.addAll(coverage.strengths());
        claims.addAll(coverage.concerns());
        if (trailer != null) {
            claims.addAll(trailer.observations());
        }
        if (!judged(coverage)) {
            return new Curation(null, null, unjudgedSummary(screenplay, coverage, trailer), notes, claims);
        }
        double scriptScore = scriptScore(coverage.grid());
        double overall = scriptScore;
        if (trailer != null && trailer.analysed() && trailer.score() != null) {
            overall = (1 - TRAILER_WEIGHT) * scriptScore + TRAILER_WEIGHT * trailer.score() * 10;
        }
        overall = Math.round(overall * 10) / 10.0;
        var recommendation = coverage.recommendation() != null ? coverage.recommendation() : fromScore(overall);
        return new Curation(
                overall,
                recommendation,
                summary(screenplay, coverage, trailer, overall, recommendation),
                notes,
                claims);
    }

    /** A verdict needs a reader: a model's coverage with a recommendation or a grid. */
    static boolean judged(Coverage coverage) {
        return !Verdicts.noModelRead(coverage)
                && (coverage.recommendation() != null || !coverage.grid().isEmpty());
    }

    static double scriptScore(List<GridScore> grid) {
        if (grid.isEmpty()) {
            return 0;
        }
        return grid.stream().mapToInt(GridScore::score).average().orElse(0) * 10;
    }

    static Recommendation fromScore(double score) {
        return score >= 75 ? Recommendation.RECOMMEND : score >= 55 ? Recommendation.CONSIDER : Recommendation.PASS;
    }

    /** Which programme slot a film of this length fits, at the industry's page a minute. */
    public static String runtimeSlot(Screenplay screenplay) {
        double minutes = runtimeMinutes(screenplay);
        long m = Math.round(minutes);
        if (minutes < 15) {
            return "Short, about %d min: fits a shorts programme.".formatted(Math.max(1, m));
        }
        if (minutes < 40) {
            return "Short, about %d min: a long short; shorts programmes usually favour under 20 min.".formatted(m);
        }
        if (minutes < 60) {
            return "Mid-length, about %d min: too long for most shorts slots, too short for a feature slot."
                    .formatted(m);
        }
        if (minutes < 80) {
            return "Short feature, about %d min: a feature slot, or paired with a short.".formatted(m);
        }
        if (minutes <= 110) {
            return "Feature, about %d min: a standard feature slot.".formatted(m);
        }
        if (minutes <= 125) {
            return "Feature, about %d min: a long feature slot.".formatted(m);
        }
        return "Long feature, about %d min: needs a long slot (over two hours).".formatted(m);
    }

    static double runtimeMinutes(Screenplay screenplay) {
        if (screenplay.stats() != null && screenplay.stats().runtimeMinutes() > 0) {
            return screenplay.stats().runtimeMinutes();
        }
        return Math.max(1, screenplay.pageCount());
    }

    private static Claim lengthClaim(Screenplay screenplay) {
        int pages = screenplay.pageCount();
        int scenes = screenplay.scenes().size();
        return new Claim(
                "%d pages, %d scenes: about %d minutes on screen at a page a minute."
                        .formatted(pages, scenes, Math.round(runtimeMinutes(screenplay))),
                List.of(Evidence.statistic()));
    }

    private static String summary(
            Screenplay screenplay,
            Coverage coverage,
            TrailerAnalysis trailer,
            double overall,
            Recommendation recommendation) {
        var sb = new StringBuilder();
        var title = screenplay.title() == null || screenplay.title().isBlank() ? "This screenplay" : screenplay.title();
        sb.append(title).append(": ").append(screenplay.pageCount()).append(" pages");
        if (!coverage.genres().isEmpty()) {
            sb.append(", ").append(String.join(" / ", coverage.genres()).toLowerCase(Locale.ROOT));
        }
        if (coverage.protagonist() != null) {
            sb.append(", centred on ").append(coverage.protagonist());
        }
        sb.append(". ");
        sb.append(recommendation.name()).append(" at %.0f/100. ".formatted(overall));
        sb.append(trailerSentence(trailer));
        return sb.toString().strip();
    }

    private static String unjudgedSummary(Screenplay screenplay, Coverage coverage, TrailerAnalysis trailer) {
        var sb = new StringBuilder(Verdicts.NOT_JUDGED).append(". ");
        var title = screenplay.title() == null || screenplay.title().isBlank() ? "This screenplay" : screenplay.title();
        sb.append(title).append(": ").append(screenplay.pageCount()).append(" pages");
        if (coverage.protagonist() != null) {
            sb.append(", led by ").append(coverage.protagonist());
        }
        sb.append(". ").append(Verdicts.HOW_TO_JUDGE).append(' ');
        sb.append(trailerSentence(trailer));
        return sb.toString().strip();
    }

    private static String trailerSentence(TrailerAnalysis trailer) {
        var sb = new StringBuilder();
        if (trailer == null) {
            sb.append("No trailer was submitted.");
        } else if (!trailer.analysed()) {
            sb.append("The trailer link was recorded but not analysed.");
        } else if (trailer.score() != null) {
            sb.append("Trailer: %d/10.".formatted(trailer.score()));
        }
        return sb.toString();
    }
}
