package ai.sorot.lambda.pipeline;

import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Usage;
import java.util.Objects;

/**
 * What an analyst returns: its output, who produced it (provider, model, offline or not) and
 * what it consumed (tokens, Polly characters, video seconds), which the job records per step.
 */
public record AnalystResult<T>(T output, Provenance provenance, Usage usage) {

    public AnalystResult {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(provenance, "provenance");
        usage = usage == null ? Usage.NONE : usage;
    }
}
