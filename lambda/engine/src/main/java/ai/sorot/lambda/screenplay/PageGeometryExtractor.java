package ai.sorot.lambda.screenplay;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Collects every glyph PDFBox places on each page, with its position and font, and groups them
 * into words and lines by geometry. PDFTextStripper is used only for its glyph positioning: its
 * own line ordering and text output are skipped, since a screenplay is read by where text sits.
 */
final class PageGeometryExtractor extends PDFTextStripper {

    private static final String READ_TOKENS = "SorotReadTokens";
    private static final byte[] READ_TOKENS_CONTENT = READ_TOKENS.getBytes(StandardCharsets.US_ASCII);

    /** More glyphs than this on one page is not a screenplay page (about 6x a dense page). */
    static final int MAX_GLYPHS_PER_PAGE = 20_000;

    private final long deadlineNanos;
    private final boolean pdfBoxPlacement;
    private final List<PdfPage> pages = new ArrayList<>();
    private final Map<PDFont, FontFacts> fonts = new IdentityHashMap<>();
    private FontFacts lastFacts;
    private List<Glyph> glyphs = new ArrayList<>();
    private float pageWidth;
    private float pageHeight;
    private GlyphPlacement.Crop crop;
    private final GlyphPlacement.Scratch scratch = new GlyphPlacement.Scratch();
    /** PDFTextStripper's glyph height (protected there), handed to FontFacts, which asks it once per font. */
    final FontFacts.FontHeight fontHeight = this::computeFontHeight;

    private final ContentTokens.OperatorTable operators = new ContentTokens.OperatorTable();
    private List<Object> pendingTokens;
    private int pageNumber;

    /** One glyph; {@code run} numbers the stretches the content stream drew left to right in one go. */
    private record Glyph(String text, float x0, float x1, float y, float size, boolean bold, boolean italic, int run) {}

    // written out rather than comparingDouble(...).thenComparing(...): the same order, without a
    // chain of key extractors on every one of a batch's millions of comparisons
    private static final Comparator<Glyph> BY_X = (a, b) -> Float.compare(a.x0(), b.x0());
    private static final Comparator<Glyph> BY_Y_THEN_X = (a, b) -> {
        int byY = Float.compare(a.y(), b.y());
        return byY != 0 ? byY : Float.compare(a.x0(), b.x0());
    };

    private int run;
    private boolean repaired;
    private Glyph previous;

    PageGeometryExtractor(long deadlineNanos) throws IOException {
        this(deadlineNanos, false);
    }

    /** {@code pdfBoxPlacement}: every glyph placed by PDFBox's own code, the reference GlyphPlacement is tested against. */
    PageGeometryExtractor(long deadlineNanos, boolean pdfBoxPlacement) throws IOException {
        this.deadlineNanos = deadlineNanos;
        this.pdfBoxPlacement = pdfBoxPlacement;
        setSuppressDuplicateOverlappingText(false);
    }

    List<PdfPage> extract(PDDocument document) throws IOException {
        writeText(document, Writer.nullWriter());
        var decoded = TextLayerRepair.macRomanRead(pages);
        repaired |= decoded != pages;
        return decoded;
    }

    /** Whether the text layer was mis-encoded and repaired (spaces given as "!", Mac Roman read as WinAnsi). */
    boolean repaired() {
        return repaired;
    }

    /**
     * PDFBox reads a page's content byte by byte through a view of the file or of its decoded copy
     * and builds every token through a StringBuilder. Here the content is held as one array
     * (PageContent) and its tokens read from the array (ContentTokens) and run through PDFBox's
     * operators; content the tokenizer leaves alone is read by PDFBox through an array cursor
     * (InMemoryContentStream), its hex strings given as literal strings (HexStringsAsLiteral).
     */
    @Override
    public void processPage(PDPage page) throws IOException {
        if (!pdfBoxPlacement) {
            byte[] bytes = PageContent.of(page);
            if (bytes != null) {
                pendingTokens = ContentTokens.read(bytes, operators);
                // tokens read here are handed to PDFBox through one marker operator (see
                // processOperator); content they cannot read is PDFBox's to tokenize
                page.getCOSObject()
                        .setItem(
                                COSName.CONTENTS,
                                new InMemoryContentStream(
                                        pendingTokens != null
                                                ? READ_TOKENS_CONTENT
                                                : HexStringsAsLiteral.rewrite(bytes)));
            }
        }
        try {
            super.processPage(page);
        } finally {
            pendingTokens = null;
        }
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
        crop = new GlyphPlacement.Crop(box);
    }

    @Override
    protected void showText(byte[] string) throws IOException {
        var font = getGraphicsState().getTextState().getFont();
        if (pdfBoxPlacement || font == null || !facts(font).identityH) {
            super.showText(string);
            return;
        }
        GlyphPlacement.showIdentityText(this, crop, facts(font), string, scratch);
    }

    @Override
    protected void showGlyph(Matrix renderingMatrix, PDFont font, int code, Vector displacement) throws IOException {
        var facts = facts(font);
        if (pdfBoxPlacement || !facts.plain) {
            super.showGlyph(renderingMatrix, font, code, displacement);
            return;
        }
        GlyphPlacement.place(this, crop, facts, renderingMatrix, code, displacement, scratch);
    }

    /**
     * The marker standing for the page's content when ContentTokens read it: PDFBox's content loop
     * (private to it) reaches it with the page's resources and graphics state set up, and the
     * tokens are run through PDFBox's own operators here, as its loop would run them.
     */
    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (pendingTokens != null && READ_TOKENS.equals(operator.getName())) {
            var tokens = pendingTokens;
            pendingTokens = null;
            var arguments = new ArrayList<COSBase>();
            for (Object token : tokens) {
                if (token instanceof Operator next) {
                    super.processOperator(next, arguments);
                    arguments.clear();
                } else {
                    arguments.add((COSBase) token);
                }
            }
            return;
        }
        super.processOperator(operator, operands);
    }

    /** A glyph as PDFBox's own placement gives it (fonts GlyphPlacement leaves to PDFBox, and the reference mode). */
    @Override
    protected void processTextPosition(TextPosition text) {
        var matrix = text.getTextMatrix();
        accept(
                text.getUnicode(),
                text.getFont(),
                matrix.getScaleX(),
                matrix.getShearY(),
                matrix.getShearX(),
                matrix.getScaleY(),
                text.getXDirAdj(),
                text.getYDirAdj(),
                text.getWidthDirAdj(),
                text.getHeightDir(),
                text.getFontSizeInPt());
    }

    /**
     * One placed glyph: its text matrix's scale and shear, its direction-adjusted position and
     * width (y from the top of the page), its height and its size in points.
     */
    @SuppressWarnings("ParameterNumber") // the glyph's figures as PDFBox gives them, without a record per glyph
    void accept(
            String unicode,
            PDFont font,
            float scaleX,
            float shearY,
            float shearX,
            float scaleY,
            float x,
            float y,
            float width,
            float height,
            float fontSizeInPt) {
        if (unicode == null || unicode.isEmpty()) {
            return;
        }
        int cp = unicode.codePointAt(0);
        if (cp >= 0xE000 && cp <= 0xF8FF || cp >= 0x2700 && cp <= 0x27BF || (style(font) & 4) != 0) {
            return; // a dingbat or a logo glyph, never words of the script
        }
        // rotated or mirrored text (watermarks, margin stamps) is never a screenplay line; text that
        // is only slanted (Final Draft for Windows draws italics as "1 0 0.2 1 Tm") is read as usual
        if (Math.abs(shearY) > 0.01f * Math.abs(scaleX) || scaleX <= 0 || scaleY <= 0) {
            return;
        }
        if (x + width < 0 || x > pageWidth || y < 0 || y - height > pageHeight) {
            return; // drawn off the page (inside an empty clip): nothing a reader sees
        }
        if (glyphs.size() >= MAX_GLYPHS_PER_PAGE) {
            throw new SorotException(
                    ErrorCode.NOT_A_SCREENPLAY,
                    ("Page %d holds more than %,d characters; " + "a screenplay page holds about 3,000.")
                            .formatted(pageNumber, MAX_GLYPHS_PER_PAGE));
        }
        if ((glyphs.size() & 1023) == 1023) {
            checkDeadline();
        }
        int style = style(font);
        boolean stroked = switch (getGraphicsState().getTextState().getRenderingMode()) {
            case FILL_STROKE, FILL_STROKE_CLIP -> true;
            default -> false;
        };
        boolean slanted = Math.abs(shearX) > 0.05f * Math.abs(scaleY);
        var glyph = new Glyph(
                unicode,
                x,
                x + width,
                y,
                fontSizeInPt,
                (style & 1) != 0 || stroked,
                (style & 2) != 0 || slanted,
                nextRun(x, y));
        glyphs.add(glyph);
        previous = glyph;
    }

    /** A glyph that does not follow on from the one drawn before it starts a new run. */
    private int nextRun(float x, float y) {
        if (previous == null
                || Math.abs(y - previous.y()) > 0.5f
                || x < previous.x0()
                || x - previous.x1() > 3 * previous.size()) {
            run++;
        }
        return run;
    }

    @Override
    protected void writePage() {
        var lines = buildLines();
        if (TextLayerRepair.bangsForSpaces(lines)) {
            glyphs.replaceAll(g -> g.text().equals("!")
                    ? new Glyph(" ", g.x0(), g.x1(), g.y(), g.size(), g.bold(), g.italic(), g.run())
                    : g);
            lines = buildLines();
            repaired = true;
        }
        pages.add(new PdfPage(pageNumber, pageWidth, pageHeight, lines, glyphs.size()));
        glyphs = new ArrayList<>();
        previous = null;
    }

    private void checkDeadline() {
        if (System.nanoTime() > deadlineNanos) {
            throw new SorotException(
                    ErrorCode.PARSE_TIMEOUT,
                    "Reading the PDF took longer than the time allowed (stopped at page " + pageNumber + ").");
        }
    }

    /** Bit 1: bold, bit 2: italic, bit 4: a dingbat font, from the font's name and descriptor (cached per font). */
    private int style(PDFont font) {
        return font == null ? 0 : facts(font).style;
    }

    private FontFacts facts(PDFont font) {
        if (lastFacts == null || lastFacts.font != font) {
            lastFacts = fonts.computeIfAbsent(font, FontFacts::new);
        }
        return lastFacts;
    }

    private List<PdfLine> buildLines() {
        if (glyphs.isEmpty()) {
            return List.of();
        }
        glyphs.sort(BY_Y_THEN_X);
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
        lineGlyphs.sort(BY_X);
        var overlay = overlayRuns(lineGlyphs);
        var words = new ArrayList<PdfWord>();
        if (overlay.isEmpty()) {
            addWords(words, lineGlyphs, y);
        } else {
            // read the two layers apart, then side by side: "CONTINUOUS" and "2.3", not "CONTINUO2U.S3"
            var main = new ArrayList<Glyph>();
            var over = new ArrayList<Glyph>();
            for (var glyph : lineGlyphs) {
                (overlay.contains(glyph.run()) ? over : main).add(glyph);
            }
            addWords(words, main, y);
            addWords(words, over, y);
            words.sort(Comparator.comparingDouble(PdfWord::x0));
        }
        if (!words.isEmpty()) {
            lines.add(PdfLine.of(pageNumber, y, words));
        }
    }

    /**
     * Runs printed over another run's glyphs, such as a scene number stamped over the end of a long
     * heading: of two runs whose glyphs overlap, the shorter one.
     */
    private static Set<Integer> overlayRuns(List<Glyph> sorted) {
        Set<Integer> overlay = null;
        Map<Integer, Integer> runSizes = null;
        for (int i = 1; i < sorted.size(); i++) {
            var a = sorted.get(i - 1);
            var b = sorted.get(i);
            if (a.run() == b.run()
                    || a.text().isBlank()
                    || b.text().isBlank()
                    || b.x0() > a.x1() - 0.3f * (a.x1() - a.x0())
                    || b.text().equals(a.text()) && Math.abs(b.x0() - a.x0()) < 0.3f * b.size()) {
                continue; // side by side, or the same glyph printed twice for bold
            }
            if (runSizes == null) {
                runSizes = new HashMap<>();
                overlay = new HashSet<>();
                for (var glyph : sorted) {
                    runSizes.merge(glyph.run(), 1, Integer::sum);
                }
            }
            int sizeA = runSizes.get(a.run());
            int sizeB = runSizes.get(b.run());
            overlay.add(sizeA < sizeB || sizeA == sizeB && a.run() > b.run() ? a.run() : b.run());
        }
        return overlay == null ? Set.of() : overlay;
    }

    private static void addWords(List<PdfWord> words, List<Glyph> lineGlyphs, float y) {
        var text = new StringBuilder();
        Glyph first = null;
        Glyph last = null;
        boolean bold = true;
        boolean italic = true;
        boolean overprinted = false;
        for (var glyph : lineGlyphs) {
            if (last != null
                    && glyph.text().equals(last.text())
                    && Math.abs(glyph.x0() - last.x0()) < 0.3f * glyph.size()) {
                // the same glyph printed twice, slightly offset: a poor man's bold
                overprinted = true;
                continue;
            }
            boolean blank = glyph.text().isBlank();
            boolean gap = last != null && glyph.x0() - last.x1() > 0.2f * glyph.size();
            if ((blank || gap) && first != null) {
                words.add(new PdfWord(
                        text.toString(), first.x0(), last.x1(), y, first.size(), bold || overprinted, italic));
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
            words.add(
                    new PdfWord(text.toString(), first.x0(), last.x1(), y, first.size(), bold || overprinted, italic));
        }
    }
}
