package ai.sorot.model.committee;

import java.util.List;

/**
 * {@code POST /sessions} (leads only). The server assigns {@code readersPerScript} readers to each
 * analysis, balancing readers' loads in pages, never giving a reader a script they declared a
 * conflict with. {@code readerIds} names the readers to draw from; absent, every active reader.
 */
public record NewSession(
        String name,
        List<String> analysisIds,
        int readersPerScript,
        boolean blind,
        List<Criterion> rubric,
        List<String> readerIds) {}
