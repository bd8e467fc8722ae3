package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad file gets its own stable code and a sentence, and nothing hangs. */
class BadInputTest {

    private final ScreenplayReader reader = new ScreenplayReader();

    @TempDir
    Path dir;

    /** A real three-page screenplay to damage. */
    private static byte[] screenplay() {
        var pdf = ScriptPdf.letter();
        for (int page = 1; page <= 3; page++) {
            pdf.page()
                    .line(1.5, "INT. OFFICE - NIGHT")
                    .blank()
                    .line(1.5, "Rain hammers the window.")
                    .blank()
                    .line(3.7, "MARA")
                    .line(2.5, "You kept the letters.")
                    .blank()
                    .line(3.7, "JONAS")
                    .line(2.5, "Every one of them.")
                    .blank();
        }
        return pdf.bytes();
    }

    private static ErrorCode codeOf(Runnable read) {
        try {
            read.run();
        } catch (SorotException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
            return e.code();
        }
        throw new AssertionError("no error raised");
    }

    @Test
    void emptyFileIsEmpty() throws IOException {
        var file = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        assertThat(codeOf(() -> reader.read(file))).isEqualTo(ErrorCode.EMPTY_FILE);
        assertThat(codeOf(() -> reader.read(new byte[0], "empty.pdf"))).isEqualTo(ErrorCode.EMPTY_FILE);
        assertThat(codeOf(() -> reader.read(new byte[] {' ', '\n'}, "blank.fountain")))
                .isEqualTo(ErrorCode.EMPTY_FILE);
    }

    @Test
    void aWordDocumentRenamedToPdfIsNotAPdf() {
        var docx = "PK\u0003\u0004word/document.xml".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(codeOf(() -> reader.read(docx, "script.pdf"))).isEqualTo(ErrorCode.NOT_A_PDF);
    }

    @Test
    void aMissingFileIsReportedAsMissing() {
        assertThat(codeOf(() -> reader.read(dir.resolve("nope.pdf")))).isEqualTo(ErrorCode.FILE_NOT_FOUND);
    }

    @Test
    void aTruncatedPdfIsCorruptWhereverItWasCut() throws IOException {
        var whole = screenplay();
        for (double at : new double[] {0.2, 0.5, 0.8, 0.99}) {
            var cut = Arrays.copyOf(whole, (int) (whole.length * at));
            var file = Files.write(dir.resolve("cut.pdf"), cut);
            assertThat(codeOf(() -> reader.read(file))).as("cut at %s", at).isEqualTo(ErrorCode.PDF_CORRUPT);
            assertThat(codeOf(() -> reader.read(cut, "cut.pdf")))
                    .as("cut at %s", at)
                    .isEqualTo(ErrorCode.PDF_CORRUPT);
        }
    }

    @Test
    void garbageAfterThePdfHeaderIsCorrupt() {
        var junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, junk, 0, 9);
        junk[junk.length - 6] = '%';
        System.arraycopy("%%EOF\n".getBytes(StandardCharsets.US_ASCII), 0, junk, junk.length - 6, 6);
        assertThat(codeOf(() -> reader.read(junk, "junk.pdf"))).isEqualTo(ErrorCode.PDF_CORRUPT);
    }

    @Test
    void aPasswordProtectedPdfIsEncrypted() throws IOException {
        byte[] locked;
        try (PDDocument document = Loader.loadPDF(screenplay());
                var out = new ByteArrayOutputStream()) {
            var policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
            document.save(out);
            locked = out.toByteArray();
        }
        assertThat(codeOf(() -> reader.read(locked, "locked.pdf"))).isEqualTo(ErrorCode.PDF_ENCRYPTED);
    }

    @Test
    void aPdfWithOnlyAnOwnerPasswordStillReads() throws IOException {
        byte[] restricted;
        try (PDDocument document = Loader.loadPDF(screenplay());
                var out = new ByteArrayOutputStream()) {
            var permissions = new AccessPermission();
            permissions.setCanModify(false);
            document.protect(new StandardProtectionPolicy("owner-secret", "", permissions));
            document.save(out);
            restricted = out.toByteArray();
        }
        assertThat(reader.read(restricted, "restricted.pdf").scenes()).hasSize(3);
    }

    @Test
    void aScannedScriptWithNoTextLayerIsImageOnly() throws IOException {
        byte[] scanned;
        try (PDDocument original = Loader.loadPDF(screenplay());
                var scan = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            var renderer = new PDFRenderer(original);
            for (int i = 0; i < original.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 72);
                var page = new PDPage(PDRectangle.LETTER);
                scan.addPage(page);
                try (var content = new PDPageContentStream(scan, page)) {
                    content.drawImage(
                            LosslessFactory.createFromImage(scan, image),
                            0,
                            0,
                            PDRectangle.LETTER.getWidth(),
                            PDRectangle.LETTER.getHeight());
                }
            }
            scan.save(out);
            scanned = out.toByteArray();
        }
        var error = assertThatThrownBy(() -> reader.read(scanned, "scan.pdf")).isInstanceOf(SorotException.class);
        error.extracting(e -> ((SorotException) e).code()).isEqualTo(ErrorCode.PDF_IMAGE_ONLY);
        error.hasMessageContaining("no text layer");
    }

    @Test
    void aPdfWithNoPagesHasNoPages() throws IOException {
        byte[] empty;
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            document.save(out);
            empty = out.toByteArray();
        }
        assertThat(codeOf(() -> reader.read(empty, "zero.pdf"))).isEqualTo(ErrorCode.PDF_NO_PAGES);
    }

    @Test
    void moreThanFourHundredPagesIsTooMany() throws IOException {
        byte[] phoneBook;
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 401; i++) {
                document.addPage(new PDPage(PDRectangle.LETTER));
            }
            document.save(out);
            phoneBook = out.toByteArray();
        }
        var error = assertThatThrownBy(() -> reader.read(phoneBook, "book.pdf")).isInstanceOf(SorotException.class);
        error.extracting(e -> ((SorotException) e).code()).isEqualTo(ErrorCode.TOO_MANY_PAGES);
        error.hasMessageContaining("401");
    }

    @Test
    void proseIsNotAScreenplayAndTheMessageGivesTheEvidence() throws IOException {
        byte[] essay;
        var font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            for (int p = 0; p < 5; p++) {
                var page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(14);
                    content.newLineAtOffset(72, 720);
                    for (int line = 0; line < 45; line++) {
                        content.showText("The committee met on Tuesday to review the annual budget and the plans for");
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            essay = out.toByteArray();
        }
        var error = assertThatThrownBy(() -> reader.read(essay, "report.pdf")).isInstanceOf(SorotException.class);
        error.extracting(e -> ((SorotException) e).code()).isEqualTo(ErrorCode.NOT_A_SCREENPLAY);
        error.hasMessageContaining("0 scene heading").hasMessageContaining("0 character cue");
    }

    @Test
    void workIsCappedInTimeAndGivesUpWithATimeout() {
        var pdf = ScriptPdf.letter();
        for (int page = 0; page < 60; page++) {
            pdf.page();
            for (int line = 0; line < 50; line++) {
                pdf.line(1.5, "A long line of action that fills the page with words, line " + line + ".");
            }
        }
        var bytes = pdf.bytes();
        var hurried = new ScreenplayReader(new ReadLimits(400, 1 << 30, Duration.ofMillis(1)));
        assertThat(codeOf(() -> hurried.read(bytes, "slow.pdf"))).isEqualTo(ErrorCode.PARSE_TIMEOUT);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeReading() throws IOException {
        var small = new ScreenplayReader(new ReadLimits(400, 1024, Duration.ofSeconds(5)));
        var file = Files.write(dir.resolve("big.pdf"), screenplay());
        assertThat(codeOf(() -> small.read(file))).isEqualTo(ErrorCode.FILE_TOO_LARGE);
    }
}
