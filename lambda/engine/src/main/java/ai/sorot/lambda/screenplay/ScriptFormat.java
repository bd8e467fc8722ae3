package ai.sorot.lambda.screenplay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The screenplay formats Sorot reads, and the one place that tells them apart. The bytes decide
 * first (a PDF signature, a zip signature, XML whose root is {@code <FinalDraft>}); the file name
 * only decides for Fountain, which is plain text with no signature, and names the format a damaged
 * file claims to be, so that it gets that format's error. The CLI, the API and the desktop's
 * pre-flight all ask here.
 */
public enum ScriptFormat {
    PDF("PDF", "pdf", "application/pdf"),
    FOUNTAIN("Fountain", "fountain", "text/plain; charset=utf-8"),
    FINAL_DRAFT("Final Draft", "fdx", "application/xml"),
    HIGHLAND("Highland", "highland", "application/zip");

    /** The bytes {@link #detect} looks at: PDF readers accept the signature within the first kilobyte. */
    public static final int HEAD_BYTES = 1024;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final String label;
    private final String extension;
    private final String contentType;

    ScriptFormat(String label, String extension, String contentType) {
        this.label = label;
        this.extension = extension;
        this.contentType = contentType;
    }

    /** What a person calls the format: "Final Draft". */
    public String label() {
        return label;
    }

    /** The usual file extension, without the dot: a stored source and the reader's file name end with it. */
    public String extension() {
        return extension;
    }

    /** The media type a stored source of this format is served with. */
    public String contentType() {
        return contentType;
    }

    /**
     * The format of a file from its first bytes ({@link #HEAD_BYTES} are enough) and its name
     * (may be null); empty when it is none of them.
     */
    public static Optional<ScriptFormat> detect(byte[] head, String fileName) {
        if (hasPdfMagic(head)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, ZIP_MAGIC)) {
            // whether a script is inside is for the Highland reader to say; a zip named .pdf is
            // most often a Word file saved under the wrong name, and NOT_A_PDF says that best
            return Optional.of(byName(fileName).orElse(HIGHLAND) == PDF ? PDF : HIGHLAND);
        }
        if (isFinalDraftXml(head)) {
            return Optional.of(FINAL_DRAFT);
        }
        return byName(fileName);
    }

    /** The same for a file on disk, reading only its head. */
    public static Optional<ScriptFormat> detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(
                    in.readNBytes(HEAD_BYTES),
                    file.getFileName() == null ? null : file.getFileName().toString());
        }
    }

    /** The format a file's name claims; for folders, choosers and files that are not what they say. */
    public static Optional<ScriptFormat> byName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        var lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return Optional.of(PDF);
        }
        if (lower.endsWith(".fdx")) {
            return Optional.of(FINAL_DRAFT);
        }
        if (lower.endsWith(".highland")) {
            return Optional.of(HIGHLAND);
        }
        if (lower.endsWith(".fountain") || lower.endsWith(".spmd") || lower.endsWith(".txt")) {
            return Optional.of(FOUNTAIN);
        }
        return Optional.empty();
    }

    /** Readers accept the PDF header anywhere in the first kilobyte, as Acrobat does. */
    public static boolean hasPdfMagic(byte[] bytes) {
        int limit = Math.min(bytes.length - PDF_MAGIC.length, HEAD_BYTES);
        outer:
        for (int i = 0; i <= limit; i++) {
            for (int j = 0; j < PDF_MAGIC.length; j++) {
                if (bytes[i + j] != PDF_MAGIC[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** XML (after a BOM, the declaration, comments) whose first element is {@code <FinalDraft}. */
    private static boolean isFinalDraftXml(byte[] head) {
        var text = new String(head, 0, Math.min(head.length, HEAD_BYTES), StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        text = text.stripLeading();
        if (!text.startsWith("<")) {
            return false;
        }
        int at = 0;
        while (at >= 0 && at < text.length()) {
            at = text.indexOf('<', at);
            if (at < 0 || at + 1 >= text.length()) {
                return false;
            }
            char next = text.charAt(at + 1);
            if (next != '?' && next != '!') {
                return text.startsWith("FinalDraft", at + 1);
            }
            at++;
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
