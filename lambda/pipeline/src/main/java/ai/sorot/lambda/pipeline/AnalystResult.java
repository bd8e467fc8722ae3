package ai.sorot.lambda.pipeline;

import ai.sorot.model.report.Check;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Usage;
import java.util.List;
import java.util.Objects;

/**
 * What an analyst returns: its output, who produced it (provider, model, offline or not), what
 * it consumed (tokens, Polly characters, video seconds), which the job records per step, and the
 * checks it made (a quote not in the script, a model that could not be used), which the report
 * lists.
 */
public record AnalystResult<T>(T output, Provenance provenance, Usage usage, List<Check> checks) {

    public AnalystResult {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(provenance, "provenance");
        usage = usage == null ? Usage.NONE : usage;
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    public AnalystResult(T output, Provenance provenance, Usage usage) {
        this(output, provenance, usage, List.of());
    }

    public AnalystResult<T> withChecks(List<Check> more) {
        var all = new java.util.ArrayList<>(checks);
        all.addAll(more);
        return new AnalystResult<>(output, provenance, usage, all);
    }
}
