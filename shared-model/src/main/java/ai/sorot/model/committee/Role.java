package ai.sorot.model.committee;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a committee member may do. A lead manages members and sessions and reads everything; a reader
 * reads analyses and writes only their own reviews. The server's own API tokens act as leads.
 */
public enum Role {
    LEAD,
    READER;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role of(String value) {
        if (value == null) {
            return null;
        }
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
