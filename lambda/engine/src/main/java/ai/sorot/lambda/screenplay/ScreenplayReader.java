package ai.sorot.lambda.screenplay;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.Screenplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The screenplay engine's front door: a PDF, Fountain, Final Draft or Highland file in, a
 * {@link Screenplay} with its scenes and statistics out, or a {@link SorotException} with a stable
 * code. The format is decided by {@link ScriptFormat#detect}: the bytes first, then the name.
 * Thread-safe.
 */
public final class ScreenplayReader {

    private final ReadLimits limits;

    public ScreenplayReader() {
        this(ReadLimits.DEFAULT);
    }

    public ScreenplayReader(ReadLimits limits) {
        this.limits = limits;
    }

    public Screenplay read(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new SorotException(ErrorCode.FILE_NOT_FOUND, "No such file: " + file);
        } catch (IOException e) {
            throw new SorotException(ErrorCode.FILE_NOT_FOUND, "Cannot read " + file + ": " + e.getMessage());
        }
        checkSize(size);
        ScriptFormat format;
        try {
            format = ScriptFormat.detect(file).orElse(ScriptFormat.PDF);
        } catch (IOException e) {
            throw new SorotException(ErrorCode.FILE_NOT_FOUND, "Cannot read " + file + ": " + e.getMessage());
        }
        return switch (format) {
            case PDF -> new PdfScreenplayReader(limits).read(file); // not a PDF either: NOT_A_PDF from there
            case FOUNTAIN -> readFountain(FountainSource.decode(readBytes(file)));
            case FINAL_DRAFT -> withinPages(new FdxReader().read(readBytes(file)));
            case HIGHLAND -> withinPages(new HighlandReader().read(readBytes(file)));
        };
    }

    /** Reads bytes that arrived over the API; the bytes decide the format, the name only for Fountain. */
    public Screenplay read(byte[] content, String fileName) {
        checkSize(content.length);
        var head = java.util.Arrays.copyOf(content, Math.min(content.length, ScriptFormat.HEAD_BYTES));
        return switch (ScriptFormat.detect(head, fileName).orElse(ScriptFormat.PDF)) {
            case PDF -> new PdfScreenplayReader(limits).read(content);
            case FOUNTAIN -> readFountain(FountainSource.decode(content));
            case FINAL_DRAFT -> withinPages(new FdxReader().read(content));
            case HIGHLAND -> withinPages(new HighlandReader().read(content));
        };
    }

    public Screenplay readFountain(String text) {
        if (text.isBlank()) {
            throw new SorotException(ErrorCode.EMPTY_FILE, "The Fountain file is empty.");
        }
        // a text that cannot fit the page limit is refused before it is laid out: a page holds at
        // most about 55 printed lines, and a source line is at least one of them
        long lines = text.lines().count();
        if (lines > (long) limits.maxPages() * LINES_PER_PAGE_BOUND) {
            throw tooManyPages("about " + (lines / 55));
        }
        return withinPages(FountainSource.read(text));
    }

    /** Source lines per page above which no layout fits the page limit (a dense page prints about 55). */
    private static final int LINES_PER_PAGE_BOUND = 110;

    /** The page limit a PDF meets when it is opened, for the formats Sorot lays out itself. */
    private Screenplay withinPages(Screenplay screenplay) {
        if (screenplay.pageCount() > limits.maxPages()) {
            throw tooManyPages(Integer.toString(screenplay.pageCount()));
        }
        return screenplay;
    }

    private SorotException tooManyPages(String pages) {
        return new SorotException(
                ErrorCode.TOO_MANY_PAGES,
                "The screenplay runs to %s pages laid out; a screenplay has at most %d."
                        .formatted(pages, limits.maxPages()));
    }

    public static boolean isFountainName(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".fountain") || lower.endsWith(".spmd") || lower.endsWith(".txt");
    }

    private void checkSize(long size) {
        if (size == 0) {
            throw new SorotException(ErrorCode.EMPTY_FILE, "The file is empty (0 bytes).");
        }
        if (size > limits.maxBytes()) {
            throw new SorotException(
                    ErrorCode.FILE_TOO_LARGE,
                    "The file is %d MB; the limit is %d MB.".formatted(size >> 20, limits.maxBytes() >> 20));
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SorotException(ErrorCode.FILE_NOT_FOUND, "Cannot read " + file + ": " + e.getMessage());
        }
    }
}
