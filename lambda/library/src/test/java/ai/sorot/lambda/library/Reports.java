package ai.sorot.lambda.library;

import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.ProgrammingNotes;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.screenplay.Screenplay;
import ai.sorot.model.screenplay.ScreenplayStats;
import ai.sorot.model.screenplay.TitlePage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reports as the pipeline writes them, with the fields the library reads. */
final class Reports {

    private Reports() {}

    /** A model read these reports: their verdicts stand. */
    static final Provenance MODEL = new Provenance("Amazon Bedrock", "DeepSeek-R1", false);
    /** What an older Sorot wrote with no model: a heuristic verdict that must read as "Not judged". */
    static final Provenance LEGACY_OFFLINE = new Provenance("offline heuristics", "sorot-offline-coverage-1", true);
    /** What Sorot writes today when no model read the script. */
    static final Provenance NO_MODEL =
            new Provenance("Sorot's own measures, no model", "sorot-offline-coverage-2", true);

    static AnalysisReport withFileName(AnalysisReport r, String fileName) {
        return new AnalysisReport(
                r.analysisId(),
                r.title(),
                r.authors(),
                fileName,
                r.trailerUrl(),
                r.createdAt(),
                r.completedAt(),
                r.screenplay(),
                r.coverage(),
                r.trailer(),
                r.curation(),
                r.audio(),
                r.steps(),
                r.usage());
    }

    static AnalysisReport report(
            String id,
            String title,
            String author,
            String logline,
            List<String> genres,
            Recommendation recommendation,
            double score,
            int pages) {
        return report(id, title, author, logline, genres, recommendation, score, pages, MODEL);
    }

    static AnalysisReport report(
            String id,
            String title,
            String author,
            String logline,
            List<String> genres,
            Recommendation recommendation,
            double score,
            int pages,
            Provenance provenance) {
        var stats = new ScreenplayStats(
                pages,
                pages,
                30,
                Map.of("INT", 20, "EXT", 10),
                Map.of("DAY", 18, "NIGHT", 12),
                List.of(),
                List.of(),
                6,
                9000,
                7000,
                0.56,
                List.of(),
                List.of(),
                List.of());
        var screenplay = new Screenplay(
                title,
                List.of(author),
                pages,
                Screenplay.SourceFormat.PDF,
                new TitlePage(title, List.of(author), "Written by", null, null, null, null),
                List.of(),
                List.of(),
                stats);
        var grid = GridScore.CRITERIA.stream()
                .map(c -> new GridScore(c, 6, "steady", List.of()))
                .toList();
        var coverage = new Coverage(
                logline,
                "A synopsis of " + title + ".",
                genres,
                "wry",
                List.of("grief"),
                List.of(),
                "MARA",
                List.of(),
                List.of(),
                grid,
                recommendation,
                "Because.",
                provenance);
        var curation = new Curation(
                score, recommendation, "Summary.", new ProgrammingNotes("feature", "adults", List.of()), List.of());
        return new AnalysisReport(
                id,
                title,
                List.of(author),
                title.toLowerCase().replace(' ', '-') + ".pdf",
                null,
                Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-01T10:01:00Z"),
                screenplay,
                coverage,
                null,
                curation,
                null,
                List.of(),
                null);
    }
}
