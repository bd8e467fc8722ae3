package ai.sorot.lambda.aws.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One JSON object per log line, for CloudWatch Logs Insights: time, level, logger, message, and
 * the {@link LogContext} fields (analysisId, step, requestId). A failure adds its type, message
 * and a few stack frames. Nothing here adds a request body or a header: what a line says is what
 * the code logged, and the code never logs screenplay text, a key or a token.
 */
public final class JsonLogFormatter extends Formatter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int FRAMES = 8;

    @Override
    public String format(LogRecord record) {
        var out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", Instant.ofEpochMilli(record.getMillis()).toString());
            g.writeStringField("level", level(record.getLevel()));
            g.writeStringField("logger", record.getLoggerName());
            g.writeStringField("message", message(record));
            for (var field : LogContext.current().entrySet()) {
                g.writeStringField(field.getKey(), field.getValue());
            }
            var thrown = record.getThrown();
            if (thrown != null) {
                g.writeObjectFieldStart("error");
                g.writeStringField("type", thrown.getClass().getName());
                g.writeStringField("message", String.valueOf(thrown.getMessage()));
                g.writeArrayFieldStart("at");
                var stack = thrown.getStackTrace();
                for (int i = 0; i < Math.min(FRAMES, stack.length); i++) {
                    g.writeString(stack[i].toString());
                }
                g.writeEndArray();
                if (thrown.getCause() != null) {
                    g.writeStringField(
                            "cause",
                            thrown.getCause().getClass().getName() + ": "
                                    + thrown.getCause().getMessage());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private static String message(LogRecord record) {
        var text = record.getMessage();
        var params = record.getParameters();
        if (text == null) {
            return "";
        }
        if (params == null || params.length == 0 || !text.contains("{")) {
            return text;
        }
        try {
            return MessageFormat.format(text, params);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** CloudWatch's words for the levels, not java.util.logging's (SEVERE, FINE...). */
    static String level(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (v >= Level.INFO.intValue()) {
            return "INFO";
        }
        return v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }
}
