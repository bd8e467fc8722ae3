package ai.sorot.lambda.library;

import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.Verdicts;
import ai.sorot.model.screenplay.Eighths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** PDF reports for a committee meeting: a whole session, or one analysis. */
final class LibraryPdf {

    private LibraryPdf() {}

    static void writeSession(Library library, long sessionId, Path out) throws IOException {
        var session = library.session(sessionId).orElseThrow();
        try (var pdf = new PdfReportWriter("Sorot - " + session.name())) {
            pdf.title(session.name());
            pdf.note("%d submissions, %d reviewed. Exported from the Sorot library."
                    .formatted(session.size(), session.reviewed()));
            int n = 0;
            for (var id : library.sessionItems(sessionId)) {
                var entry = library.entry(id).orElse(null);
                if (entry == null) {
                    continue;
                }
                pdf.heading((++n) + ". " + entry.title() + (entry.authors().isBlank() ? "" : " - " + entry.authors()));
                pdf.field(
                        "Model",
                        entry.recommendation() == null || entry.aiScore() == null
                                ? Verdicts.NOT_JUDGED
                                : "%s, %s/100 (%s)"
                                        .formatted(
                                                entry.recommendation(),
                                                format(entry.aiScore()),
                                                library.percentileInSession(id, sessionId)
                                                        .map(Percentile::label)
                                                        .orElse("unranked")));
                pdf.field(
                        "Curator",
                        "%s%s%s"
                                .formatted(
                                        entry.rating() == null ? "not rated" : "*".repeat(entry.rating()),
                                        entry.verdict() == null ? "" : ", " + entry.verdict(),
                                        entry.shortlisted() ? ", shortlisted" : ""));
                var scores = library.criterionScores(sessionId, id);
                if (!scores.isEmpty()) {
                    pdf.field(
                            "Score card",
                            scores.entrySet().stream()
                                    .map(s -> s.getKey() + " " + s.getValue())
                                    .collect(Collectors.joining(", ")));
                }
                pdf.field(
                        "Pages",
                        entry.pages() == null ? null : entry.pages() + ", about " + format(entry.runtime()) + " min");
                pdf.field("Logline", entry.logline());
                pdf.field("Notes", entry.notes());
                pdf.field("Tags", String.join(", ", entry.tags()));
            }
            AtomicFiles.write(out, pdf.toBytes());
        }
    }

    static void writeAnalysis(Library library, String id, Path out) throws IOException {
        var report = library.report(id);
        var entry = library.entry(id).orElseThrow();
        try (var pdf = new PdfReportWriter("Sorot - " + entry.title())) {
            pdf.title(entry.title());
            pdf.field("By", entry.authors());
            var curation = report.curation();
            if (curation != null && curation.isJudged()) {
                pdf.field(
                        "Recommendation",
                        curation.recommendation() + ", " + format(curation.overallScore()) + "/100 ("
                                + library.percentileInLibrary(id)
                                        .map(Percentile::label)
                                        .orElse("unranked") + ")");
            } else {
                pdf.field("Recommendation", Verdicts.NOT_JUDGED + ". " + Verdicts.HOW_TO_JUDGE);
            }
            pdf.field(
                    "Curator",
                    entry.rating() == null
                            ? "not rated"
                            : entry.rating() + " of 5" + (entry.verdict() == null ? "" : ", " + entry.verdict()));
            pdf.field("Analysers", entry.analysers());
            var coverage = report.coverage();
            if (coverage != null) {
                pdf.heading("Logline").paragraph(coverage.logline());
                pdf.heading("Synopsis").paragraph(coverage.synopsis());
                pdf.field("Genres", String.join(", ", coverage.genres()));
                pdf.field("Tone", coverage.tone());
                if (!coverage.grid().isEmpty()) {
                    pdf.heading("Coverage grid (model)");
                    for (var row : coverage.grid()) {
                        pdf.paragraph("%s: %d/10 - %s%s"
                                .formatted(row.criterion(), row.score(), row.reason(), cite(row.evidence())));
                    }
                }
                if (!coverage.indicators().isEmpty()) {
                    pdf.heading("Craft indicators (measured, not judged)");
                    for (var indicator : coverage.indicators()) {
                        pdf.paragraph("%s: %s. %s%s"
                                .formatted(
                                        indicator.name(),
                                        indicator.figure(),
                                        indicator.meaning(),
                                        cite(indicator.evidence())));
                    }
                }
                claims(pdf, "Strengths", coverage.strengths());
                claims(pdf, "Concerns", coverage.concerns());
                pdf.heading("Recommendation")
                        .paragraph(
                                coverage.recommendation() == null
                                        ? coverage.rationale()
                                        : coverage.recommendation() + ": " + coverage.rationale());
            }
            if (report.trailer() != null) {
                var trailer = report.trailer();
                pdf.heading("Trailer").field("Link", trailer.url());
                pdf.paragraph(
                        trailer.analysed()
                                ? "Pacing: %s. Tone: %s. Hook: %s."
                                        .formatted(trailer.pacing(), trailer.tone(), trailer.hook())
                                : trailer.note());
            }
            if (curation != null && curation.notes() != null) {
                pdf.heading("Programming notes")
                        .field("Slot", curation.notes().runtimeSlot())
                        .field("Audience", curation.notes().audience());
                claims(pdf, "Content", curation.notes().contentFlags());
            }
            screenplay(pdf, report);
            if (!entry.notes().isBlank()) {
                pdf.heading("Curator's notes").paragraph(entry.notes());
            }
            AtomicFiles.write(out, pdf.toBytes());
        }
    }

    private static void screenplay(PdfReportWriter pdf, AnalysisReport report) throws IOException {
        var screenplay = report.screenplay();
        if (screenplay == null || screenplay.stats() == null) {
            return;
        }
        var s = screenplay.stats();
        pdf.heading("Screenplay");
        pdf.paragraph("%d pages, about %.0f minutes, %d scenes, %d speaking roles; dialogue %.0f%% of the words."
                .formatted(
                        s.pageCount(), s.runtimeMinutes(), s.sceneCount(), s.speakingRoles(), s.dialogueShare() * 100));
        pdf.field("Settings", s.settings().toString());
        pdf.field("Time of day", s.timesOfDay().toString());
        pdf.field(
                "Leads",
                s.characters().stream()
                        .limit(5)
                        .map(c -> "%s (%.0f%%)".formatted(c.name(), c.dialogueShare() * 100))
                        .collect(Collectors.joining(", ")));
        pdf.field(
                "Longest scenes",
                s.longestScenes().stream()
                        .limit(3)
                        .map(l -> l.heading() + " " + Eighths.format(l.eighths()))
                        .collect(Collectors.joining("; ")));
    }

    private static void claims(PdfReportWriter pdf, String heading, java.util.List<Claim> claims) throws IOException {
        if (claims.isEmpty()) {
            return;
        }
        pdf.heading(heading);
        for (var claim : claims) {
            pdf.paragraph("- " + claim.text() + (claim.isVerified() ? cite(claim.evidence()) : " (unverified)"));
        }
    }

    private static String cite(java.util.List<Evidence> evidence) {
        var pages = evidence.stream()
                .map(Evidence::page)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .sorted()
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
        return pages.isEmpty() ? "" : " (p. " + pages + ")";
    }

    private static String format(Double value) {
        return value == null ? "-" : String.valueOf(Math.round(value));
    }
}
