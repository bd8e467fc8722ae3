package ai.sorot.lambda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.library.Library;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.ProgrammingNotes;
import ai.sorot.model.report.Recommendation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sorot library export --csv lib.csv}: a bare file name is written into the folder the
 * command runs in (a bare name has no parent of its own). Run as a process in that folder, as a user would.
 */
class ExportToBareFileNameTest {

    @TempDir
    Path dir;

    @Test
    void csvBundleAndFilmFreewayExportsToBareNamesLandInTheWorkingFolder() throws Exception {
        var library = dir.resolve("library");
        try (var lib = Library.open(library)) {
            var coverage = new Coverage(
                    "A nurse meets a thief.",
                    "Synopsis.",
                    List.of("Drama"),
                    "wry",
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    Recommendation.CONSIDER,
                    "Because.",
                    null);
            lib.save(
                    new AnalysisReport(
                            "analysis-1",
                            "Night Shift",
                            List.of("Ana Ruiz"),
                            "night.pdf",
                            null,
                            Instant.now(),
                            Instant.now(),
                            null,
                            coverage,
                            null,
                            new Curation(
                                    60.0,
                                    Recommendation.CONSIDER,
                                    "",
                                    new ProgrammingNotes("short", "all", List.of()),
                                    List.of()),
                            null,
                            List.of(),
                            null),
                    Library.Attachments.NONE);
            var session = lib.createSession("Round 1", List.of());
            lib.addToSession(session.id(), List.of("analysis-1"));
        }
        var work = Files.createDirectory(dir.resolve("work"));

        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SorotCli.class.getName(),
                        "library",
                        "export",
                        "--library",
                        library.toString(),
                        "--session",
                        "Round 1",
                        "--csv",
                        "lib.csv",
                        "--bundle",
                        "round1.zip",
                        "--filmfreeway",
                        "decisions.csv")
                .directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SOROT_HOME", dir.resolve("home").toString());
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("NullPointerException").contains("wrote lib.csv");
        assertThat(Files.readString(work.resolve("lib.csv"))).contains("Night Shift");
        assertThat(Files.size(work.resolve("round1.zip"))).isPositive();
        assertThat(Files.readString(work.resolve("decisions.csv"))).contains("Submission ID");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no temporary file left")
                    .containsExactlyInAnyOrder("lib.csv", "round1.zip", "decisions.csv");
        }
    }

    @Test
    void anExportToAFolderIsAUsageErrorNotAnInternalOne() throws Exception {
        var library = dir.resolve("library");
        try (var lib = Library.open(library)) {
            lib.createSession("Round 1", List.of());
        }
        var work = Files.createDirectory(dir.resolve("work"));
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SorotCli.class.getName(),
                        "library",
                        "export",
                        "--library",
                        library.toString(),
                        "--csv",
                        ".")
                .directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SOROT_HOME", dir.resolve("home").toString());
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("INVALID_PARAMETER").contains("is a folder").doesNotContain("INTERNAL");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("no temporary file left").isEmpty();
        }
    }
}
