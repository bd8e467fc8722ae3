package ai.sorot.lambda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.offline.Wav;
import ai.sorot.lambda.support.FormatFixtures;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.Json;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.screenplay.Screenplay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var oldOut = System.out;
        var oldErr = System.err;
        var cliErr = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            var cli = SorotCli.commandLine();
            cli.setErr(new PrintWriter(cliErr, true));
            int exit = cli.execute(args);
            return new Run(exit, out.toString(), err + cliErr.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aHighlandFileIsAnalysedAndKeptInTheLibraryAsOne() throws Exception {
        var file = Files.write(dir.resolve("Keeper.highland"), FormatFixtures.highland());
        var out = dir.resolve("out");
        var library = dir.resolve("library");
        var result =
                run("analyze", file.toString(), "--out", out.toString(), "--library", library.toString(), "--quiet");
        assertThat(result.exit()).as(result.err()).isZero();
        var report = Json.mapper().readValue(out.resolve("Keeper.report.json").toFile(), AnalysisReport.class);
        assertThat(report.screenplay().format()).isEqualTo(Screenplay.SourceFormat.HIGHLAND);
        assertThat(report.title()).isEqualTo("The Lighthouse Keeper");
        try (var walk = Files.walk(library)) {
            assertThat(walk.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.endsWith(".highland"))
                    .noneMatch(name -> name.endsWith(".pdf"));
        }
    }

    @Test
    void writesTheReportInJsonAndMarkdownAndTheAudio() throws Exception {
        var pdf = dir.resolve("Brick.pdf");
        Files.write(pdf, TestScripts.brickAndSteelPdf());
        var out = dir.resolve("out");
        var library = dir.resolve("library");
        var result = run(
                "analyze",
                pdf.toString(),
                "--trailer",
                "https://youtu.be/dQw4w9WgXcQ",
                "--out",
                out.toString(),
                "--library",
                library.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).contains("[1/5] Extracting screenplay").contains("[5/5] Generating audio summary");
        var report = Json.mapper().readValue(out.resolve("Brick.report.json").toFile(), AnalysisReport.class);
        // no model read it: no verdict, and the output says how to get one
        assertThat(report.curation().recommendation()).isNull();
        assertThat(result.err())
                .contains("Not judged: no model read this script")
                .contains("SOROT_LLM_URL");
        assertThat(report.trailer().platform()).isEqualTo("youtube");
        var markdown = Files.readString(out.resolve("Brick.report.md"));
        assertThat(markdown)
                .contains("## Not judged: no model read this script")
                .doesNotContain("## Verdict")
                .contains("Craft indicators")
                .contains("## Steps")
                .contains("no model");
        // a short of a few pages: the summary fits in 45 seconds
        assertThat(Wav.durationSeconds(Files.readAllBytes(out.resolve("Brick.summary.wav"))))
                .isBetween(10.0, 45.0);
        assertThat(result.out().lines())
                .containsExactly(
                        out.resolve("Brick.report.json").toString(),
                        out.resolve("Brick.report.md").toString(),
                        out.resolve("Brick.summary.wav").toString());
        try (var saved = ai.sorot.lambda.library.Library.open(library)) {
            var entry = saved.entry(report.analysisId()).orElseThrow();
            assertThat(entry.hasAudio()).isTrue();
            assertThat(saved.thumbnail(report.analysisId())).isPresent();
            assertThat(saved.source(report.analysisId()))
                    .get()
                    .satisfies(p -> assertThat(p).hasBinaryContent(Files.readAllBytes(pdf)));
        }
    }

    @Test
    void aSecondScriptWithTheSameNameGetsItsOwnReportFilesAndTheFirstIsKept() throws Exception {
        var pdf = Files.write(dir.resolve("Brick.pdf"), TestScripts.brickAndSteelPdf());
        var fountain = Files.write(
                dir.resolve("Brick.fountain"),
                TestScripts.cyberBobDebateFountain().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var out = dir.resolve("out");
        assertThat(run("analyze", pdf.toString(), "--out", out.toString(), "--quiet", "--no-save")
                        .exit())
                .isZero();
        var first = Files.readAllBytes(out.resolve("Brick.report.json"));
        var second = run("analyze", fountain.toString(), "--out", out.toString(), "--no-save");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).contains("a report named Brick is already in").contains("this one is Brick-2");
        assertThat(out.resolve("Brick.report.json")).hasBinaryContent(first);
        assertThat(second.out().lines())
                .contains(
                        out.resolve("Brick-2.report.json").toString(),
                        out.resolve("Brick-2.report.md").toString());
        var report = Json.mapper().readValue(out.resolve("Brick-2.report.json").toFile(), AnalysisReport.class);
        assertThat(report.screenplay().format()).isEqualTo(Screenplay.SourceFormat.FOUNTAIN);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        }
    }

    @Test
    void anOutThatCannotHoldTheReportIsRefusedBeforeTheAnalysisRuns() throws Exception {
        var pdf = Files.write(dir.resolve("Brick.pdf"), TestScripts.brickAndSteelPdf());
        var file = Files.writeString(dir.resolve("not-a-folder"), "x");
        var result = run("analyze", pdf.toString(), "--out", file.toString(), "--quiet", "--no-save");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err())
                .contains("INVALID_PARAMETER")
                .contains("is a file")
                .doesNotContain("Exception");
    }

    @Test
    void noSaveLeavesTheLibraryAlone() throws Exception {
        var pdf = dir.resolve("Brick.pdf");
        Files.write(pdf, TestScripts.brickAndSteelPdf());
        var library = dir.resolve("library");
        var result = run(
                "analyze",
                pdf.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--quiet",
                "--no-save",
                "--library",
                library.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(library).doesNotExist();
    }

    @Test
    void aBrokenPdfEndsWithItsCodeAndStillWritesWhatItHas() throws Exception {
        var pdf = dir.resolve("locked.pdf");
        Files.write(pdf, TestScripts.encryptedPdf());
        var result = run("analyze", pdf.toString(), "--out", dir.toString(), "--quiet", "--no-save");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("PDF_ENCRYPTED");
        assertThat(dir.resolve("locked.report.json")).exists();
        assertThat(dir.resolve("locked.summary.wav")).doesNotExist();
    }

    @Test
    void refusesWhatIsNotAScreenplayFileWithAClearCode() throws Exception {
        var docx = dir.resolve("notes.docx");
        Files.writeString(docx, "PK not a screenplay");
        var result = run("analyze", docx.toString(), "--out", dir.toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("UNSUPPORTED_FORMAT");
        var missing = run("analyze", dir.resolve("nope.pdf").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("FILE_NOT_FOUND");
        var folder = run("analyze", dir.toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err())
                .contains("FILE_NOT_FOUND")
                .contains("it is a folder")
                .doesNotContain("unexpected");
        var badLink = run("analyze", docx.toString(), "--trailer", "https://10.0.0.1/x");
        assertThat(badLink.exit()).isEqualTo(2);
    }
}
