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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reports as the pipeline writes them, with the fields the library reads, to fill a library of festival size. */
final class BenchReports {

    private static final Provenance MODEL = new Provenance("Amazon Bedrock", "DeepSeek-R1", false);

    private BenchReports() {}

    static AnalysisReport report(String id, String title, String author, String logline, List<String> genres,
            Recommendation recommendation, double score, int pages) {
        var stats = new ScreenplayStats(pages, pages, 30, Map.of("INT", 20, "EXT", 10), Map.of("DAY", 18, "NIGHT", 12),
                List.of(), List.of(), 6, 9000, 7000, 0.56, List.of(), List.of(), List.of());
        var screenplay = new Screenplay(title, List.of(author), pages, Screenplay.SourceFormat.PDF,
                new TitlePage(title, List.of(author), "Written by", null, null, null, null), List.of(), List.of(), stats);
        var grid = GridScore.CRITERIA.stream().map(c -> new GridScore(c, 6, "steady", List.of())).toList();
        var coverage = new Coverage(logline, "A synopsis of " + title + ".", genres, "wry", List.of("grief"), List.of(),
                "MARA", List.of(), List.of(), grid, recommendation, "Because.", MODEL);
        var curation = new Curation(score, recommendation, "Summary.", new ProgrammingNotes("feature", "adults", List.of()),
                List.of());
        return new AnalysisReport(id, title, List.of(author), title.toLowerCase(Locale.ROOT).replace(' ', '-') + ".pdf", null,
                Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:01:00Z"), screenplay, coverage, null,
                curation, null, List.of(), null);
    }

    /** The folder a benchmark keeps its library in between runs: {@code -Dsorot.bench.dir}, else a new temporary one. */
    static Path folder(String name) throws java.io.IOException {
        var base = System.getProperty("sorot.bench.dir");
        if (base == null) {
            return Files.createTempDirectory("sorot-" + name);
        }
        var dir = Path.of(base, name);
        Files.createDirectories(dir);
        return dir;
    }
}
