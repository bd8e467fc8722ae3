package ai.sorot.desktop.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/** Real PDFs written with PDFBox for the tests: a screenplay laid out as one, and the bad files a curator meets. */
public final class TestPdfs {

    private static final PDType1Font COURIER = new PDType1Font(Standard14Fonts.FontName.COURIER);

    private TestPdfs() {}

    /** A title page, then {@code scenes} short scenes in screenplay layout (Courier 12, headings, cues, dialogue). */
    public static Path screenplay(Path file, String title, String author, int scenes) throws IOException {
        try (var document = new PDDocument()) {
            var cover = new PDPage(PDRectangle.LETTER);
            document.addPage(cover);
            try (var out = new PDPageContentStream(document, cover)) {
                centred(out, 500, title.toUpperCase());
                centred(out, 460, "Written by");
                centred(out, 440, author);
                line(out, 72, 120, "contact@example.org");
            }
            String[] cast = {"MARA", "JONAS", "OLD TEODOR"};
            PDPage page = null;
            PDPageContentStream out = null;
            float y = 0;
            for (int scene = 1; scene <= scenes; scene++) {
                if (out == null || y < 180) {
                    if (out != null) {
                        out.close();
                    }
                    page = new PDPage(PDRectangle.LETTER);
                    document.addPage(page);
                    out = new PDPageContentStream(document, page);
                    y = 720;
                }
                line(
                        out,
                        108,
                        y,
                        (scene % 3 == 0 ? "EXT. HARBOUR WALL" : "INT. FERRY CABIN") + " - "
                                + (scene % 2 == 0 ? "NIGHT" : "DAY"));
                y -= 24;
                line(out, 108, y, "Rain on the windows. The engine hums under the floor.");
                y -= 24;
                for (int speech = 0; speech < 2; speech++) {
                    line(out, 252, y, cast[(scene + speech) % cast.length]);
                    y -= 12;
                    line(
                            out,
                            180,
                            y,
                            speech == 0
                                    ? "We should have left before the storm."
                                    : "Nobody leaves this island in winter.");
                    y -= 24;
                }
            }
            if (out != null) {
                out.close();
            }
            document.save(file.toFile());
        }
        return file;
    }

    public static Path encrypted(Path file) throws IOException {
        screenplay(file, "Locked Away", "A. Writer", 4);
        try (var document = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            var policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(file.toFile());
        }
        return file;
    }

    /** A scan: each page is a picture, no text layer. */
    public static Path imageOnly(Path file) throws IOException {
        try (var document = new PDDocument()) {
            for (int i = 0; i < 2; i++) {
                var page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                var picture = new BufferedImage(200, 260, BufferedImage.TYPE_INT_RGB);
                var g = picture.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, 200, 260);
                g.setColor(Color.DARK_GRAY);
                for (int row = 20; row < 240; row += 12) {
                    g.fillRect(30, row, 140, 4);
                }
                g.dispose();
                var image = LosslessFactory.createFromImage(document, picture);
                try (var out = new PDPageContentStream(document, page)) {
                    out.drawImage(image, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    /** The first half of a real PDF: a download that broke off. */
    public static Path truncated(Path file) throws IOException {
        screenplay(file, "Half A File", "B. Writer", 12);
        var bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 3));
        return file;
    }

    private static void centred(PDPageContentStream out, float y, String text) throws IOException {
        float width = COURIER.getStringWidth(text) / 1000 * 12;
        line(out, (PDRectangle.LETTER.getWidth() - width) / 2, y, text);
    }

    private static void line(PDPageContentStream out, float x, float y, String text) throws IOException {
        out.beginText();
        out.setFont(COURIER, 12);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }
}
