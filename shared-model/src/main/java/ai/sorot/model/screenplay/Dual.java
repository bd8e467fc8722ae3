package ai.sorot.model.screenplay;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which column of a dual-dialogue block a speech sits in. */
public enum Dual {
    LEFT,
    RIGHT;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static Dual fromJson(String value) {
        return value == null ? null : valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
