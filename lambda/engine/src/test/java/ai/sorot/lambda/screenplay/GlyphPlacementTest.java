package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.support.TestScripts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The glyph reader places glyphs itself (GlyphPlacement) instead of through PDFBox's text
 * stripper, for speed: every word must land exactly where PDFBox's own placement puts it.
 */
class GlyphPlacementTest {

    private static List<PdfPage> read(byte[] pdf, boolean pdfBoxPlacement, PageSetup setup) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var page : document.getPages()) {
                setup.apply(page);
            }
            return new PageGeometryExtractor(Long.MAX_VALUE, pdfBoxPlacement).extract(document);
        }
    }

    private interface PageSetup {
        void apply(PDPage page);
    }

    @ParameterizedTest
    @ValueSource(strings = {"brick-and-steel.pdf", "cyber-bob-ep1.pdf"})
    void identityHScriptsArePlacedAsPdfBoxPlacesThem(String fixture) throws Exception {
        byte[] pdf = TestScripts.resource(fixture);
        var ours = read(pdf, false, page -> {});
        assertThat(ours)
                .isNotEmpty()
                .allSatisfy(page -> assertThat(page.lines()).isNotEmpty());
        assertThat(ours).isEqualTo(read(pdf, true, page -> {}));
    }

    @Test
    void aCropBoxAwayFromTheOriginAndARotatedPageArePlacedAsPdfBoxPlacesThem() throws Exception {
        byte[] pdf = TestScripts.brickAndSteelPdf();
        PageSetup setup = page -> {
            var media = page.getMediaBox();
            page.setCropBox(new PDRectangle(24, 36, media.getWidth() - 60, media.getHeight() - 80));
            page.setRotation(90);
        };
        var ours = read(pdf, false, setup);
        assertThat(ours.getFirst().lines()).isNotEmpty();
        assertThat(ours).isEqualTo(read(pdf, true, setup));
    }

    @Test
    void spacingScalingRiseAndAdjustedTextInASimpleFontArePlacedAsPdfBoxPlacesThem() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            var page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (var stream = new PDPageContentStream(document, page)) {
                stream.beginText();
                stream.setFont(new PDType1Font(Standard14Fonts.FontName.COURIER), 12);
                stream.newLineAtOffset(108, 700);
                stream.showText("INT. KITCHEN - NIGHT");
                stream.setCharacterSpacing(0.5f);
                stream.setWordSpacing(2f);
                stream.setHorizontalScaling(90);
                stream.newLineAtOffset(0, -24);
                stream.showText("A kettle screams on the stove.");
                stream.setTextRise(3);
                stream.newLineAtOffset(0, -24);
                stream.showTextWithPositioning(new Object[] {"Wo", -120f, "rds apart"});
                stream.setTextMatrix(new Matrix(1, 0, 0.2f, 1, 252, 600));
                stream.showText("MARA");
                stream.endText();
            }
            document.save(out);
        }
        var ours = read(out.toByteArray(), false, page -> {});
        assertThat(ours.getFirst().lines()).hasSize(4);
        assertThat(ours).isEqualTo(read(out.toByteArray(), true, page -> {}));
    }
}
