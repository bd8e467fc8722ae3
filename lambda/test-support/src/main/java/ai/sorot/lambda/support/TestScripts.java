package ai.sorot.lambda.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The test screenplays (real PDFs and Fountain files), and the broken files users send. */
public final class TestScripts {

    private TestScripts() {}

    public static byte[] resource(String name) {
        try (InputStream in = TestScripts.class.getResourceAsStream("/scripts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test script " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] brickAndSteelPdf() {
        return resource("brick-and-steel.pdf");
    }

    public static byte[] cyberBobPdf() {
        return resource("cyber-bob-ep1.pdf");
    }

    public static String cyberBobDebateFountain() {
        return new String(resource("cyber-bob-debate.fountain"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The same real PDF, password-protected (a user password, as a locked export has). */
    public static byte[] encryptedPdf() {
        try (var document = org.apache.pdfbox.Loader.loadPDF(brickAndSteelPdf())) {
            var policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real PDF cut off half way, as a broken download is. */
    public static byte[] truncatedPdf() {
        var whole = brickAndSteelPdf();
        return Arrays.copyOf(whole, whole.length / 5);
    }

    /** A PDF whose pages carry only drawing, no text layer: what a scan looks like to a reader. */
    public static byte[] imageOnlyPdf() {
        try (var document = new PDDocument()) {
            for (int i = 0; i < 3; i++) {
                var page = new PDPage();
                document.addPage(page);
                try (var stream = new PDPageContentStream(document, page)) {
                    for (int line = 0; line < 40; line++) {
                        stream.addRect(72, 700 - line * 15, 300 + (line % 5) * 20, 8);
                    }
                    stream.fill();
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short letter-size page of plain prose: a PDF, but not a screenplay. */
    public static byte[] proseOnlyPdf() {
        try (var document = new PDDocument()) {
            var page = new PDPage();
            document.addPage(page);
            try (var stream = new PDPageContentStream(document, page)) {
                stream.beginText();
                stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                stream.newLineAtOffset(72, 700);
                stream.showText("Quarterly report. Revenue grew in the third quarter.");
                stream.endText();
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        var out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
