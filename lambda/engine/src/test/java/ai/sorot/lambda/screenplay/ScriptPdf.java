package ai.sorot.lambda.screenplay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes screenplay pages with PDFBox the way Final Draft lays them out: 12-point Courier, six
 * lines to the inch, positions given in inches from the left edge. Tests describe a page line by
 * line and get a real PDF to read back.
 */
final class ScriptPdf {

    static final float LINE = 12f;
    private static final PDType1Font COURIER = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private static final PDType1Font COURIER_BOLD = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);

    private final PDDocument document = new PDDocument();
    private final PDRectangle size;
    private PDPageContentStream stream;
    private float baseline;

    ScriptPdf(PDRectangle size) {
        this.size = size;
    }

    static ScriptPdf letter() {
        return new ScriptPdf(PDRectangle.LETTER);
    }

    static ScriptPdf a4() {
        return new ScriptPdf(PDRectangle.A4);
    }

    /** Starts a page; the first line sits one inch down. */
    ScriptPdf page() {
        close();
        var page = new PDPage(size);
        document.addPage(page);
        try {
            stream = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        baseline = 72 + 9;
        return this;
    }

    /** A line at {@code inches} from the left edge, then down one line. */
    ScriptPdf line(double inches, String text) {
        draw(COURIER, (float) inches * 72, baseline, text);
        baseline += LINE;
        return this;
    }

    ScriptPdf bold(double inches, String text) {
        draw(COURIER_BOLD, (float) inches * 72, baseline, text);
        baseline += LINE;
        return this;
    }

    /** Text on the line just written (scene numbers, the second dual-dialogue column). */
    ScriptPdf beside(double inches, String text) {
        draw(COURIER, (float) inches * 72, baseline - LINE, text);
        return this;
    }

    /** Text ending at {@code inches} from the left edge, on a line of its own. */
    ScriptPdf right(double inches, String text) {
        draw(COURIER, (float) inches * 72 - width(text), baseline, text);
        baseline += LINE;
        return this;
    }

    ScriptPdf centred(String text) {
        draw(COURIER, (size.getWidth() - width(text)) / 2, baseline, text);
        baseline += LINE;
        return this;
    }

    /** Centred text at a fixed height (title pages). */
    ScriptPdf centredAt(double yInches, String text) {
        draw(COURIER, (size.getWidth() - width(text)) / 2, (float) yInches * 72, text);
        return this;
    }

    ScriptPdf blank() {
        baseline += LINE;
        return this;
    }

    /**
     * A line slanted the way Final Draft for Windows draws italics: upright Courier under a
     * skewed text matrix ({@code 1 0 0.2 1 Tm}), optionally filled and stroked for bold.
     */
    ScriptPdf skewed(double inches, String text, boolean strokedBold) {
        try {
            stream.beginText();
            stream.setFont(COURIER, 12);
            if (strokedBold) {
                stream.setRenderingMode(RenderingMode.FILL_STROKE);
            }
            stream.setTextMatrix(new Matrix(1, 0, 0.2f, 1, (float) inches * 72, size.getHeight() - baseline));
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        baseline += LINE;
        return this;
    }

    /** A glyph drawn beside the line just written but off the page's right edge, inside an empty clip: nothing shows. */
    ScriptPdf hiddenGlyph(String text) {
        try {
            stream.saveGraphicsState();
            stream.addRect(0, 0, 0, 0);
            stream.clip();
            stream.beginText();
            stream.setFont(COURIER, 12);
            stream.newLineAtOffset(size.getWidth() + 20, size.getHeight() - baseline + LINE);
            stream.showText(text);
            stream.endText();
            stream.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Text at a fixed place in another size (display type on a cover). */
    ScriptPdf sized(double xInches, double yInches, float points, String text) {
        try {
            stream.beginText();
            stream.setFont(COURIER, points);
            stream.newLineAtOffset((float) xInches * 72, size.getHeight() - (float) yInches * 72);
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Text at a fixed place, outside the flow: headers, footers, page numbers. */
    ScriptPdf at(double xInches, double yInches, String text) {
        draw(COURIER, (float) xInches * 72, (float) yInches * 72, text);
        return this;
    }

    byte[] bytes() {
        close();
        try (document;
                var out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float width(String text) {
        return text.length() * 7.2f;
    }

    private void draw(PDType1Font font, float x, float yFromTop, String text) {
        try {
            stream.beginText();
            stream.setFont(font, 12);
            stream.newLineAtOffset(x, size.getHeight() - yFromTop);
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stream = null;
        }
    }
}
