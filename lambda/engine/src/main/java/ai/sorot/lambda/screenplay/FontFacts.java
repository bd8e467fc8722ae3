package ai.sorot.lambda.screenplay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.fontbox.cmap.CMap;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.util.Vector;

/**
 * What the glyph reader asks of a font on every glyph, worked out once per font: its style, the
 * glyph height PDFTextStripper uses, whether its codes are plain two-byte Identity-H codes, and
 * each code's Unicode text and displacement. PDFBox answers these per glyph (a codespace search
 * with a stream per code, font descriptor and bounding-box reads, a new vector); a 35-page script
 * draws about 100,000 glyphs in four fonts. The answers are PDFBox's own, only remembered.
 */
final class FontFacts {

    /** PDFTextStripper's glyph list: Adobe's, plus PDFBox's additional names. */
    static final GlyphList GLYPH_LIST = additionalGlyphList();

    private static final String NO_UNICODE = new String("");

    final PDFont font;
    /** Bit 1: bold, bit 2: italic, bit 4: a dingbat font. */
    final int style;
    /** Codes are two bytes, any two (the predefined Identity-H CMap), so no codespace search is needed. */
    final boolean identityH;
    /**
     * Neither vertical nor failing on its space width (which PDFTextStripper logs on every glyph):
     * its glyphs can be placed here; the others go through PDFBox's own placement.
     */
    final boolean plain;

    private float height = Float.NaN;
    private final String[][] unicode = new String[256][];
    private final Vector[][] displacement = new Vector[256][];

    FontFacts(PDFont font) {
        this.font = font;
        this.style = style(font);
        this.identityH = isIdentityH(font);
        this.plain = !font.isVertical() && hasSpaceWidth(font);
    }

    /** The glyph height from {@code compute} (PDFTextStripper's computeFontHeight), asked once. */
    float height(FontHeight compute) throws IOException {
        if (Float.isNaN(height)) {
            height = compute.of(font);
        }
        return height;
    }

    /** {@code font.toUnicode(code, GLYPH_LIST)}, remembered per code. */
    String unicode(int code) throws IOException {
        if (code < 0 || code > 0xFFFF) {
            return font.toUnicode(code, GLYPH_LIST);
        }
        var block = unicode[code >>> 8];
        if (block == null) {
            block = unicode[code >>> 8] = new String[256];
        }
        var text = block[code & 0xFF];
        if (text == null) {
            text = font.toUnicode(code, GLYPH_LIST);
            block[code & 0xFF] = text == null ? NO_UNICODE : text;
            return text;
        }
        return text == NO_UNICODE ? null : text;
    }

    /** {@code font.getDisplacement(code)}, remembered per code (a width lookup and a new vector each time in PDFBox). */
    Vector displacement(int code) throws IOException {
        if (code < 0 || code > 0xFFFF) {
            return font.getDisplacement(code);
        }
        var block = displacement[code >>> 8];
        if (block == null) {
            block = displacement[code >>> 8] = new Vector[256];
        }
        var vector = block[code & 0xFF];
        if (vector == null) {
            vector = block[code & 0xFF] = font.getDisplacement(code);
        }
        return vector;
    }

    /** The height function of the text stripper, which is protected there. */
    @FunctionalInterface
    interface FontHeight {
        float of(PDFont font) throws IOException;
    }

    private static boolean isIdentityH(PDFont font) {
        if (!(font instanceof PDType0Font type0) || font.isVertical()) {
            return false;
        }
        // only the predefined CMap named in the font: an embedded CMap stream may call itself
        // Identity-H and still define other codespaces
        CMap cmap = type0.getCMap();
        return font.getCOSObject().getDictionaryObject(COSName.ENCODING) instanceof COSName name
                && name.getName().equals("Identity-H")
                && cmap != null
                && "Identity-H".equals(cmap.getName());
    }

    private static boolean hasSpaceWidth(PDFont font) {
        try {
            font.getSpaceWidth();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int style(PDFont font) {
        String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
        PDFontDescriptor descriptor = font.getFontDescriptor();
        boolean bold = name.contains("bold")
                || name.contains("black")
                || name.contains("heavy")
                || (descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600));
        boolean italic = name.contains("italic")
                || name.contains("oblique")
                || (descriptor != null && (descriptor.isItalic() || descriptor.getItalicAngle() != 0));
        boolean dingbat = name.contains("dingbat")
                || name.contains("wingding")
                || name.contains("webding")
                || name.contains("ornament");
        return (bold ? 1 : 0) | (italic ? 2 : 0) | (dingbat ? 4 : 0);
    }

    private static GlyphList additionalGlyphList() {
        try (InputStream in =
                GlyphList.class.getResourceAsStream("/org/apache/pdfbox/resources/glyphlist/additional.txt")) {
            return new GlyphList(GlyphList.getAdobeGlyphList(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
