package ai.sorot.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Answer to {@code GET /health}. Anyone may ask whether the server is up: without a valid token
 * the answer holds only {@code status} and {@code version} ({@link #up}). With the token it also
 * says how the server runs: {@code mode} is "local" or "cloud"; {@code analysers} maps each role
 * (coverage, trailer, narrator, store...) to what serves it, e.g. "offline heuristics", and is
 * where more details go as they come.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthInfo(String status, String version, String mode, Map<String, String> analysers) {

    /** What a caller without the token learns: the server is up, and its version. */
    public static HealthInfo up(String version) {
        return new HealthInfo("ok", version, null, null);
    }
}
