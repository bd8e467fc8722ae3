package ai.sorot.lambda.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Flowing text on Letter pages with PDFBox: headings, paragraphs wrapped to the margin, key-value
 * lines, new pages as the text runs on, and a footer with page numbers. Characters the standard
 * fonts cannot show are replaced, never allowed to fail the export.
 */
final class PdfReportWriter implements AutoCloseable {

    private static final float MARGIN = 54;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font ITALIC = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);

    private final PDDocument document = new PDDocument();
    private final String footer;
    private PDPageContentStream stream;
    private float y;

    PdfReportWriter(String footer) {
        this.footer = footer;
    }

    PdfReportWriter title(String text) throws IOException {
        return write(BOLD, 18, text, 8);
    }

    PdfReportWriter heading(String text) throws IOException {
        space(6);
        return write(BOLD, 12, text, 3);
    }

    PdfReportWriter paragraph(String text) throws IOException {
        return write(REGULAR, 10, text, 4);
    }

    PdfReportWriter note(String text) throws IOException {
        return write(ITALIC, 9, text, 4);
    }

    PdfReportWriter field(String label, Object value) throws IOException {
        if (value == null || value.toString().isBlank()) {
            return this;
        }
        return write(REGULAR, 10, label + ": " + value, 2);
    }

    PdfReportWriter space(float points) throws IOException {
        ensurePage();
        y -= points;
        return this;
    }

    PdfReportWriter pageBreak() throws IOException {
        closeStream();
        return this;
    }

    byte[] toBytes() throws IOException {
        closeStream();
        if (document.getNumberOfPages() == 0) {
            ensurePage();
            closeStream();
        }
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            var page = document.getPage(i);
            try (var content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                content.beginText();
                content.setFont(REGULAR, 8);
                content.newLineAtOffset(MARGIN, MARGIN / 2);
                content.showText(safe(footer + "   page " + (i + 1) + " of " + total));
                content.endText();
            }
        }
        var out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private PdfReportWriter write(PDType1Font font, float size, String text, float after) throws IOException {
        float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
        for (var paragraph : (text == null ? "" : text).split("\n")) {
            for (var line : wrap(font, size, safe(paragraph), width)) {
                ensurePage();
                if (y - size < MARGIN) {
                    closeStream();
                    ensurePage();
                }
                y -= size * 1.25f;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(line);
                stream.endText();
            }
        }
        y -= after;
        return this;
    }

    private static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (var word : text.split(" ")) {
            var candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** What WinAnsi (the standard fonts' encoding) can show; the rest becomes '?'. */
    static String safe(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else if (cp >= 32) {
                out.appendCodePoint(encodable(cp) ? cp : '?');
            }
        });
        return out.toString();
    }

    private static final java.util.Map<Integer, Boolean> ENCODABLE = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean encodable(int codePoint) {
        if (codePoint < 127) {
            return true;
        }
        return ENCODABLE.computeIfAbsent(codePoint, cp -> {
            try {
                REGULAR.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }

    private void ensurePage() throws IOException {
        if (stream == null) {
            var page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.LETTER.getHeight() - MARGIN;
        }
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
        document.close();
    }
}
