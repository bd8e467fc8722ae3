package ai.sorot.lambda.aws;

import ai.sorot.lambda.aws.bedrock.BedrockCoverageAnalyst;
import ai.sorot.lambda.aws.bedrock.ModelLifecycle;
import ai.sorot.lambda.aws.gemini.GeminiTrailerAnalyst;
import ai.sorot.lambda.aws.polly.PollyNarrator;
import ai.sorot.lambda.coverage.CoverageExchange;
import ai.sorot.lambda.coverage.NoModelFallback;
import ai.sorot.lambda.localmodel.LocalModelCoverageAnalyst;
import ai.sorot.lambda.localmodel.LocalModelSettings;
import ai.sorot.lambda.offline.OfflineCoverageAnalyst;
import ai.sorot.lambda.pipeline.Analysts;
import ai.sorot.lambda.pipeline.CoverageAnalyst;
import ai.sorot.lambda.pipeline.Narrator;
import ai.sorot.lambda.pipeline.StepBudgets;
import ai.sorot.lambda.pipeline.TrailerAnalyst;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses each analyst, cloud or offline, from what the environment holds, the same way in the
 * Lambda worker and on a workstation: coverage by DeepSeek-R1 on Bedrock and the voice by Polly
 * when AWS credentials are there, the trailer by Gemini when a Gemini key is. A model of the
 * festival's own ({@code SOROT_LLM_URL} and {@code SOROT_LLM_MODEL}: Ollama, llama.cpp, LM Studio,
 * vLLM) serves coverage before Bedrock, and when it cannot be used the report is Sorot's own with
 * a check saying why. {@code SOROT_ANALYSTS} overrides: {@code offline} (no model at all, never
 * call a cloud service, never spend), {@code cloud} (all three in the cloud, failing clearly when a
 * key is missing), {@code local-model} (coverage by the configured model only, failing with
 * MODEL_UNAVAILABLE or MODEL_ANSWER_UNUSABLE rather than falling back), {@code auto} (the default).
 * {@code GET /health} shows what was chosen.
 *
 * <p>Choosing builds no client and makes no call: the analysts build their SDK client on first use.
 */
public final class AnalystChoice {

    public enum Mode {
        AUTO,
        OFFLINE,
        CLOUD,
        LOCAL_MODEL
    }

    /**
     * The chosen analysts, and whether each is a cloud one; {@code coverageBudget}, when not null,
     * is the coverage step's budget the chosen model needs (a local model's, from its settings).
     */
    public record Chosen(
            Analysts analysts,
            boolean cloudCoverage,
            boolean cloudTrailer,
            boolean cloudNarrator,
            Duration coverageBudget) {

        public Chosen(Analysts analysts, boolean cloudCoverage, boolean cloudTrailer, boolean cloudNarrator) {
            this(analysts, cloudCoverage, cloudTrailer, cloudNarrator, null);
        }

        public boolean anyCloud() {
            return cloudCoverage || cloudTrailer || cloudNarrator;
        }

        /** The step budgets these analysts need: a model on a laptop takes longer over coverage than the cloud. */
        public StepBudgets budgets(StepBudgets base) {
            return coverageBudget == null ? base : base.withCoverage(coverageBudget);
        }
    }

    private AnalystChoice() {}

    public static Chosen fromEnvironment(Map<String, String> env, Supplier<Analysts> offline) {
        var mode = mode(env);
        var localModel =
                mode == Mode.OFFLINE ? Optional.<LocalModelSettings>empty() : LocalModelSettings.fromEnvironment(env);
        if (mode == Mode.LOCAL_MODEL && localModel.isEmpty()) {
            throw new SorotException(
                    ErrorCode.MODEL_UNAVAILABLE,
                    "SOROT_ANALYSTS=local-model needs " + LocalModelSettings.URL
                            + " (e.g. http://127.0.0.1:11434/v1 for Ollama) and " + LocalModelSettings.MODEL + ".");
        }
        var config = CloudConfig.from(env);
        // on a workstation the Gemini key is the setting itself; the cloud reads it from Secrets Manager
        var chosen = choose(
                mode == Mode.LOCAL_MODEL ? Mode.OFFLINE : mode,
                config,
                new AnalystClients(config),
                config.geminiApiKey() != null,
                () -> Optional.ofNullable(config.geminiApiKey()),
                hasAwsCredentials(env),
                offline);
        return localModel
                .map(settings -> withLocalModel(chosen, settings, mode == Mode.LOCAL_MODEL))
                .orElse(chosen);
    }

    /**
     * The festival's own model takes coverage: alone when insisted on, else with the no-model
     * coverage behind it for when it cannot be used. The other analysts stay as chosen.
     */
    public static Chosen withLocalModel(Chosen chosen, LocalModelSettings settings, boolean insist) {
        var analysts = chosen.analysts();
        var model = new LocalModelCoverageAnalyst(settings, Clock.systemUTC());
        CoverageAnalyst coverage = insist
                ? model
                : new NoModelFallback(
                        model,
                        analysts.coverage() instanceof BedrockCoverageAnalyst
                                ? new OfflineCoverageAnalyst()
                                : analysts.coverage());
        return new Chosen(
                new Analysts(analysts.extractor(), coverage, analysts.trailer(), analysts.narrator()),
                false,
                chosen.cloudTrailer(),
                chosen.cloudNarrator(),
                settings.stepBudget());
    }

    /**
     * {@code geminiConfigured} says a Gemini key is there to be read ({@code geminiKey} reads it
     * when the trailer is analysed: from the setting, or from the stack's secret in the cloud).
     */
    public static Chosen choose(
            Mode mode,
            CloudConfig config,
            AnalystClients clients,
            boolean geminiConfigured,
            Supplier<Optional<String>> geminiKey,
            boolean awsCredentials,
            Supplier<Analysts> offline) {
        return choose(
                mode,
                config,
                clients,
                geminiConfigured,
                geminiKey,
                awsCredentials,
                offline,
                CoverageExchange.CallObserver.NONE);
    }

    public static Chosen choose(
            Mode mode,
            CloudConfig config,
            AnalystClients clients,
            boolean geminiConfigured,
            Supplier<Optional<String>> geminiKey,
            boolean awsCredentials,
            Supplier<Analysts> offline,
            CoverageExchange.CallObserver calls) {
        boolean aws = mode == Mode.CLOUD || (mode == Mode.AUTO && awsCredentials);
        boolean gemini = mode == Mode.CLOUD || (mode == Mode.AUTO && geminiConfigured);
        if (!aws && !gemini) {
            return new Chosen(offline.get(), false, false, false);
        }
        var fallback = offline.get();
        var clock = Clock.systemUTC();
        CoverageAnalyst coverage = aws
                ? new BedrockCoverageAnalyst(
                        clients::bedrock,
                        new ModelLifecycle(clients::bedrockControl, config.bedrockModelId(), clock),
                        config.bedrockModelId(),
                        config.coverageMaxInputTokens(),
                        PriceList.LIST,
                        clock,
                        calls)
                : fallback.coverage();
        TrailerAnalyst trailer = gemini
                ? new GeminiTrailerAnalyst(
                        config.geminiBaseUrl(),
                        config.geminiModel(),
                        geminiKey,
                        mode == Mode.CLOUD,
                        PriceList.LIST,
                        clock)
                : fallback.trailer();
        Narrator narrator = aws
                ? new PollyNarrator(clients::polly, config.pollyVoice(), PriceList.LIST, clock)
                : fallback.narrator();
        return new Chosen(new Analysts(fallback.extractor(), coverage, trailer, narrator), aws, gemini, aws);
    }

    public static Mode mode(Map<String, String> env) {
        var raw = env.getOrDefault("SOROT_ANALYSTS", "auto").strip().toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "", "auto" -> Mode.AUTO;
            case "offline" -> Mode.OFFLINE;
            case "cloud" -> Mode.CLOUD;
            case "local-model", "local_model" -> Mode.LOCAL_MODEL;
            default ->
                throw new SorotException(
                        ErrorCode.INTERNAL,
                        "SOROT_ANALYSTS must be auto, offline, cloud or local-model, not '" + raw + "'.");
        };
    }

    /**
     * Whether the SDK's default chain would find credentials, judged without calling anything:
     * keys in the environment, a profile, a web identity, a container role, or a credentials file.
     */
    public static boolean hasAwsCredentials(Map<String, String> env) {
        if (present(env, "AWS_ACCESS_KEY_ID") && present(env, "AWS_SECRET_ACCESS_KEY")) {
            return true;
        }
        if (present(env, "AWS_PROFILE")
                || present(env, "AWS_WEB_IDENTITY_TOKEN_FILE")
                || present(env, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
                || present(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            return true;
        }
        var home = Path.of(System.getProperty("user.home"), ".aws");
        var credentials = present(env, "AWS_SHARED_CREDENTIALS_FILE")
                ? Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE"))
                : home.resolve("credentials");
        if (Files.isRegularFile(credentials)) {
            return true;
        }
        var configFile = present(env, "AWS_CONFIG_FILE") ? Path.of(env.get("AWS_CONFIG_FILE")) : home.resolve("config");
        try {
            if (Files.isRegularFile(configFile)) {
                var text = Files.readString(configFile);
                return text.contains("sso_")
                        || text.contains("credential_process")
                        || text.contains("role_arn")
                        || text.contains("aws_access_key_id");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** What {@code GET /health} lists for the analysers. */
    public static Map<String, String> describe(Analysts analysts) {
        var map = new LinkedHashMap<String, String>();
        map.put("extract", "Sorot screenplay engine (PDFBox, Fountain)");
        map.put("coverage", analysts.coverage().provenance().label());
        map.put("trailer", analysts.trailer().provenance().label());
        map.put("curation", "Sorot curation rules");
        map.put("narrator", analysts.narrator().provenance().label());
        return map;
    }

    private static boolean present(Map<String, String> env, String name) {
        var v = env.get(name);
        return v != null && !v.isBlank();
    }
}
