package ai.sorot.desktop.pdf;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * One open screenplay PDF, rendered page by page for the evidence viewer. PDFBox documents are
 * not thread-safe: use one renderer from one background thread at a time, and close it.
 */
public final class PageRenderer implements AutoCloseable {

    private final PDDocument document;
    private final PDFRenderer renderer;

    private PageRenderer(PDDocument document) {
        this.document = document;
        this.renderer = new PDFRenderer(document);
    }

    public static PageRenderer open(Path pdf) throws IOException {
        return new PageRenderer(Loader.loadPDF(pdf.toFile()));
    }

    public int pageCount() {
        return document.getNumberOfPages();
    }

    /** Renders 1-based {@code page} at {@code scale} (1 = 72 dpi) with {@code highlights} drawn over the text they mark. */
    public RenderedPage render(int page, float scale, String quote) throws IOException {
        BufferedImage image = renderer.renderImage(page - 1, scale, ImageType.RGB);
        var boxes = quote == null || quote.isBlank() ? List.<Rectangle2D>of() : find(page, quote);
        return new RenderedPage(
                page,
                toFx(image),
                boxes.stream()
                        .map(b -> new Rectangle2D.Double(
                                b.getX() * scale, b.getY() * scale, b.getWidth() * scale, b.getHeight() * scale))
                        .map(Rectangle2D.class::cast)
                        .toList());
    }

    /**
     * Where {@code quote} sits on the page, as one box per matched line (PDF points, top-left
     * origin), so the viewer can mark the words the claim rests on. Whitespace and case are
     * ignored; no match gives no boxes, not an error.
     */
    List<Rectangle2D> find(int page, String quote) throws IOException {
        var positions = new ArrayList<TextPosition>();
        var stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> textPositions) {
                positions.addAll(textPositions);
                positions.add(null); // a break between runs
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(document);

        var text = new StringBuilder();
        var index = new ArrayList<TextPosition>();
        for (var position : positions) {
            var unicode = position == null ? " " : position.getUnicode();
            for (char c : unicode.toCharArray()) {
                if (Character.isWhitespace(c)) {
                    if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                        text.append(' ');
                        index.add(null);
                    }
                } else {
                    text.append(Character.toLowerCase(c));
                    index.add(position);
                }
            }
        }
        var needle = quote.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (needle.length() > 80) {
            needle = needle.substring(0, 80).strip(); // long quotes: their opening locates them well enough
        }
        int at = text.indexOf(needle);
        if (at < 0) {
            return List.of();
        }
        var boxes = new ArrayList<Rectangle2D>();
        Rectangle2D line = null;
        double lineY = Double.NaN;
        for (int i = at; i < at + needle.length(); i++) {
            var p = index.get(i);
            if (p == null) {
                continue;
            }
            var box = new Rectangle2D.Double(
                    p.getXDirAdj(), p.getYDirAdj() - p.getHeightDir(), p.getWidthDirAdj(), p.getHeightDir() * 1.25);
            if (line != null && Math.abs(p.getYDirAdj() - lineY) < 1.0) {
                line = line.createUnion(box);
            } else {
                if (line != null) {
                    boxes.add(line);
                }
                line = box;
                lineY = p.getYDirAdj();
            }
        }
        if (line != null) {
            boxes.add(line);
        }
        return boxes;
    }

    static WritableImage toFx(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        var pixels = image.getRGB(0, 0, width, height, null, 0, width);
        var fx = new WritableImage(width, height);
        fx.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return fx;
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    /** A page image with the quote's boxes in image pixels. */
    public record RenderedPage(int page, WritableImage image, List<Rectangle2D> highlights) {}
}
