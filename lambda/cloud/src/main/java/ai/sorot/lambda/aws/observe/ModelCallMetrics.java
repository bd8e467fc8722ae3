package ai.sorot.lambda.aws.observe;

import ai.sorot.lambda.coverage.CoverageChat;
import ai.sorot.lambda.coverage.CoverageExchange;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Each coverage model call as a CloudWatch embedded-metric record: {@code ModelOutputTokens} and
 * {@code ModelCutOff} (1 when the answer stopped at the output limit), by {@code StopReason}.
 * DeepSeek-R1's 8k output limit includes its reasoning; the deployment alarms on cut-off answers.
 */
public final class ModelCallMetrics implements CoverageExchange.CallObserver {

    private final PrintStream out;
    private final Clock clock;

    public ModelCallMetrics(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void answered(CoverageChat.Reply reply) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("StopReason", reply.stopReason().toLowerCase(Locale.ROOT));
        var line = EmbeddedMetrics.line(
                clock.millis(),
                List.of("StopReason"),
                List.of(
                        new EmbeddedMetrics.Metric(
                                "ModelOutputTokens", "Count", reply.usage().outputTokens()),
                        new EmbeddedMetrics.Metric("ModelCutOff", "Count", reply.cutOff() ? 1 : 0)),
                fields);
        synchronized (out) {
            out.print(line);
            out.flush();
        }
    }
}
