package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.support.SharedFolder;
import ai.sorot.lambda.support.TestScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's content tokenizer gives, for every content it reads, exactly PDFBox's tokens, and
 * leaves to PDFBox what it does not read the way PDFBox does.
 */
class ContentTokensTest {

    private static List<Object> ours(byte[] content) {
        return ContentTokens.read(content, new ContentTokens.OperatorTable());
    }

    private static byte[] bytes(String content) {
        return content.getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "q 1 0 0 -1 0 841.89 cm BT 1 0 0 1 72 59.43 Tm /F2 12 Tf [(\\000#\\000O) -120 (ab)] TJ ET Q",
                "BT /F1 12 Tf 108 700 Td (INT. KITCHEN - NIGHT) Tj T* (She \\(quietly\\) says: \\\\ ok) Tj ET",
                "BT 0 Tc 0 Tw 100 Tz 14.4 TL 2 Ts 0 Tr (a) ' 1 2 (b) \" ET",
                "/DeviceRGB cs 0 0 0 scn f 0.5 g 1 1 1 RG 10 10 100 100 re f* n W n",
                "BT (octal \\101\\102\\7x and \\n\\r\\t\\b\\f) Tj -.5 +3 5. -0.25 Td ET",
                "/Im1 Do /GS1 gs [3 2] 0 d 1 j 0.5 w",
                "BT [<000300140010> -120 <0006 0007\n0015\b\f>] TJ <> Tj <aBcDeF> Tj ET",
            })
    void contentItReadsGivesPdfBoxsTokens(String content) throws IOException {
        var tokens = ours(bytes(content));
        assertThat(tokens).as(content).isNotNull();
        assertThat(PdfTokens.describe(tokens)).isEqualTo(PdfTokens.ofPdfBox(bytes(content)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/P <</MCID 0>> BDC (a) Tj EMC", // a dictionary
                "BT <414> Tj ET", // hex strings PDFBox repairs: an odd digit count, a stray character
                "BT <41x2> Tj ET",
                "BT <4142 Tj ET",
                "BI /W 1 /H 1 ID \u00ff EI", // an inline image
                "% a comment\nBT (a) Tj ET",
                "BT (a (nested) string) Tj ET",
                "BT (ends early? \\)\n/F1 12 Tf) Tj ET",
                "BT (a line \\\ncontinued) Tj ET",
                "1-2 0 Td",
                "--5 0 Td",
                "5e3 0 Td",
                "1.2.3 0 Td",
                "true false null",
                "/Na#20me Tf",
                "[(a) [(b)]] TJ",
                "] 0 Td",
                "(unterminated",
                "0 0 Td0 Tr",
                "Q\u000b", // PDFBox trims control bytes off an operator
                "m\u0001 0 0 l",
            })
    void contentItDoesNotReadAsPdfBoxDoesIsLeftToPdfBox(String content) {
        assertThat(ours(bytes(content))).as(content).isNull();
    }

    @Test
    void theTestScriptsPagesAreReadHereAndGivePdfBoxsTokens() throws IOException {
        for (var fixture : List.of("brick-and-steel.pdf", "cyber-bob-ep1.pdf")) {
            var pages = pageContents(TestScripts.resource(fixture));
            int read = compare(pages);
            assertThat(read).as(fixture + ": pages read here").isEqualTo(pages.size());
        }
    }

    /** Real exports (Final Draft, Fade In, Word...), read at run time where the shared folder is. */
    @Test
    void realScriptPagesReadHereGivePdfBoxsTokens() throws IOException {
        var shared = SharedFolder.locate();
        if (shared.isEmpty() || !Files.isDirectory(shared.get().resolve("corpus-real"))) {
            return;
        }
        int pages = 0;
        int read = 0;
        try (var files = Files.list(shared.get().resolve("corpus-real"))) {
            for (Path pdf :
                    files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
                var contents = pageContents(Files.readAllBytes(pdf));
                pages += contents.size();
                read += compare(contents);
            }
        }
        // the tokenizer is for the content real exports have, not only our own renderer's
        assertThat(read).as("real pages read here of " + pages).isGreaterThanOrEqualTo(pages * 9 / 10);
    }

    /** Compares ours with PDFBox's on each page we read; returns how many we read. */
    private static int compare(List<byte[]> pages) throws IOException {
        int read = 0;
        for (byte[] page : pages) {
            var tokens = ours(page);
            if (tokens != null) {
                read++;
                assertThat(PdfTokens.describe(tokens)).isEqualTo(PdfTokens.ofPdfBox(page));
            }
        }
        return read;
    }

    /** Each page's content as the engine reads it: decoded, content arrays joined. */
    private static List<byte[]> pageContents(byte[] pdf) throws IOException {
        var out = new ArrayList<byte[]>();
        try (var document = Loader.loadPDF(pdf)) {
            for (var page : document.getPages()) {
                byte[] content = PageContent.of(page);
                if (content != null) {
                    out.add(content);
                }
            }
        }
        return out;
    }
}
