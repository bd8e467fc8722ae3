package ai.sorot.lambda.library;

import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.ProgrammingNotes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Open-licence scripts of the shared corpus saved in a library as no-model analyses, for the semantic tests. */
public final class SemanticLibraryTestSupport {

    private SemanticLibraryTestSupport() {}

    /** The shared corpus beside the worktree (../shared from the repository root; tests run in lambda/MODULE). */
    public static Path corpus() {
        for (var candidate : List.of(
                Path.of("..", "..", "..", "shared", "corpus"),
                Path.of("..", "..", "shared", "corpus"),
                Path.of("/work/shared/corpus"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static final String EPISODE_1 = "ebscreenplays-pd/cyber_bob/Cyber_Bob_ep00001.fountain";
    public static final String EPISODE_LINCOLN =
            "ebscreenplays-pd/cyber_bob/Cyber_Bob_epWinDebateAgainstLincoln.fountain";
    public static final String BRICK_AND_STEEL = "screenplain/examples/Brick-and-Steel.fountain";
    public static final String GURU_PEAK = "ebscreenplays-pd/various/ASCENT_TO_GURU_PEAK.fountain";
    public static final String LIBRARY_FREAK_OUT = "ebscreenplays-pd/various/THE_LIBRARY_FREAK-OUT.fountain";

    /** A no-model analysis of a corpus script as the library keeps it: the report and the script file. */
    public static AnalysisReport save(Library library, Path corpus, String id, String file) throws IOException {
        var path = corpus.resolve(file);
        var screenplay = new ScreenplayReader().read(path);
        var coverage = new Coverage(
                "A short script.",
                null,
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                Reports.NO_MODEL);
        var report = new AnalysisReport(
                id,
                screenplay.title() != null ? screenplay.title() : id,
                screenplay.authors(),
                path.getFileName().toString(),
                null,
                Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-01T10:01:00Z"),
                screenplay.withoutElements(),
                coverage,
                null,
                new Curation(null, null, "", new ProgrammingNotes("short", "all", List.of()), List.of()),
                null,
                List.of(),
                null);
        library.save(
                report,
                new Library.Attachments(
                        null,
                        null,
                        null,
                        Files.readAllBytes(path),
                        path.getFileName().toString()));
        return report;
    }
}
