package ai.sorot.lambda.aws.observe;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Turns the process's logging into JSON lines on standard output, where the Lambda runtime hands
 * them to CloudWatch Logs. {@code System.Logger} (the pipeline's), java.util.logging and the AWS
 * SDK's SLF4J (bound to java.util.logging) all end up here. The SDK and PDFBox speak only at WARN.
 */
public final class CloudLogging {

    private static volatile boolean installed;

    private CloudLogging() {}

    public static synchronized void install(PrintStream out) {
        if (installed) {
            return;
        }
        LogManager.getLogManager().reset();
        var root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new LineHandler(out));
        Logger.getLogger("software.amazon.awssdk").setLevel(Level.WARNING);
        Logger.getLogger("org.apache.pdfbox").setLevel(Level.WARNING);
        Logger.getLogger("org.apache.fontbox").setLevel(Level.WARNING);
        Logger.getLogger("okhttp3").setLevel(Level.WARNING);
        installed = true;
    }

    /** A handler writing JSON lines to {@code out}: what {@link #install} puts on the root logger. */
    public static Handler handler(PrintStream out) {
        return new LineHandler(out);
    }

    /** Writes each record as one line, whole, so that lines of two threads never interleave. */
    static final class LineHandler extends Handler {
        private final PrintStream out;

        LineHandler(PrintStream out) {
            this.out = out;
            setFormatter(new JsonLogFormatter());
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            var line = getFormatter().format(record);
            synchronized (out) {
                out.print(line);
                out.flush();
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
