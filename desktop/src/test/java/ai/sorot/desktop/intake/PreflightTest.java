package ai.sorot.desktop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.testing.TestPdfs;
import ai.sorot.lambda.screenplay.ScriptFormat;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    private static final Path CORPUS = Path.of("/work/shared/corpus");

    @TempDir
    Path dir;

    private final Preflight preflight = new Preflight();

    @Test
    void screenplayPdfGivesPagesTitleAndThumbnail() throws Exception {
        var pdf = TestPdfs.screenplay(dir.resolve("the-ferry.pdf"), "The Last Ferry", "Ana Lindqvist", 9);

        var result = preflight.check(pdf);

        assertThat(result).isInstanceOfSatisfying(PreflightResult.Accepted.class, a -> {
            assertThat(a.title()).isEqualTo("THE LAST FERRY");
            assertThat(a.pages()).isEqualTo(2); // two pages of scenes after the title page, as the report counts them
            assertThat(a.format()).isEqualTo(ScriptFormat.PDF);
            assertThat(a.sha256()).hasSize(64);
            assertThat(a.thumbnailPng()).isNotNull();
            try {
                var thumbnail = ImageIO.read(new ByteArrayInputStream(a.thumbnailPng()));
                assertThat(thumbnail.getWidth()).isEqualTo(160);
                assertThat(thumbnail.getHeight()).isBetween(200, 210); // US Letter proportions
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void realScreenplayFromTheCorpusReadsItsTitlePage() {
        var pdf = CORPUS.resolve("screenplain/examples/Brick-and-Steel.pdf");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(pdf), "corpus not on this machine");
        var result = (PreflightResult.Accepted) preflight.check(pdf);
        assertThat(result.title()).isEqualTo("BRICK & STEEL FULL RETIRED");
        assertThat(result.pages()).isEqualTo(3); // 4 PDF pages, the first a title page
    }

    @Test
    void scriptWithoutTitlePageFallsBackToTheFileName() throws Exception {
        var pdf = CORPUS.resolve("afterwriting/pdf/client.pdf");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(pdf), "corpus not on this machine");
        var copy = Files.copy(pdf, dir.resolve("night_client-draft2.pdf"));
        var result = (PreflightResult.Accepted) preflight.check(copy);
        // the metadata title "Screenplay title Second line" is a template's placeholder, not a title
        assertThat(result.title()).isEqualTo("night client draft2");
    }

    @Test
    void passwordProtectedPdfIsRefused() throws Exception {
        var result = preflight.check(TestPdfs.encrypted(dir.resolve("locked.pdf")));
        assertRefused(result, "PDF_ENCRYPTED", "password");
    }

    @Test
    void scannedPdfWithoutTextIsRefused() throws Exception {
        var result = preflight.check(TestPdfs.imageOnly(dir.resolve("scan.pdf")));
        assertRefused(result, "PDF_IMAGE_ONLY", "no text layer");
    }

    @Test
    void truncatedPdfIsRefusedAsCorrupt() throws Exception {
        var result = preflight.check(TestPdfs.truncated(dir.resolve("half.pdf")));
        assertThat(result).isInstanceOf(PreflightResult.Refused.class);
        assertThat(((PreflightResult.Refused) result).code()).isEqualTo("PDF_CORRUPT");
    }

    @Test
    void aPdfWithoutItsCatalogueIsRefusedInSorotsWordsNotPdfBoxs() throws Exception {
        // a PDF whose trailer names no document catalogue: PDFBox says "Missing root object
        // specification in trailer", and a film programmer reads "trailer" as a film trailer
        var body = "%PDF-1.4\n1 0 obj\n<< /Type /Font >>\nendobj\ntrailer\n<< /Size 2 >>\n%%EOF\n";
        var rootless = Files.writeString(dir.resolve("rootless.pdf"), body);

        var result = preflight.check(rootless);

        assertThat(result).isInstanceOfSatisfying(PreflightResult.Refused.class, r -> {
            assertThat(r.code()).isEqualTo("PDF_CORRUPT");
            assertThat(r.reason())
                    .isEqualTo(RefusalReasons.sentence("PDF_CORRUPT", "rootless.pdf"))
                    .doesNotContainIgnoringCase("trailer")
                    .doesNotContainIgnoringCase("root object");
        });
    }

    @Test
    void aCodeSorotHasNoSentenceForFallsBackToTheCodesDefaultMessage() {
        assertThat(RefusalReasons.sentence("FDX_INVALID", "a.fdx"))
                .isEqualTo("a.fdx: " + ai.sorot.model.api.ErrorCode.FDX_INVALID.defaultMessage());
        // the API's message for an unreadable PDF may carry the PDF library's words: the row shows Sorot's
        assertThat(RefusalReasons.fromApi("PDF_CORRUPT", "x.pdf", "Missing root object specification in trailer."))
                .isEqualTo(RefusalReasons.sentence("PDF_CORRUPT", "x.pdf"));
        assertThat(RefusalReasons.fromApi("TOO_MANY_PAGES", "x.pdf", null))
                .isEqualTo(RefusalReasons.sentence("TOO_MANY_PAGES", "x.pdf"));
    }

    @Test
    void fileNamedPdfThatIsNotOneIsRefused() throws Exception {
        var fake = Files.writeString(dir.resolve("notes.pdf"), "Dear programmer, please find my script attached.");
        assertRefused(preflight.check(fake), "NOT_A_PDF", "not a PDF");
    }

    @Test
    void otherFormatsAreRefusedNamingWhatIsAccepted() throws Exception {
        var docx = Files.write(dir.resolve("script.docx"), new byte[] {'P', 'K', 3, 4, 20, 0});
        assertRefused(preflight.check(docx), "UNSUPPORTED_FORMAT", "PDF, Fountain, Final Draft and Highland");
        var text = Files.writeString(dir.resolve("notes.md"), "INT. HOUSE - DAY");
        assertRefused(preflight.check(text), "UNSUPPORTED_FORMAT", "Final Draft (.fdx) and Highland");
    }

    /** A short Final Draft file written for this test: two scenes, a title page. */
    private static final String FDX = """
            <?xml version="1.0" encoding="UTF-8" standalone="no" ?>
            <FinalDraft DocumentType="Script" Template="No" Version="5">
              <Content>
                <Paragraph Number="1" Type="Scene Heading"><Text>INT. SIGNAL BOX - NIGHT</Text></Paragraph>
                <Paragraph Type="Action"><Text>Levers, a kettle, a radio.</Text></Paragraph>
                <Paragraph Type="Character"><Text>TOMAS</Text></Paragraph>
                <Paragraph Type="Dialogue"><Text>The last train is late.</Text></Paragraph>
                <Paragraph Number="2" Type="Scene Heading"><Text>EXT. PLATFORM - NIGHT</Text></Paragraph>
                <Paragraph Type="Action"><Text>Nobody waits.</Text></Paragraph>
              </Content>
              <TitlePage>
                <Content>
                  <Paragraph Alignment="Center"><Text>THE SIGNAL BOX</Text></Paragraph>
                  <Paragraph Alignment="Center"><Text>Written by</Text></Paragraph>
                  <Paragraph Alignment="Center"><Text>Mira Kos</Text></Paragraph>
                </Content>
              </TitlePage>
            </FinalDraft>
            """;

    @Test
    void finalDraftFileGivesTheEnginesTitleAndPagesAndNoThumbnail() throws Exception {
        // named .xml: the bytes, not the name, say it is Final Draft
        var result = preflight.check(Files.writeString(dir.resolve("signal-box.xml"), FDX));
        assertThat(result).isInstanceOfSatisfying(PreflightResult.Accepted.class, a -> {
            assertThat(a.format()).isEqualTo(ScriptFormat.FINAL_DRAFT);
            assertThat(a.title()).isEqualTo("THE SIGNAL BOX");
            assertThat(a.pages()).isEqualTo(1);
            assertThat(a.pagesEstimated()).isTrue();
            assertThat(a.thumbnailPng()).isNull();
            assertThat(a.sha256()).hasSize(64);
        });
    }

    @Test
    void highlandFileIsReadFromTheFountainInsideIt() throws Exception {
        var zip = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("Signal.textbundle/text.fountain"));
            out.write("Title: Signal\n\nINT. SIGNAL BOX - NIGHT\n\nLevers.\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        var result = preflight.check(Files.write(dir.resolve("signal.highland"), zip.toByteArray()));
        assertThat(result).isInstanceOfSatisfying(PreflightResult.Accepted.class, a -> {
            assertThat(a.format()).isEqualTo(ScriptFormat.HIGHLAND);
            assertThat(a.title()).isEqualTo("Signal");
            assertThat(a.thumbnailPng()).isNull();
        });
    }

    @Test
    void brokenFinalDraftFileIsRefusedWithTheServersCode() throws Exception {
        var cut = Files.writeString(dir.resolve("cut.fdx"), FDX.substring(0, FDX.indexOf("<TitlePage>")));
        assertRefused(preflight.check(cut), "FDX_INVALID", "XML is damaged");
        var bomb = Files.writeString(
                dir.resolve("bomb.fdx"),
                "<?xml version=\"1.0\"?><!DOCTYPE FinalDraft [<!ENTITY a \"aa\">"
                        + "<!ENTITY b \"&a;&a;&a;\">]><FinalDraft><Content><Paragraph Type=\"Action\"><Text>&b;</Text></Paragraph></Content></FinalDraft>");
        assertRefused(preflight.check(bomb), "ARCHIVE_TOO_LARGE", "entities");
    }

    @Test
    void emptyAndMissingFilesAreRefused() throws Exception {
        assertRefused(preflight.check(Files.createFile(dir.resolve("empty.pdf"))), "EMPTY_FILE", "empty");
        assertRefused(preflight.check(dir.resolve("gone.pdf")), "FILE_NOT_FOUND", "gone.pdf");
    }

    @Test
    void fountainTitleComesFromItsTitlePage() throws Exception {
        var fountain = Files.writeString(dir.resolve("x.fountain"), """
                Title: **THE LIBRARY**
                    FREAK-OUT
                Credit: Written by
                Author: Someone

                INT. LIBRARY - NIGHT

                Books fall.
                """);
        var result = (PreflightResult.Accepted) preflight.check(fountain);
        assertThat(result.title()).isEqualTo("THE LIBRARY FREAK-OUT");
        assertThat(result.format()).isEqualTo(ScriptFormat.FOUNTAIN);
        assertThat(result.pagesEstimated()).isTrue();
        assertThat(result.pages()).isEqualTo(1);
        assertThat(result.thumbnailPng()).isNull();
    }

    @Test
    void binaryFileNamedFountainIsRefused() throws Exception {
        var bogus = Files.write(dir.resolve("x.fountain"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0, 1});
        assertThat(preflight.check(bogus)).isInstanceOf(PreflightResult.Refused.class);
    }

    @Test
    void sameFileHasTheSameHash() throws Exception {
        var a = TestPdfs.screenplay(dir.resolve("a.pdf"), "Same", "W", 3);
        var b = Files.copy(a, dir.resolve("b.pdf"));
        assertThat(((PreflightResult.Accepted) preflight.check(a)).sha256())
                .isEqualTo(((PreflightResult.Accepted) preflight.check(b)).sha256());
    }

    private static void assertRefused(PreflightResult result, String code, String reasonPart) {
        assertThat(result).isInstanceOfSatisfying(PreflightResult.Refused.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.reason()).containsIgnoringCase(reasonPart);
        });
    }
}
