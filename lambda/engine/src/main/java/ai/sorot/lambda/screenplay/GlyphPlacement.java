package ai.sorot.lambda.screenplay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * PDFBox 3.0's glyph loop (PDFStreamEngine.showText) and PDFTextStripper's glyph placement
 * (LegacyPDFStreamEngine.showGlyph, then TextPosition's reading of upright text), step for step
 * and in the same float arithmetic, so every position comes out the same: Matrix's products are
 * written out on arrays reused from glyph to glyph (PDFBox makes three matrices and a TextPosition
 * per glyph), and what PDFBox looks up per glyph is taken from {@link FontFacts}:
 * Identity-H codes read as the two bytes they are, font heights and Unicode text remembered.
 * Together they are most of the CPU of parsing a PDF. Vertical fonts and fonts that fail on
 * their space width keep PDFBox's own code (see PageGeometryExtractor).
 */
final class GlyphPlacement {

    private GlyphPlacement() {}

    /**
     * The page's crop box as PDFTextStripper places glyphs in it: glyphs are moved by its lower-left
     * corner (the translation, null at the origin) and read from its top. The page's rotation does
     * not enter: the text's own direction decides, and only upright text is kept.
     */
    record Crop(float height, float x, float y, float[] translate) {
        Crop(PDRectangle box) {
            this(
                    box.getHeight(),
                    box.getLowerLeftX(),
                    box.getLowerLeftY(),
                    Float.compare(box.getLowerLeftX(), 0) == 0 && Float.compare(box.getLowerLeftY(), 0) == 0
                            ? null
                            : values(Matrix.getTranslateInstance(-box.getLowerLeftX(), -box.getLowerLeftY())));
        }
    }

    /** PDFStreamEngine.showText for a horizontal Identity-H font (the caller checks). */
    static void showIdentityText(
            PageGeometryExtractor engine, Crop crop, FontFacts facts, byte[] string, Scratch scratch)
            throws IOException {
        var font = facts.font;
        var state = engine.getGraphicsState();
        var textState = state.getTextState();
        float fontSize = textState.getFontSize();
        float horizontalScaling = textState.getHorizontalScaling() / 100f;
        float charSpacing = textState.getCharacterSpacing();
        var textMatrix = state.getTextMatrix();
        // the glyph loop's matrices as plain floats: the same products as Matrix.multiply, without
        // its three new arrays and nine finiteness checks per product
        float[] parameters = scratch.parameters;
        parameters[0] = fontSize * horizontalScaling;
        parameters[4] = fontSize;
        parameters[7] = textState.getRise();
        float[] ctm = read(state.getCurrentTransformationMatrix(), scratch.ctm);
        float[] text = scratch.text;
        float[] scaled = scratch.scaled;
        float[] rendering = scratch.rendering;
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
            read(textMatrix, text);
            multiply(parameters, text, scaled);
            multiply(scaled, ctm, rendering);
            var displacement = facts.displacement(code);
            if (facts.plain) {
                place(engine, crop, facts, rendering, text, ctm, code, displacement, scratch);
            } else {
                engine.showGlyph(matrix(rendering), font, code, displacement);
            }
            float tx = (displacement.getX() * fontSize + charSpacing + wordSpacing) * horizontalScaling;
            textMatrix.translate(tx, 0);
        }
    }

    /** LegacyPDFStreamEngine.showGlyph for a glyph PDFBox's own loop drew (a simple font's). */
    static void place(
            PageGeometryExtractor engine,
            Crop crop,
            FontFacts facts,
            Matrix renderingMatrix,
            int code,
            Vector displacement,
            Scratch scratch)
            throws IOException {
        var state = engine.getGraphicsState();
        place(
                engine,
                crop,
                facts,
                read(renderingMatrix, scratch.rendering),
                read(state.getTextMatrix(), scratch.text),
                read(state.getCurrentTransformationMatrix(), scratch.ctm),
                code,
                displacement,
                scratch);
    }

    /**
     * LegacyPDFStreamEngine.showGlyph for a horizontal font, and the direction-adjusted position
     * TextPosition would give (PDFTextStripper's reading of it): the glyph is handed to the engine,
     * or skipped for a composite font's code with no Unicode text (which PDFBox skips).
     */
    private static void place(
            PageGeometryExtractor engine,
            Crop crop,
            FontFacts facts,
            float[] rendering,
            float[] text,
            float[] ctm,
            int code,
            Vector displacement,
            Scratch scratch)
            throws IOException {
        var font = facts.font;
        var textState = engine.getGraphicsState().getTextState();
        float fontSize = textState.getFontSize();
        float horizontalScaling = textState.getHorizontalScaling() / 100f;
        float tx = displacement.getX() * fontSize * horizontalScaling;
        float ty = displacement.getY() * fontSize;
        // Matrix.getTranslateInstance(tx, ty).multiply(textMatrix).multiply(ctm)
        var translate = scratch.translate;
        translate[6] = tx;
        translate[7] = ty;
        multiply(translate, text, scratch.moved);
        multiply(scratch.moved, ctm, scratch.next);
        float nextX = scratch.next[6];
        float dyDisplay = facts.height(engine.fontHeight) * scalingFactor(rendering[3], rendering[4]);
        String unicode = facts.unicode(code);
        if (unicode == null) {
            if (!(font instanceof PDSimpleFont)) {
                return;
            }
            unicode = String.valueOf((char) code);
        }
        var placed = rendering;
        if (crop.translate() != null) {
            placed = scratch.placed;
            multiply(rendering, crop.translate(), placed);
            nextX -= crop.x();
        }
        int fontSizeInPt = (int) (fontSize * scalingFactor(text[1], text[0]));
        // TextPosition's direction-adjusted x, y and width for upright text (direction 0), the only
        // text the engine keeps: x is the translation, y is measured from the top of the crop box
        engine.accept(
                unicode,
                font,
                placed[0],
                placed[1],
                placed[3],
                placed[4],
                placed[6],
                crop.height() - placed[7],
                Math.abs(nextX - placed[6]),
                Math.abs(dyDisplay),
                fontSizeInPt);
    }

    /** Matrix.getScalingFactorX/Y from the two entries of its row: the scale, unless sheared or rotated. */
    private static float scalingFactor(float shear, float scale) {
        return Float.compare(shear, 0) != 0 ? (float) Math.sqrt(Math.pow(shear, 2) + Math.pow(scale, 2)) : scale;
    }

    /** The arrays a glyph's placement works in, one set per reader (which reads one page at a time). */
    static final class Scratch {
        // Matrix(fontSize * horizontalScaling, 0, 0, fontSize, 0, rise): the diagonal and rise set per string
        private final float[] parameters = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        private final float[] ctm = new float[9];
        private final float[] text = new float[9];
        private final float[] scaled = new float[9];
        private final float[] rendering = new float[9];
        private final float[] translate = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        private final float[] moved = new float[9];
        private final float[] next = new float[9];
        private final float[] placed = new float[9];
    }

    /** The matrix's nine values, row by row, as Matrix keeps them. */
    static float[] values(Matrix matrix) {
        return read(matrix, new float[9]);
    }

    private static float[] read(Matrix matrix, float[] into) {
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                into[row * 3 + column] = matrix.getValue(row, column);
            }
        }
        return into;
    }

    /**
     * Matrix.multiply(a, b) in the same float expressions, into {@code out} (which must be neither
     * operand). Written out rather than looped: the batch's JIT (C1) does not unroll it.
     */
    static void multiply(float[] a, float[] b, float[] out) {
        out[0] = a[0] * b[0] + a[1] * b[3] + a[2] * b[6];
        out[1] = a[0] * b[1] + a[1] * b[4] + a[2] * b[7];
        out[2] = a[0] * b[2] + a[1] * b[5] + a[2] * b[8];
        out[3] = a[3] * b[0] + a[4] * b[3] + a[5] * b[6];
        out[4] = a[3] * b[1] + a[4] * b[4] + a[5] * b[7];
        out[5] = a[3] * b[2] + a[4] * b[5] + a[5] * b[8];
        out[6] = a[6] * b[0] + a[7] * b[3] + a[8] * b[6];
        out[7] = a[6] * b[1] + a[7] * b[4] + a[8] * b[7];
        out[8] = a[6] * b[2] + a[7] * b[5] + a[8] * b[8];
    }

    private static Matrix matrix(float[] values) {
        return new Matrix(values[0], values[1], values[3], values[4], values[6], values[7]);
    }
}
