package ai.sorot.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where one pipeline step stands. A step with nothing to do (no trailer link) is skipped, not failed. */
public enum StepStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    SKIPPED,
    FAILED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StepStatus fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isDone() {
        return this == COMPLETED || this == SKIPPED;
    }
}
