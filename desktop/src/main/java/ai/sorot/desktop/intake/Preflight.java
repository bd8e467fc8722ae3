package ai.sorot.desktop.intake;

import ai.sorot.lambda.api.ApiLimits;
import ai.sorot.lambda.screenplay.FountainSource;
import ai.sorot.lambda.screenplay.ReadLimits;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.Screenplay;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Looks at a dropped file before anything is sent: is it a screenplay we can read, how many
 * pages, what is it called, what does its first page look like. A file that would only fail on
 * the server (encrypted, a scan, not a PDF) is refused here, with the reason, in a few
 * milliseconds. Blocking: call it from a background task.
 */
public final class Preflight {

    /** The API's limit on an uploaded screenplay: over it the file would only be refused after the upload. */
    public static final long MAX_BYTES = ApiLimits.DEFAULT.uploadMaxBytes();
    /** The screenplay engine's page limit, for the same reason. */
    public static final int MAX_PAGES = ReadLimits.DEFAULT.maxPages();
    /** Pages whose text decides whether the PDF has a text layer at all. */
    private static final int TEXT_PROBE_PAGES = 5;

    private static final int MIN_TEXT_CHARS = 40;
    /** Thumbnail width in pixels; the row shows it at half that. */
    private static final float THUMB_WIDTH = 160f;

    public PreflightResult check(Path file) {
        var name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                return refuse(file, ErrorCode.FILE_NOT_FOUND);
            }
            long size = Files.size(file);
            if (size == 0) {
                return refuse(file, ErrorCode.EMPTY_FILE);
            }
            if (size > MAX_BYTES) {
                return refuse(
                        file,
                        ErrorCode.FILE_TOO_LARGE,
                        name + " is " + (size >> 20) + " MB; Sorot takes screenplays up to " + (MAX_BYTES >> 20)
                                + " MB.");
            }
            // the engine's one detector: the bytes decide, the name only for Fountain
            var head = readHead(file);
            var format = ScriptFormat.detect(head, name).orElse(null);
            if (format == null) {
                return refuse(
                        file,
                        ErrorCode.UNSUPPORTED_FORMAT,
                        name
                                + " is not a screenplay: Sorot reads PDF, Fountain, Final Draft (.fdx) and Highland files.");
            }
            return switch (format) {
                case FOUNTAIN -> checkFountain(file, name, size);
                case FINAL_DRAFT, HIGHLAND -> checkWritersFile(file, name, size, format);
                case PDF -> startsWithPdfMagic(head) ? checkPdf(file, name, size) : refuse(file, ErrorCode.NOT_A_PDF);
            };
        } catch (IOException e) {
            // the exception's text is the platform's, not a sentence for a programmer
            return refuse(file, ErrorCode.FILE_NOT_FOUND);
        }
    }

    public static boolean isFountain(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".fountain") || lower.endsWith(".spmd");
    }

    /** What a folder drop picks up: PDF, Fountain, Final Draft and Highland files; anything else is left alone. */
    public static boolean looksLikeScreenplay(Path file) {
        var lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !lower.startsWith(".")
                && (lower.endsWith(".pdf")
                        || isFountain(lower)
                        || lower.endsWith(".fdx")
                        || lower.endsWith(".highland"));
    }

    private PreflightResult checkPdf(Path file, String name, long size) throws IOException {
        var hash = sha256(file);
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                return refuse(file, ErrorCode.PDF_NO_PAGES);
            }
            if (pages > MAX_PAGES) {
                return refuse(
                        file,
                        ErrorCode.TOO_MANY_PAGES,
                        name + " has " + pages + " pages; a screenplay has at most " + MAX_PAGES + ".");
            }
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                return refuse(
                        file,
                        ErrorCode.PDF_ENCRYPTED,
                        name + " is protected against text extraction; export it again without security.");
            }
            var stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(Math.min(pages, TEXT_PROBE_PAGES));
            var text = stripper.getText(document);
            if (text.codePoints().filter(c -> !Character.isWhitespace(c)).count() < MIN_TEXT_CHARS) {
                return refuse(file, ErrorCode.PDF_IMAGE_ONLY);
            }
            stripper.setEndPage(1);
            var firstPage = stripper.getText(document);
            var fromTitlePage = TitleGuess.fromFirstPage(firstPage);
            var title = fromTitlePage
                    .or(() -> TitleGuess.fromMetadata(
                            document.getDocumentInformation().getTitle()))
                    .orElse(TitleGuess.fromFileName(name));
            // a script's pages are counted from the first page after its title page, as the report counts them
            int scriptPages = fromTitlePage.isPresent() && pages > 1 ? pages - 1 : pages;
            byte[] thumbnail = thumbnail(document);
            return new PreflightResult.Accepted(
                    file, name, ScriptFormat.PDF, title, scriptPages, false, size, hash, thumbnail);
        } catch (InvalidPasswordException e) {
            return refuse(file, ErrorCode.PDF_ENCRYPTED);
        } catch (IOException e) {
            // PDFBox's words ("Missing root object specification in trailer") mean nothing to a programmer
            return refuse(file, ErrorCode.PDF_CORRUPT);
        }
    }

    private PreflightResult checkFountain(Path file, String name, long size) throws IOException {
        String text;
        try {
            // the backend's decision, so that the window refuses exactly what an analysis would
            text = FountainSource.decode(Files.readAllBytes(file));
            if (text.isBlank()) {
                return refuse(file, ErrorCode.EMPTY_FILE, name + " has no text.");
            }
            FountainSource.read(text);
        } catch (SorotException e) {
            return refuse(file, e.code(), name + ": " + e.getMessage());
        }
        var title = TitleGuess.fromFountain(text).orElse(TitleGuess.fromFileName(name));
        int pages = FountainPages.estimate(text);
        return new PreflightResult.Accepted(
                file, name, ScriptFormat.FOUNTAIN, title, pages, true, size, sha256(file), null);
    }

    /**
     * A Final Draft or Highland file: the engine reads it (milliseconds: typed paragraphs, no layout to
     * find), so the title and the page count are the ones the report will show; a file it cannot read
     * is refused with the code the server would give. No thumbnail: the row shows the format instead.
     */
    private PreflightResult checkWritersFile(Path file, String name, long size, ScriptFormat format)
            throws IOException {
        Screenplay screenplay;
        try {
            screenplay = new ScreenplayReader().read(file);
        } catch (SorotException e) {
            // the engine's sentences are Sorot's own, except the XML parser's words inside FDX_INVALID
            return refuse(
                    file,
                    e.code(),
                    e.code() == ErrorCode.FDX_INVALID
                            ? name
                                    + " is not a readable Final Draft file: its XML is damaged or incomplete. Save it again from Final Draft."
                            : name + ": " + e.getMessage());
        }
        if (screenplay.pageCount() > MAX_PAGES) {
            return refuse(
                    file,
                    ErrorCode.TOO_MANY_PAGES,
                    name + " runs to about " + screenplay.pageCount() + " pages; a screenplay has at most " + MAX_PAGES
                            + ".");
        }
        var title = screenplay.title() == null || screenplay.title().isBlank()
                ? TitleGuess.fromFileName(name)
                : screenplay.title().strip();
        return new PreflightResult.Accepted(
                file, name, format, title, Math.max(1, screenplay.pageCount()), true, size, sha256(file), null);
    }

    private static byte[] thumbnail(PDDocument document) {
        try {
            var page = document.getPage(0).getMediaBox();
            float scale = THUMB_WIDTH / Math.max(1f, page.getWidth());
            BufferedImage image = new PDFRenderer(document).renderImage(0, scale, ImageType.RGB);
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            // a page PDFBox cannot draw still has text we can analyse: no thumbnail, no refusal
            return null;
        }
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ScriptFormat.HEAD_BYTES);
        }
    }

    /** The header may follow a little junk (some writers add a BOM or whitespace); readers accept it within 1 KB. */
    static boolean startsWithPdfMagic(byte[] head) {
        var text = new String(head, StandardCharsets.ISO_8859_1);
        return text.contains("%PDF-");
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            var digest = MessageDigest.getInstance("SHA-256");
            var buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refused with Sorot's sentence for {@code code}. */
    private static PreflightResult refuse(Path file, ErrorCode code) {
        var name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        return refuse(file, code, RefusalReasons.sentence(code, name));
    }

    private static PreflightResult refuse(Path file, ErrorCode code, String reason) {
        return new PreflightResult.Refused(
                file,
                file.getFileName() == null
                        ? file.toString()
                        : file.getFileName().toString(),
                code.name(),
                reason);
    }
}
