package ai.sorot.lambda.screenplay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What PDFBox finds wrong inside a PDF, in the words of the person who reads Sorot's message (a
 * film programmer: "trailer", PDFBox's name for the file's last section, means a film's trailer to
 * them). PDFBox reports through commons-logging, which lands in java.util.logging here: its
 * loggers get one handler that hands each complaint to the read in progress on that thread, and
 * nothing goes on to the console or the server log. A read that finds no text and heard such
 * complaints is a damaged file (PDF_CORRUPT), not a scan.
 */
public final class PdfTrouble {

    /** The kinds of damage, each with the words used in Sorot's message. */
    public enum Kind {
        MISSING_CATALOG("its catalog, the part that lists the pages, is missing"),
        BROKEN_INDEX("its index of where each part sits in the file is damaged"),
        PAGE_TREE_LOOP("its list of pages loops back on itself"),
        DRAWING_LOOP("a drawing on a page includes itself, again and again"),
        TOO_DEEP("its parts are nested too deeply to read"),
        TRUNCATED("it ends in the middle of a part: it was probably cut off"),
        UNPACKING("a compressed part of it cannot be unpacked"),
        MISSING_PART("some of its parts refer to parts that are missing"),
        DAMAGED("its internal structure is damaged");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** Sorts a PDFBox message (never shown) into a kind. */
        static Kind of(String pdfboxMessage) {
            var m = pdfboxMessage == null ? "" : pdfboxMessage.toLowerCase(Locale.ROOT);
            if (m.contains("root object") || m.contains("catalog")) {
                return MISSING_CATALOG;
            }
            if (m.contains("already been visited") || m.contains("page tree")) {
                return PAGE_TREE_LOOP;
            }
            if (m.contains("xobject") && (m.contains("recursi") || m.contains("itself"))) {
                return DRAWING_LOOP;
            }
            if (m.contains("recursion") || m.contains("depth") || m.contains("stackoverflow") || m.contains("nest")) {
                return TOO_DEEP;
            }
            if (m.contains("xref")
                    || m.contains("cross reference")
                    || m.contains("cross-reference")
                    || m.contains("startxref")
                    || m.contains("trailer")
                    || m.contains("object stream")) {
                return BROKEN_INDEX;
            }
            if (m.contains("end of file")
                    || m.contains("end-of-file")
                    || m.contains("eof")
                    || m.contains("unexpected end")) {
                return TRUNCATED;
            }
            if (m.contains("filter") || m.contains("flate") || m.contains("decode") || m.contains("inflat")) {
                return UNPACKING;
            }
            if (m.contains("dereference") || m.contains("object") || m.contains("reference")) {
                return MISSING_PART;
            }
            return DAMAGED;
        }
    }

    private static final ThreadLocal<List<Kind>> HEARD = new ThreadLocal<>();

    /** Held strongly: java.util.logging keeps loggers by weak reference and would forget the settings. */
    private static final List<Logger> PDF_LOGGERS =
            List.of(Logger.getLogger("org.apache.pdfbox"), Logger.getLogger("org.apache.fontbox"));

    private static final Handler HANDLER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            var heard = HEARD.get();
            if (heard != null && record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                var thrown = record.getThrown();
                var kind = Kind.of(record.getMessage() + (thrown == null ? "" : " " + thrown.getMessage()));
                if (!heard.contains(kind)) { // a loop repeats its complaint once per turn
                    heard.add(kind);
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private PdfTrouble() {}

    /** Listens for PDFBox's complaints on this thread until closed. Nested listening keeps the outer one. */
    static Listening listen() {
        install();
        return new Listening(HEARD.get());
    }

    /** Listening on this thread; {@link #heard()} says what PDFBox complained about so far. */
    static final class Listening implements AutoCloseable {
        private final List<Kind> outer;
        private final List<Kind> heard;

        private Listening(List<Kind> outer) {
            this.outer = outer;
            this.heard = outer != null ? outer : new ArrayList<>();
            HEARD.set(heard);
        }

        List<Kind> heard() {
            return List.copyOf(heard);
        }

        @Override
        public void close() {
            if (outer == null) {
                HEARD.remove();
            }
        }
    }

    /**
     * Plain words for why PDFBox could not read a PDF, from its exception: for messages, never the
     * exception's own text.
     */
    public static String describe(Throwable pdfboxFailure) {
        if (pdfboxFailure instanceof StackOverflowError) {
            return Kind.TOO_DEEP.words();
        }
        return Kind.of(pdfboxFailure.getMessage() + " "
                        + pdfboxFailure.getClass().getSimpleName())
                .words();
    }

    /** Plain words for what was heard, most telling first ("" when nothing was). */
    static String describe(List<Kind> heard) {
        return heard.stream().sorted().findFirst().map(Kind::words).orElse("");
    }

    /**
     * Puts the handler on PDFBox's loggers and cuts them off from the console and log handlers
     * above. Idempotent and cheap; checked at every read because a logging set-up that resets
     * java.util.logging (the cloud's JSON lines) removes it.
     */
    public static void install() {
        for (var logger : PDF_LOGGERS) {
            if (logger.getUseParentHandlers()
                    || !java.util.Arrays.asList(logger.getHandlers()).contains(HANDLER)) {
                synchronized (PdfTrouble.class) {
                    logger.setUseParentHandlers(false);
                    logger.removeHandler(HANDLER);
                    logger.addHandler(HANDLER);
                    if (logger.getLevel() == null || logger.getLevel().intValue() < Level.SEVERE.intValue()) {
                        logger.setLevel(Level.SEVERE); // warnings are about fonts and rendering, not the text
                    }
                }
            }
        }
    }
}
