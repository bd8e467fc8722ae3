package ai.sorot.model.report;

/**
 * The rule every reader of a report applies: a verdict (recommendation, overall score, grid) stands
 * only when a model read the script. Reports saved before the rule, whose coverage provenance says
 * no model read them but which still carry a heuristic verdict, are shown, exported and ranked as
 * not judged.
 */
public final class Verdicts {

    /** What stands where a verdict would. */
    public static final String NOT_JUDGED = "Not judged: no model read this script";
    /** How to get a verdict. */
    public static final String HOW_TO_JUDGE =
            "For a verdict, set SOROT_LLM_URL to a local model (Ollama, llama.cpp) or analyse it in the cloud.";

    private Verdicts() {}

    /** Whether the report's coverage was written with no model reading the script. */
    public static boolean noModelRead(AnalysisReport report) {
        return report != null && noModelRead(report.coverage());
    }

    public static boolean noModelRead(Coverage coverage) {
        return coverage != null
                && coverage.provenance() != null
                && !coverage.provenance().modelRead();
    }

    /** The report as it may be shown: without the verdict, score and grid when no model read it. */
    public static AnalysisReport shown(AnalysisReport report) {
        if (!noModelRead(report)) {
            return report;
        }
        var coverage = report.coverage();
        var curation = report.curation();
        boolean judged = coverage.recommendation() != null
                || !coverage.grid().isEmpty()
                || curation != null && curation.isJudged();
        if (!judged) {
            return report;
        }
        var unjudgedCoverage = new Coverage(
                coverage.logline(),
                coverage.synopsis(),
                coverage.genres(),
                coverage.tone(),
                coverage.themes(),
                coverage.comparables(),
                coverage.protagonist(),
                coverage.strengths(),
                coverage.concerns(),
                java.util.List.of(),
                null,
                NOT_JUDGED + ". " + HOW_TO_JUDGE,
                coverage.provenance(),
                coverage.indicators());
        var unjudgedCuration = curation == null
                ? null
                : new Curation(null, null, curation.summary(), curation.notes(), curation.claims());
        return new AnalysisReport(
                report.analysisId(),
                report.title(),
                report.authors(),
                report.fileName(),
                report.trailerUrl(),
                report.createdAt(),
                report.completedAt(),
                report.screenplay(),
                unjudgedCoverage,
                report.trailer(),
                unjudgedCuration,
                report.audio(),
                report.steps(),
                report.usage(),
                report.checks());
    }

    /** A verdict as one line ("RECOMMEND, 82/100"), or {@link #NOT_JUDGED} when there is none. */
    public static String line(Curation curation) {
        if (curation == null || !curation.isJudged()) {
            return NOT_JUDGED;
        }
        return curation.recommendation().name() + ", " + Math.round(curation.overallScore()) + "/100";
    }
}
