package ai.sorot.lambda.library;

import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Verdicts;
import java.util.ArrayList;

/** The columns of a report the library searches, filters and sorts on. */
record ReportRow(
        String title,
        String authors,
        String logline,
        String synopsis,
        String genres,
        String recommendation,
        Double score,
        Integer pages,
        Double runtime,
        Integer scenes,
        String analysers) {

    /** The row of a report as it may be shown: no verdict where no model read the script. */
    static ReportRow of(AnalysisReport saved) {
        var report = Verdicts.shown(saved);
        var coverage = report.coverage();
        var curation = report.curation();
        var screenplay = report.screenplay();
        var stats = screenplay == null ? null : screenplay.stats();
        String title = report.title() != null && !report.title().isBlank()
                ? report.title()
                : report.fileName() != null ? report.fileName() : report.analysisId();
        var analysers = new ArrayList<String>();
        if (coverage != null && coverage.provenance() != null) {
            analysers.add(coverage.provenance().label());
        }
        if (report.trailer() != null
                && report.trailer().provenance() != null
                && !analysers.contains(report.trailer().provenance().label())) {
            analysers.add(report.trailer().provenance().label());
        }
        return new ReportRow(
                title,
                String.join(", ", report.authors()),
                coverage == null || coverage.logline() == null ? "" : coverage.logline(),
                coverage == null || coverage.synopsis() == null ? "" : coverage.synopsis(),
                coverage == null ? "" : String.join(", ", coverage.genres()),
                curation != null && curation.recommendation() != null
                        ? curation.recommendation().name()
                        : coverage != null && coverage.recommendation() != null
                                ? coverage.recommendation().name()
                                : null,
                curation == null ? null : curation.overallScore(),
                screenplay == null ? null : screenplay.pageCount(),
                stats == null ? null : stats.runtimeMinutes(),
                stats == null ? null : stats.sceneCount(),
                String.join(", ", analysers));
    }
}
