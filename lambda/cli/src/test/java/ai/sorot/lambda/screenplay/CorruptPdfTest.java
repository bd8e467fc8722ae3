package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.sorot.lambda.cli.SorotCli;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structurally corrupt PDFs (loops, runaway nesting, no catalog) are PDF_CORRUPT with Sorot's own
 * words, and PDFBox's complaints (pages of SEVERE stack traces) reach neither stderr nor a log.
 */
class CorruptPdfTest {

    /** PDFBox's words, which mean nothing (or a film's trailer) to the person reading Sorot's message. */
    private static final String[] PDFBOX_WORDS = {
        "trailer", "COSObject", "dereference", "recursion", "root object", "SEVERE", "org.apache", "Exception"
    };

    @TempDir
    Path dir;

    private static Map<String, byte[]> corrupt() {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("page-tree-loop.pdf", CorruptPdfs.pageTreeLoop());
        files.put("nested-10000.pdf", CorruptPdfs.nestedArrays(10_000));
        files.put("no-catalog.pdf", CorruptPdfs.noCatalog());
        return files;
    }

    @Test
    void structurallyCorruptPdfsAreCorruptNotScansAndSaySoInPlainWords() {
        var reader = new ScreenplayReader();
        for (var file : corrupt().entrySet()) {
            var error = catchThrowableOfType(SorotException.class, () -> reader.read(file.getValue(), file.getKey()));
            assertThat(error).as(file.getKey()).isNotNull();
            assertThat(error.code())
                    .as(file.getKey() + ": " + error.getMessage())
                    .isEqualTo(ErrorCode.PDF_CORRUPT);
            assertThat(error.getMessage())
                    .as(file.getKey())
                    .startsWith("The PDF is damaged")
                    .doesNotContain(PDFBOX_WORDS);
        }
    }

    @Test
    void eachDamageIsNamed() {
        var reader = new ScreenplayReader();
        assertThat(catchThrowableOfType(SorotException.class, () -> reader.read(CorruptPdfs.pageTreeLoop(), "a.pdf"))
                        .getMessage())
                .contains("list of pages loops back on itself");
        assertThat(catchThrowableOfType(
                                SorotException.class, () -> reader.read(CorruptPdfs.nestedArrays(10_000), "a.pdf"))
                        .getMessage())
                .contains("nested too deeply");
        assertThat(catchThrowableOfType(SorotException.class, () -> reader.read(CorruptPdfs.noCatalog(), "a.pdf"))
                        .getMessage())
                .contains("catalog, the part that lists the pages, is missing");
    }

    @Test
    void aDrawingThatIncludesItselfEndsWithoutHangingOrAStackTrace() {
        // PDFBox stops the loop and the page has no text: the file is damaged (it has no text, and PDFBox said why)
        var error = catchThrowableOfType(
                SorotException.class, () -> new ScreenplayReader().read(CorruptPdfs.selfDrawingXObject(), "x.pdf"));
        assertThat(error.code()).isEqualTo(ErrorCode.PDF_CORRUPT);
        assertThat(error.getMessage())
                .contains("a drawing on a page includes itself")
                .doesNotContain(PDFBOX_WORDS);
    }

    @Test
    void theCommandLinePrintsOneLinePerFileAndNothingFromPdfbox() throws Exception {
        var command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SorotCli.class.getName(),
                "parse"));
        var files = new java.util.TreeMap<>(corrupt());
        files.put("self-drawing.pdf", CorruptPdfs.selfDrawingXObject());
        for (var file : files.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
            command.add(dir.resolve(file.getKey()).toString());
        }
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output.lines())
                .as(output)
                .hasSize(files.size())
                .allSatisfy(line -> assertThat(line).contains("PDF_CORRUPT"));
        assertThat(output).doesNotContain(PDFBOX_WORDS);
    }
}
