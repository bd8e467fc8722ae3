package ai.sorot.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a whole analysis stands. */
public enum JobState {
    QUEUED,
    PROCESSING,
    COMPLETED,
    FAILED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobState fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
