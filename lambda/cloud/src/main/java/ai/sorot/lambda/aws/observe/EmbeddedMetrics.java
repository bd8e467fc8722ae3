package ai.sorot.lambda.aws.observe;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * One log line in CloudWatch's embedded metric format: CloudWatch extracts the metrics from the
 * line itself, with no API call and no extra latency. Namespace {@code Sorot}.
 */
public final class EmbeddedMetrics {

    public static final String NAMESPACE = "Sorot";
    private static final JsonFactory JSON = new JsonFactory();

    /** A metric's value and CloudWatch unit ("Count", "Milliseconds", "None"). */
    public record Metric(String name, String unit, Number value) {}

    private EmbeddedMetrics() {}

    /**
     * @param dimensions the names of the fields in {@code fields} the metrics are kept by (none: one series)
     * @param fields dimension values and other properties (analysisId, status), written as strings
     * @return the line, ending in a newline
     */
    public static String line(
            long timestampMillis, List<String> dimensions, List<Metric> metrics, Map<String, String> fields) {
        var text = new StringWriter(512);
        try (var g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", timestampMillis);
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", NAMESPACE);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            for (var dimension : dimensions) {
                g.writeString(dimension);
            }
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            for (var metric : metrics) {
                g.writeStartObject();
                g.writeStringField("Name", metric.name());
                g.writeStringField("Unit", metric.unit());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            for (var metric : metrics) {
                g.writeFieldName(metric.name());
                if (metric.value() instanceof Double || metric.value() instanceof Float) {
                    g.writeNumber(metric.value().doubleValue());
                } else {
                    g.writeNumber(metric.value().longValue());
                }
            }
            for (var field : fields.entrySet()) {
                g.writeStringField(field.getKey(), field.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }
}
