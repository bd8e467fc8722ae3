package ai.sorot.lambda.library;

import ai.sorot.lambda.screenplay.PdfDocuments;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** The first page of a screenplay as a small PNG, for the library list and the queue. */
public final class Thumbnails {

    /** About 150 pixels wide: enough to recognise a cover, small enough for a list of thousands. */
    static final float DPI = 18;

    private Thumbnails() {}

    public static Optional<byte[]> firstPage(byte[] pdf) {
        try (var document = PdfDocuments.open(pdf)) {
            if (document.getNumberOfPages() == 0) {
                return Optional.empty();
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a thumbnail is a nicety: the analysis is saved without one
        }
    }
}
