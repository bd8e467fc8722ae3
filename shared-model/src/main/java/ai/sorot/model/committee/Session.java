package ai.sorot.model.committee;

import java.time.Instant;
import java.util.List;

/** A reading session as created. */
public record Session(
        String sessionId,
        String name,
        Instant createdAt,
        String createdBy,
        int readersPerScript,
        boolean blind,
        List<Criterion> rubric,
        List<String> analysisIds) {}
