package ai.sorot.lambda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.SemanticLibraryTestSupport;
import ai.sorot.model.Json;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.ProgrammingNotes;
import ai.sorot.model.report.Recommendation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sorot library} on a real library file, as a script would use it. */
class LibraryCommandTest {

    @TempDir
    Path dir;

    Path folder;

    private static AnalysisReport report(String id, String title, String logline, Recommendation rec, double score) {
        var coverage = new Coverage(
                logline,
                "Synopsis.",
                List.of("Drama"),
                "wry",
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                rec,
                "Because.",
                null);
        return new AnalysisReport(
                id,
                title,
                List.of("Ana Ruiz"),
                id + ".pdf",
                null,
                Instant.now(),
                Instant.now(),
                null,
                coverage,
                null,
                new Curation(score, rec, "", new ProgrammingNotes("short", "all", List.of()), List.of()),
                null,
                List.of(),
                null);
    }

    @BeforeEach
    void fill() {
        folder = dir.resolve("library");
        try (var library = Library.open(folder)) {
            library.save(
                    report(
                            "analysis-1",
                            "The Letters",
                            "A detective reopens old letters.",
                            Recommendation.RECOMMEND,
                            81),
                    Library.Attachments.NONE);
            library.save(
                    report("analysis-2", "Night Shift", "A nurse meets a thief.", Recommendation.PASS, 40),
                    Library.Attachments.NONE);
            var session = library.createSession("Round 1", List.of());
            library.addToSession(session.id(), List.of("analysis-2", "analysis-1"));
        }
    }

    private String run(int expectedStatus, String... args) {
        var out = new StringWriter();
        var cli = SorotCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertThat(cli.execute(args)).as(out.toString()).isEqualTo(expectedStatus);
        return out.toString();
    }

    @Test
    void listShowsTheLibraryWithRanks() {
        var out = run(0, "library", "list", "--library", folder.toString(), "--sort", "score");
        assertThat(out)
                .contains("The Letters")
                .contains("Night Shift")
                .contains("top 50% of 2")
                .contains("2 of 2");
        assertThat(out.indexOf("The Letters")).isLessThan(out.indexOf("Night Shift"));
    }

    @Test
    void theRecommendationFilterOffersNotJudged() {
        try (var library = Library.open(folder)) {
            var judged = report("analysis-3", "Quiet Harbour", "A keeper and a storm.", Recommendation.CONSIDER, 60);
            var coverage = judged.coverage();
            var noModel = new AnalysisReport(
                    "analysis-3",
                    judged.title(),
                    judged.authors(),
                    judged.fileName(),
                    null,
                    judged.createdAt(),
                    judged.completedAt(),
                    null,
                    new Coverage(
                            coverage.logline(),
                            coverage.synopsis(),
                            coverage.genres(),
                            coverage.tone(),
                            List.of(),
                            List.of(),
                            null,
                            List.of(),
                            List.of(),
                            List.of(),
                            null,
                            "No model read this script.",
                            null),
                    null,
                    new Curation(null, null, "", new ProgrammingNotes("short", "all", List.of()), List.of()),
                    null,
                    List.of(),
                    null);
            library.save(noModel, Library.Attachments.NONE);
        }
        var notJudged = run(0, "library", "list", "--library", folder.toString(), "--recommendation", "not-judged");
        assertThat(notJudged)
                .contains("Quiet Harbour")
                .doesNotContain("The Letters")
                .doesNotContain("Night Shift");
        var some = run(0, "library", "list", "--library", folder.toString(), "--recommendation", "pass,not-judged");
        assertThat(some).contains("Quiet Harbour").contains("Night Shift").doesNotContain("The Letters");
        assertThat(run(0, "library", "list", "--library", folder.toString(), "--recommendation", "recommend"))
                .contains("The Letters")
                .doesNotContain("Quiet Harbour");
        assertThat(run(2, "library", "list", "--library", folder.toString(), "--recommendation", "maybe"))
                .contains("INVALID_PARAMETER");
    }

    @Test
    void searchFindsByPrefixAndPrintsJsonForScripts() throws Exception {
        var out = run(0, "library", "search", "--library", folder.toString(), "--json", "detect");
        var json = Json.mapper().readTree(out);
        assertThat(json).hasSize(1);
        assertThat(json.get(0).path("title").asText()).isEqualTo("The Letters");
    }

    @Test
    void similarListsTheClosestAnalysesWithTheirSimilarity() throws Exception {
        var corpus = SemanticLibraryTestSupport.corpus();
        org.junit.jupiter.api.Assumptions.assumeTrue(corpus != null, "the shared corpus is not on this machine");
        var other = dir.resolve("semantic");
        try (var library = Library.open(other)) {
            SemanticLibraryTestSupport.save(library, corpus, "episode-1", SemanticLibraryTestSupport.EPISODE_1);
            SemanticLibraryTestSupport.save(
                    library, corpus, "episode-lincoln", SemanticLibraryTestSupport.EPISODE_LINCOLN);
            SemanticLibraryTestSupport.save(library, corpus, "brick", SemanticLibraryTestSupport.BRICK_AND_STEEL);
        }
        var text = run(0, "library", "similar", "--library", other.toString(), "episode-1");
        assertThat(text).contains("Closest in meaning to").containsPattern("similarity 0\\.\\d\\d");
        var lower = text.toLowerCase(java.util.Locale.ROOT);
        assertThat(lower.indexOf("cyber")).isPositive().isLessThan(lower.indexOf("brick"));

        var json = Json.mapper()
                .readTree(run(
                        0, "library", "similar", "--library", other.toString(), "--json", "--limit", "1", "episode-1"));
        assertThat(json).hasSize(1);
        assertThat(json.get(0).path("id").asText()).isEqualTo("episode-lincoln");
        assertThat(json.get(0).path("similarity").asDouble()).isBetween(0.0, 1.0);

        assertThat(run(2, "library", "similar", "--library", other.toString(), "nope"))
                .contains("NOT_FOUND");

        // the same library in two groups: the two episodes together, each group with its size
        var groups = run(0, "library", "clusters", "--library", other.toString(), "--groups", "2");
        assertThat(groups).contains("no themes named in the reports: 2").contains("no themes named in the reports: 1");
        assertThat(groups.indexOf(": 2"))
                .isLessThan(groups.toLowerCase(java.util.Locale.ROOT).indexOf("cyber"));
        assertThat(groups.toLowerCase(java.util.Locale.ROOT).lastIndexOf("cyber"))
                .isLessThan(groups.indexOf(": 1"));
    }

    @Test
    void searchByAPhraseListsAnalysesCloseInMeaningAfterTheWordMatches() throws Exception {
        var corpus = SemanticLibraryTestSupport.corpus();
        org.junit.jupiter.api.Assumptions.assumeTrue(corpus != null, "the shared corpus is not on this machine");
        var other = dir.resolve("semantic");
        try (var library = Library.open(other)) {
            SemanticLibraryTestSupport.save(library, corpus, "brick", SemanticLibraryTestSupport.BRICK_AND_STEEL);
            SemanticLibraryTestSupport.save(library, corpus, "guru", SemanticLibraryTestSupport.GURU_PEAK);
        }
        var json = Json.mapper()
                .readTree(run(
                        0,
                        "library",
                        "search",
                        "--library",
                        other.toString(),
                        "--json",
                        "a",
                        "hike",
                        "up",
                        "a",
                        "mountain"));
        assertThat(json.get(0).path("id").asText()).isEqualTo("guru");
        assertThat(json.get(0).path("match").asText()).isEqualTo("meaning");
        assertThat(run(0, "library", "search", "--library", other.toString(), "a hike up a mountain"))
                .containsPattern("meaning, similarity 0\\.\\d\\d")
                .contains("0 of 0 matched by words");
        assertThat(run(
                                0,
                                "library",
                                "search",
                                "--library",
                                other.toString(),
                                "--words-only",
                                "--json",
                                "a hike up a mountain")
                        .strip())
                .isEqualTo("[ ]");
    }

    @Test
    void exportWritesCsvAndABundleThatImportsElsewhere() throws Exception {
        var csv = dir.resolve("round1.csv");
        var zip = dir.resolve("round1.zip");
        run(
                0,
                "library",
                "export",
                "--library",
                folder.toString(),
                "--session",
                "Round 1",
                "--csv",
                csv.toString(),
                "--bundle",
                zip.toString());
        assertThat(Files.readString(csv)).contains("Night Shift").contains("The Letters");
        var out = run(0, "library", "import", "--library", dir.resolve("other").toString(), zip.toString());
        assertThat(out).contains("session \"Round 1\": 2 analyses");
        assertThat(run(
                        0,
                        "library",
                        "sessions",
                        "--library",
                        dir.resolve("other").toString()))
                .contains("Round 1")
                .contains("0 of 2 reviewed");
    }

    @Test
    void unknownSessionsAndMissingTargetsAreClearErrors() {
        assertThat(run(2, "library", "export", "--library", folder.toString(), "--session", "Nope", "--csv", "x.csv"))
                .contains("NOT_FOUND")
                .contains("Nope");
        assertThat(run(2, "library", "export", "--library", folder.toString())).contains("--csv");
    }

    @Test
    void searchInsideASessionFindsItsMatches() throws Exception {
        var found = Json.mapper()
                .readTree(run(
                        0,
                        "library",
                        "search",
                        "--library",
                        folder.toString(),
                        "--session",
                        "Round 1",
                        "--json",
                        "detect"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("title").asText()).isEqualTo("The Letters");
        assertThat(run(0, "library", "search", "--library", folder.toString(), "--session", "Round 1", "nurse"))
                .contains("Night Shift")
                .contains("1 of 1");
    }

    @Test
    void importingAZipBombIsRefusedWithExitTwo() throws Exception {
        // the bomb without its manifest, and with one whose screenplays expand to 290 MB each
        var zeros = ai.sorot.lambda.archive.ZipBombs.zeros(290L << 20);
        var names = ai.sorot.lambda.archive.ZipBombs.names("items/bomb-%d/source.pdf", 40);
        var bare = ai.sorot.lambda.archive.ZipBombs.write(dir.resolve("bare.zip"), zeros, 290L << 20, names);
        assertThat(run(2, "library", "import", "--library", folder.toString(), bare.toString()))
                .contains("UNSUPPORTED_FORMAT")
                .contains("no bundle.json");
        var plain = new java.util.LinkedHashMap<String, byte[]>();
        plain.put("bundle.json", """
                {"format": 1, "session": "Bomb", "rubric": [], "items": [{"id": "bomb-0", "reviewed": false, "shortlisted": false,
                 "tags": [], "card": {}}]}""".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        plain.put(
                "items/bomb-0/report.json",
                "{\"analysisId\": \"bomb-0\", \"title\": \"Bomb\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var bundle = ai.sorot.lambda.archive.ZipBombs.write(dir.resolve("bomb.zip"), plain, zeros, 290L << 20, names);
        assertThat(run(2, "library", "import", "--library", folder.toString(), bundle.toString()))
                .contains("ARCHIVE_TOO_LARGE");
        assertThat(run(0, "library", "sessions", "--library", folder.toString()))
                .doesNotContain("Bomb");
    }
}
