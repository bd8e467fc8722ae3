package ai.sorot.lambda.aws.observe;

import java.util.HashMap;
import java.util.Map;

/**
 * The analysis and step a thread works for, added to each JSON log line it writes. Inherited by
 * the threads it starts (the pipeline runs each step on a thread of its own), so an analyst's
 * log lines carry the analysis id without the analyst passing it along.
 */
public final class LogContext {

    private static final InheritableThreadLocal<Map<String, String>> FIELDS = new InheritableThreadLocal<>() {
        @Override
        protected Map<String, String> initialValue() {
            return Map.of();
        }
    };

    private LogContext() {}

    public static Map<String, String> current() {
        return FIELDS.get();
    }

    /** Sets a field for this thread and the threads it starts from now on; null removes it. */
    public static void put(String name, String value) {
        var next = new HashMap<>(FIELDS.get());
        if (value == null) {
            next.remove(name);
        } else {
            next.put(name, value);
        }
        FIELDS.set(Map.copyOf(next));
    }

    public static void clear() {
        FIELDS.set(Map.of());
    }
}
