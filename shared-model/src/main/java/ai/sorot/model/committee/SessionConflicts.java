package ai.sorot.model.committee;

import java.util.List;

/**
 * {@code PUT /sessions/{id}/conflicts/me}: the analyses the caller must not read (they know the
 * writer, they wrote it). Declared after assignment, the script moves to another reader.
 */
public record SessionConflicts(List<String> analysisIds) {}
