package ai.sorot.lambda.screenplay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * PDFBox 3.0's glyph loop (PDFStreamEngine.showText) and PDFTextStripper's glyph placement
 * (LegacyPDFStreamEngine.showGlyph), step for step and in the same float arithmetic, so every
 * position comes out the same, with what they look up per glyph taken from {@link FontFacts}:
 * Identity-H codes read as the two bytes they are, font heights and Unicode text remembered.
 * Together they are most of the CPU of parsing a PDF. Vertical fonts and fonts that fail on
 * their space width keep PDFBox's own code (see PageGeometryExtractor).
 */
final class GlyphPlacement {

    private GlyphPlacement() {}

    /** The page's crop box as PDFTextStripper places glyphs in it. */
    record Crop(int rotation, float width, float height, float x, float y, Matrix translate) {
        Crop(int rotation, PDRectangle box) {
            this(
                    rotation,
                    box.getWidth(),
                    box.getHeight(),
                    box.getLowerLeftX(),
                    box.getLowerLeftY(),
                    Float.compare(box.getLowerLeftX(), 0) == 0 && Float.compare(box.getLowerLeftY(), 0) == 0
                            ? null
                            : Matrix.getTranslateInstance(-box.getLowerLeftX(), -box.getLowerLeftY()));
        }
    }

    /** PDFStreamEngine.showText for a horizontal Identity-H font (the caller checks). */
    static void showIdentityText(PageGeometryExtractor engine, FontFacts facts, byte[] string) throws IOException {
        var font = facts.font;
        var state = engine.getGraphicsState();
        var textState = state.getTextState();
        float fontSize = textState.getFontSize();
        float horizontalScaling = textState.getHorizontalScaling() / 100f;
        float charSpacing = textState.getCharacterSpacing();
        var parameters = new Matrix(fontSize * horizontalScaling, 0, 0, fontSize, 0, textState.getRise());
        var textMatrix = state.getTextMatrix();
        for (int i = 0; i < string.length; i += 2) {
            int code;
            float wordSpacing = 0;
            if (i + 1 < string.length) {
                code = (string[i] & 0xFF) << 8 | string[i + 1] & 0xFF;
            } else {
                // a lone last byte, read as PDFBox reads it: a one-byte code, which takes the word
                // spacing when it is 32
                code = font.readCode(new ByteArrayInputStream(string, i, 1));
                if (code == 32) {
                    wordSpacing += textState.getWordSpacing();
                }
            }
            var renderingMatrix = parameters.multiply(textMatrix).multiply(state.getCurrentTransformationMatrix());
            var displacement = facts.displacement(code);
            engine.showGlyph(renderingMatrix, font, code, displacement);
            float tx = (displacement.getX() * fontSize + charSpacing + wordSpacing) * horizontalScaling;
            textMatrix.translate(tx, 0);
        }
    }

    /**
     * LegacyPDFStreamEngine.showGlyph for a horizontal font: the glyph's TextPosition, or null for
     * a composite font's code with no Unicode text (which PDFBox skips). The space width is left at
     * zero: nothing here reads it.
     */
    static TextPosition place(
            PDFStreamEngine engine,
            Crop crop,
            FontFacts facts,
            FontFacts.FontHeight fontHeight,
            Matrix renderingMatrix,
            int code,
            Vector displacement)
            throws IOException {
        var font = facts.font;
        var state = engine.getGraphicsState();
        var ctm = state.getCurrentTransformationMatrix();
        float fontSize = state.getTextState().getFontSize();
        float horizontalScaling = state.getTextState().getHorizontalScaling() / 100f;
        var textMatrix = engine.getTextMatrix();
        float tx = displacement.getX() * fontSize * horizontalScaling;
        float ty = displacement.getY() * fontSize;
        var next = Matrix.getTranslateInstance(tx, ty).multiply(textMatrix).multiply(ctm);
        float nextX = next.getTranslateX();
        float nextY = next.getTranslateY();
        float dxDisplay = nextX - renderingMatrix.getTranslateX();
        float dyDisplay = facts.height(fontHeight) * renderingMatrix.getScalingFactorY();
        String unicode = facts.unicode(code);
        if (unicode == null) {
            if (!(font instanceof PDSimpleFont)) {
                return null;
            }
            unicode = String.valueOf((char) code);
        }
        var placed = renderingMatrix;
        if (crop.translate() != null) {
            placed = Matrix.concatenate(crop.translate(), renderingMatrix);
            nextX -= crop.x();
            nextY -= crop.y();
        }
        return new TextPosition(
                crop.rotation(),
                crop.width(),
                crop.height(),
                placed,
                nextX,
                nextY,
                Math.abs(dyDisplay),
                dxDisplay,
                0,
                unicode,
                new int[] {code},
                font,
                fontSize,
                (int) (fontSize * textMatrix.getScalingFactorX()));
    }
}
