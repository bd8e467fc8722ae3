package ai.sorot.lambda.localmodel;

import ai.sorot.lambda.coverage.CoverageExchange;
import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.CoverageAnalyst;
import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Provenance;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Step 2 on the festival's own machine: coverage by a language model served by Ollama,
 * llama.cpp, LM Studio or vLLM through the OpenAI-compatible chat API. Nothing but the request
 * to that server leaves this process, and when the server is on loopback nothing leaves the
 * computer. The conversation (prompt, schema, quotes checked, one repair, checks) is the same
 * {@link CoverageExchange} the Bedrock analyst has.
 *
 * <p>Each analysis asks the server first which it is and what context window the model has, so
 * the script is condensed to what really fits; failures are MODEL_UNAVAILABLE (server down, no
 * such model, refused key, no answer in time) or MODEL_ANSWER_UNUSABLE (no coverage even after
 * the repair), both naming the server and the model.
 */
public final class LocalModelCoverageAnalyst implements CoverageAnalyst {

    private static final System.Logger LOG = System.getLogger(LocalModelCoverageAnalyst.class.getName());
    /** A repair on a laptop's CPU can take as long as the first answer: ask only with this much left. */
    static final Duration REPAIR_NEEDS = Duration.ofSeconds(90);
    /** Left for the no-model report when the model cannot be used. */
    static final Duration BUDGET_MARGIN = Duration.ofSeconds(15);

    private final LocalModelSettings settings;
    private final Clock clock;
    private final OkHttpClient http;
    private volatile Provenance provenance;

    public LocalModelCoverageAnalyst(LocalModelSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .writeTimeout(60, TimeUnit.SECONDS)
                .build();
        this.provenance = provenance(ModelServer.guessName(settings));
    }

    public LocalModelSettings settings() {
        return settings;
    }

    private Provenance provenance(String server) {
        return Provenance.localModel(settings.model(), server, settings.hostLabel(), settings.loopback());
    }

    /** Who reads: "qwen3:14b via Ollama, on this computer" (the server's name is a guess until it has answered). */
    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public AnalystResult<Coverage> analyse(CoverageRequest request) {
        var identity = new ModelServer(
                        settings,
                        http.newBuilder()
                                .readTimeout(15, TimeUnit.SECONDS)
                                .callTimeout(20, TimeUnit.SECONDS)
                                .build())
                .identify();
        var who = provenance(identity.server());
        provenance = who;
        LOG.log(
                Level.INFO,
                "analysis {0}: coverage by {1} ({2}-token window, from {3})",
                request.analysisId(),
                who.label(),
                identity.contextTokens(),
                identity.contextSource());
        var chat = new ChatCompletions(settings, identity, http);
        var exchange = new CoverageExchange(
                chat,
                who,
                new CoverageExchange.Settings(REPAIR_NEEDS, BUDGET_MARGIN),
                clock,
                CoverageExchange.CallObserver.NONE);
        var result = exchange.run(request);
        return new AnalystResult<>(result.coverage(), who, result.usage(), result.checks());
    }
}
