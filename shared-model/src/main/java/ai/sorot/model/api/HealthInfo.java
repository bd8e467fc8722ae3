package ai.sorot.model.api;

import java.util.Map;

/**
 * Answer to {@code GET /health}. {@code mode} is "local" or "cloud"; {@code analysers} maps each
 * role (coverage, trailer, narrator, store...) to what serves it, e.g. "offline heuristics".
 */
public record HealthInfo(String status, String version, String mode, Map<String, String> analysers) {}
