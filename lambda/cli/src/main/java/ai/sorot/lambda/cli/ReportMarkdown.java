package ai.sorot.lambda.cli;

import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.StepRecord;
import ai.sorot.model.report.Verdicts;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report as a Markdown page a programmer can read, print or paste into notes. */
public final class ReportMarkdown {

    private ReportMarkdown() {}

    public static String render(AnalysisReport saved) {
        var report = Verdicts.shown(saved);
        var md = new StringBuilder();
        md.append("# ")
                .append(escape(report.title() == null ? "Untitled" : report.title()))
                .append("\n\n");
        if (!report.authors().isEmpty()) {
            md.append("by ").append(escape(String.join(", ", report.authors()))).append("  \n");
        }
        md.append("File: `").append(report.fileName()).append("`  \n");
        if (report.trailerUrl() != null) {
            md.append("Trailer: <").append(report.trailerUrl()).append(">  \n");
        }
        md.append("Analysis: `").append(report.analysisId()).append("`");
        if (report.completedAt() != null) {
            md.append(", completed ").append(report.completedAt());
        }
        md.append("\n\n");

        var curation = report.curation();
        if (curation != null && curation.isJudged()) {
            md.append("## Verdict: ")
                    .append(curation.recommendation())
                    .append(" (")
                    .append(Math.round(curation.overallScore()))
                    .append("/100)\n\n");
            md.append(escape(curation.summary())).append("\n\n");
        } else if (curation != null) {
            md.append("## ")
                    .append(Verdicts.NOT_JUDGED)
                    .append("\n\n")
                    .append(Verdicts.HOW_TO_JUDGE)
                    .append("\n\n");
            md.append(escape(curation.summary())).append("\n\n");
        }
        var coverage = report.coverage();
        if (coverage != null) {
            md.append("## Coverage\n\n_")
                    .append(
                            coverage.provenance() == null
                                    ? ""
                                    : coverage.provenance().label())
                    .append("_\n\n");
            line(md, "Logline", coverage.logline());
            line(md, "Protagonist", coverage.protagonist());
            line(md, "Genres", String.join(", ", coverage.genres()));
            line(md, "Tone", coverage.tone());
            line(md, "Themes", String.join(", ", coverage.themes()));
            if (!coverage.comparables().isEmpty()) {
                line(md, "Comparable titles", String.join(", ", coverage.comparables()));
            }
            if (coverage.synopsis() != null) {
                md.append("\n### Synopsis\n\n");
                for (var l : coverage.synopsis().split("\\R")) {
                    md.append(escape(l)).append("  \n");
                }
            }
            if (!coverage.grid().isEmpty()) {
                md.append("\n### Grid\n\n| criterion | score | why |\n| --- | --- | --- |\n");
                for (var g : coverage.grid()) {
                    md.append("| ")
                            .append(g.criterion())
                            .append(" | ")
                            .append(g.score())
                            .append("/10 | ")
                            .append(escape(g.reason()).replace("|", "\\|"))
                            .append(evidence(g.evidence()))
                            .append(" |\n");
                }
            }
            if (!coverage.indicators().isEmpty()) {
                md.append("\n### Craft indicators (measured, not judged)\n\n");
                for (var i : coverage.indicators()) {
                    md.append("- **")
                            .append(i.name())
                            .append("**: ")
                            .append(escape(i.figure()))
                            .append(". ")
                            .append(escape(i.meaning()))
                            .append(evidence(i.evidence()))
                            .append('\n');
                }
            }
            claims(md, "Strengths", coverage.strengths());
            claims(md, "Concerns", coverage.concerns());
            line(
                    md,
                    "\n**Recommendation**",
                    coverage.recommendation() == null
                            ? coverage.rationale()
                            : coverage.recommendation() + ". " + coverage.rationale());
        }
        if (curation != null && curation.notes() != null) {
            md.append("\n## Programming notes\n\n");
            line(md, "Runtime slot", curation.notes().runtimeSlot());
            line(md, "Audience", curation.notes().audience());
            claims(md, "Content flags", curation.notes().contentFlags());
        }
        var trailer = report.trailer();
        md.append("\n## Trailer\n\n");
        if (trailer == null) {
            md.append("No trailer link was submitted.\n");
        } else {
            line(md, "Link", trailer.url());
            if (trailer.analysed()) {
                line(md, "Pacing", trailer.pacing());
                line(md, "Tone", trailer.tone());
                line(md, "Hook", trailer.hook());
                line(md, "Promise vs script", trailer.promiseVsScript());
                if (trailer.score() != null) {
                    line(md, "Score", trailer.score() + "/10");
                }
            }
            line(md, "Note", trailer.note());
        }
        var screenplay = report.screenplay();
        if (screenplay != null && screenplay.stats() != null) {
            var stats = screenplay.stats();
            md.append("\n## Statistics\n\n");
            md.append("%d pages, %d scenes, about %.0f minutes; %d speaking roles; dialogue %.0f%% of words.\n\n"
                    .formatted(
                            stats.pageCount(),
                            stats.sceneCount(),
                            stats.runtimeMinutes(),
                            stats.speakingRoles(),
                            stats.dialogueShare() * 100));
            if (!stats.characters().isEmpty()) {
                md.append(
                        "| character | speeches | words | scenes | first page | share of dialogue |\n| --- | --- | --- | --- | --- | --- |\n");
                stats.characters().stream()
                        .limit(12)
                        .forEach(c -> md.append("| %s | %d | %d | %d | %d | %.0f%% |\n"
                                .formatted(
                                        escape(c.name()),
                                        c.speeches(),
                                        c.words(),
                                        c.scenes(),
                                        c.firstPage(),
                                        c.dialogueShare() * 100)));
                md.append('\n');
            }
            if (!stats.locations().isEmpty()) {
                md.append("Locations: ")
                        .append(stats.locations().stream()
                                .limit(10)
                                .map(l -> escape(l.name()) + " (" + l.scenes() + ")")
                                .collect(Collectors.joining(", ")))
                        .append("\n\n");
            }
        }
        if (report.audio() != null) {
            md.append("## Audio summary\n\n")
                    .append("%s, %.0f s, voice %s.\n\n> "
                            .formatted(
                                    report.audio().format(),
                                    report.audio().durationSeconds(),
                                    report.audio().voice()));
            md.append(escape(report.audio().script()).replace("\n\n", "\n>\n> "))
                    .append("\n\n");
        }
        md.append("## Steps\n\n| # | step | status | by | seconds |\n| --- | --- | --- | --- | --- |\n");
        for (StepRecord s : report.steps()) {
            md.append("| %d | %s | %s | %s | %s |\n"
                    .formatted(
                            s.number(),
                            s.name(),
                            s.status().json(),
                            s.provenance() == null ? "" : escape(s.provenance().label()),
                            s.durationMillis() == null
                                    ? ""
                                    : String.format(Locale.ROOT, "%.2f", s.durationMillis() / 1000.0)));
        }
        return md.toString();
    }

    private static void line(StringBuilder md, String label, String value) {
        if (value != null && !value.isBlank()) {
            md.append(label.startsWith("\n") ? label : "**" + label + "**")
                    .append(": ")
                    .append(escape(value))
                    .append("  \n");
        }
    }

    private static void claims(StringBuilder md, String heading, List<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        md.append("\n### ").append(heading).append("\n\n");
        for (var c : claims) {
            md.append("- ")
                    .append(escape(c.text()))
                    .append(evidence(c.evidence()))
                    .append('\n');
        }
    }

    private static String evidence(List<Evidence> evidence) {
        var pages = evidence.stream()
                .map(Evidence::page)
                .filter(p -> p != null)
                .distinct()
                .sorted()
                .map(String::valueOf)
                .toList();
        return pages.isEmpty() ? "" : " _(p. " + String.join(", ", pages) + ")_";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("<", "&lt;");
    }
}
