package ai.sorot.lambda.screenplay;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects every glyph PDFBox places on each page, with its position and font, and groups them
 * into words and lines by geometry. PDFTextStripper is used only for its glyph positioning: its
 * own line ordering and text output are skipped, since a screenplay is read by where text sits.
 */
final class PageGeometryExtractor extends PDFTextStripper {

    /** More glyphs than this on one page is not a screenplay page (about 6x a dense page). */
    static final int MAX_GLYPHS_PER_PAGE = 20_000;

    private final long deadlineNanos;
    private final List<PdfPage> pages = new ArrayList<>();
    private final Map<PDFont, int[]> fontStyles = new IdentityHashMap<>();
    private List<Glyph> glyphs = new ArrayList<>();
    private float pageWidth;
    private float pageHeight;
    private int pageNumber;

    private record Glyph(String text, float x0, float x1, float y, float size, boolean bold, boolean italic) {}

    PageGeometryExtractor(long deadlineNanos) throws IOException {
        this.deadlineNanos = deadlineNanos;
        setSuppressDuplicateOverlappingText(false);
    }

    List<PdfPage> extract(PDDocument document) throws IOException {
        writeText(document, Writer.nullWriter());
        return pages;
    }

    /**
     * An uncompressed content stream is read by PDFBox byte by byte through a view of the whole
     * file, seeking on every byte; copied once into memory it parses several times faster.
     */
    @Override
    public void processPage(PDPage page) throws IOException {
        var contents = page.getCOSObject().getCOSStream(COSName.CONTENTS);
        if (contents != null && contents.getFilters() == null) {
            byte[] bytes;
            try (var in = contents.createRawInputStream()) {
                bytes = in.readAllBytes();
            }
            var copy = new COSStream();
            try (var out = copy.createRawOutputStream()) {
                out.write(bytes);
            }
            page.getCOSObject().setItem(COSName.CONTENTS, copy);
        }
        super.processPage(page);
    }

    @Override
    protected void startPage(PDPage page) {
        checkDeadline();
        pageNumber++;
        glyphs = new ArrayList<>(4096);
        PDRectangle box = page.getCropBox();
        boolean sideways = page.getRotation() % 180 != 0;
        pageWidth = sideways ? box.getHeight() : box.getWidth();
        pageHeight = sideways ? box.getWidth() : box.getHeight();
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        String unicode = text.getUnicode();
        if (unicode == null || unicode.isEmpty()) {
            return;
        }
        var matrix = text.getTextMatrix();
        if (Math.abs(matrix.getShearX()) > 0.01f || Math.abs(matrix.getShearY()) > 0.01f) {
            return; // rotated text: watermarks and margin stamps, never screenplay lines
        }
        if (glyphs.size() >= MAX_GLYPHS_PER_PAGE) {
            throw new SorotException(ErrorCode.NOT_A_SCREENPLAY, ("Page %d holds more than %,d characters; "
                    + "a screenplay page holds about 3,000.").formatted(pageNumber, MAX_GLYPHS_PER_PAGE));
        }
        if ((glyphs.size() & 1023) == 1023) {
            checkDeadline();
        }
        int style = style(text.getFont());
        boolean stroked = switch (getGraphicsState().getTextState().getRenderingMode()) {
            case FILL_STROKE, FILL_STROKE_CLIP -> true;
            default -> false;
        };
        float x = text.getXDirAdj();
        glyphs.add(new Glyph(unicode, x, x + text.getWidthDirAdj(), text.getYDirAdj(), text.getFontSizeInPt(),
                (style & 1) != 0 || stroked, (style & 2) != 0));
    }

    @Override
    protected void writePage() {
        pages.add(new PdfPage(pageNumber, pageWidth, pageHeight, buildLines(), glyphs.size()));
        glyphs = new ArrayList<>();
    }

    private void checkDeadline() {
        if (System.nanoTime() > deadlineNanos) {
            throw new SorotException(ErrorCode.PARSE_TIMEOUT,
                    "Reading the PDF took longer than the time allowed (stopped at page " + pageNumber + ").");
        }
    }

    /** Bit 1: bold, bit 2: italic, from the font's name and descriptor (cached per font). */
    private int style(PDFont font) {
        if (font == null) {
            return 0;
        }
        return fontStyles.computeIfAbsent(font, f -> {
            String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
            PDFontDescriptor descriptor = f.getFontDescriptor();
            boolean bold = name.contains("bold") || name.contains("black") || name.contains("heavy")
                    || (descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600));
            boolean italic = name.contains("italic") || name.contains("oblique")
                    || (descriptor != null && (descriptor.isItalic() || descriptor.getItalicAngle() != 0));
            return new int[] {(bold ? 1 : 0) | (italic ? 2 : 0)};
        })[0];
    }

    private List<PdfLine> buildLines() {
        if (glyphs.isEmpty()) {
            return List.of();
        }
        glyphs.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x0));
        var lines = new ArrayList<PdfLine>();
        var current = new ArrayList<Glyph>();
        float lineY = glyphs.getFirst().y();
        for (var glyph : glyphs) {
            if (!current.isEmpty() && Math.abs(glyph.y() - lineY) > 0.35f * Math.max(glyph.size(), 1f)) {
                addLine(lines, current, lineY);
                current.clear();
            }
            if (current.isEmpty()) {
                lineY = glyph.y();
            }
            current.add(glyph);
        }
        addLine(lines, current, lineY);
        return lines;
    }

    private void addLine(List<PdfLine> lines, List<Glyph> lineGlyphs, float y) {
        lineGlyphs.sort(Comparator.comparingDouble(Glyph::x0));
        var words = new ArrayList<PdfWord>();
        var text = new StringBuilder();
        Glyph first = null;
        Glyph last = null;
        boolean bold = true;
        boolean italic = true;
        boolean overprinted = false;
        for (var glyph : lineGlyphs) {
            if (last != null && glyph.text().equals(last.text()) && Math.abs(glyph.x0() - last.x0()) < 0.3f * glyph.size()) {
                // the same glyph printed twice, slightly offset: a poor man's bold
                overprinted = true;
                continue;
            }
            boolean blank = glyph.text().isBlank();
            boolean gap = last != null && glyph.x0() - last.x1() > 0.2f * glyph.size();
            if ((blank || gap) && first != null) {
                words.add(new PdfWord(text.toString(), first.x0(), last.x1(), y, first.size(), bold || overprinted, italic));
                text.setLength(0);
                first = null;
                bold = true;
                italic = true;
                overprinted = false;
            }
            if (blank) {
                last = glyph;
                continue;
            }
            if (first == null) {
                first = glyph;
            }
            text.append(glyph.text());
            bold &= glyph.bold();
            italic &= glyph.italic();
            last = glyph;
        }
        if (first != null) {
            words.add(new PdfWord(text.toString(), first.x0(), last.x1(), y, first.size(), bold || overprinted, italic));
        }
        if (!words.isEmpty()) {
            lines.add(PdfLine.of(pageNumber, y, words));
        }
    }
}
