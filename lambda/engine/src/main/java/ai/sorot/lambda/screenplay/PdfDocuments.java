package ai.sorot.lambda.screenplay;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens PDFs the one safe way: magic bytes checked first, streams buffered in temp files rather
 * than the heap (a 200 MB scan must not take the process down), and every failure mapped to a
 * stable error code.
 */
public final class PdfDocuments {

    static {
        PdfTrouble.install(); // PDFBox's complaints go to the read in progress, never to the console
    }

    /** Scratch for decoded streams: memory up to 16 MB, temp files beyond, so a huge PDF cannot exhaust the heap. */
    private static final org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction STREAM_CACHE =
            org.apache.pdfbox.io.MemoryUsageSetting.setupMixed(16L * 1024 * 1024).streamCache;

    private PdfDocuments() {}

    /** Files up to this size are read into memory at once (fast); larger ones are read through a buffer. */
    static final long IN_MEMORY_LIMIT = 48L * 1024 * 1024;

    public static PDDocument open(Path file) {
        checkMagic(head(file), file.getFileName().toString());
        checkComplete(tail(file), file.getFileName().toString());
        try {
            if (Files.size(file) <= IN_MEMORY_LIMIT) {
                return load(new RandomAccessReadBuffer(Files.readAllBytes(file)));
            }
            return load(new RandomAccessReadBufferedFile(file.toFile()));
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.PDF_CORRUPT, "Cannot open " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public static PDDocument open(byte[] content) {
        checkMagic(content, "The upload");
        checkComplete(
                java.util.Arrays.copyOfRange(content, Math.max(0, content.length - 2048), content.length),
                "The upload");
        return load(new RandomAccessReadBuffer(content));
    }

    /** True when the bytes start like a PDF (a few producers put junk before the header). */
    public static boolean looksLikePdf(byte[] head) {
        int limit = Math.min(head.length, 1024) - 5;
        for (int i = 0; i <= limit; i++) {
            if (head[i] == '%'
                    && head[i + 1] == 'P'
                    && head[i + 2] == 'D'
                    && head[i + 3] == 'F'
                    && head[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    private static PDDocument load(RandomAccessRead source) {
        try {
            return Loader.loadPDF(source, "", null, null, STREAM_CACHE);
        } catch (InvalidPasswordException e) {
            close(source);
            throw new SorotException(ErrorCode.PDF_ENCRYPTED, ErrorCode.PDF_ENCRYPTED.defaultMessage(), e);
        } catch (IOException | RuntimeException e) {
            close(source);
            throw new SorotException(ErrorCode.PDF_CORRUPT, damaged(e), e);
        }
    }

    private static void checkMagic(byte[] head, String what) {
        if (head.length == 0) {
            throw new SorotException(ErrorCode.EMPTY_FILE, what + " is empty (0 bytes).");
        }
        if (!looksLikePdf(head)) {
            throw new SorotException(ErrorCode.NOT_A_PDF, what + " is not a PDF (it does not start with %PDF-).");
        }
    }

    /**
     * A PDF ends with %%EOF. PDFBox can recover the first pages of a file cut short, and would
     * silently lose the rest; a download interrupted half way is reported instead.
     */
    private static void checkComplete(byte[] tail, String what) {
        var text = new String(tail, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!text.contains("%%EOF")) {
            throw new SorotException(
                    ErrorCode.PDF_CORRUPT,
                    what
                            + " is truncated (it has no end-of-file marker): it was probably cut off while downloading or copying.");
        }
    }

    private static byte[] tail(Path file) {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            var buffer = java.nio.ByteBuffer.allocate((int) Math.min(2048, size));
            channel.position(size - buffer.capacity());
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading until the tail is in
            }
            return buffer.array();
        } catch (IOException e) {
            throw new SorotException(ErrorCode.FILE_NOT_FOUND, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(1024);
        } catch (IOException e) {
            throw new SorotException(ErrorCode.FILE_NOT_FOUND, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Sorot's message for a PDF that PDFBox could not open or read: its words, never PDFBox's. */
    public static String damaged(Throwable pdfboxFailure) {
        return "The PDF is damaged and cannot be read: " + PdfTrouble.describe(pdfboxFailure)
                + ". Export it again from the writing software.";
    }

    private static void close(RandomAccessRead source) {
        try {
            source.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
