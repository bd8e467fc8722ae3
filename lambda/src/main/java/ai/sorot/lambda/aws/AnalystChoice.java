package ai.sorot.lambda.aws;

import ai.sorot.lambda.aws.bedrock.BedrockCoverageAnalyst;
import ai.sorot.lambda.aws.bedrock.ModelLifecycle;
import ai.sorot.lambda.aws.gemini.GeminiTrailerAnalyst;
import ai.sorot.lambda.aws.polly.PollyNarrator;
import ai.sorot.lambda.pipeline.Analysts;
import ai.sorot.lambda.pipeline.CoverageAnalyst;
import ai.sorot.lambda.pipeline.Narrator;
import ai.sorot.lambda.pipeline.TrailerAnalyst;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Chooses each analyst, cloud or offline, from what the environment holds, the same way in the
 * Lambda worker and on a workstation: coverage by DeepSeek-R1 on Bedrock and the voice by Polly
 * when AWS credentials are there, the trailer by Gemini when a Gemini key is. {@code SOROT_ANALYSTS}
 * overrides: {@code offline} (never call a cloud service, and never spend), {@code cloud} (all
 * three in the cloud, failing clearly when a key is missing), {@code auto} (the default).
 * {@code GET /health} shows what was chosen.
 *
 * <p>Choosing builds no client and makes no call: the analysts build their SDK client on first use.
 */
public final class AnalystChoice {

    public enum Mode { AUTO, OFFLINE, CLOUD }

    /** The chosen analysts, and whether each is a cloud one. */
    public record Chosen(Analysts analysts, boolean cloudCoverage, boolean cloudTrailer, boolean cloudNarrator) {

        public boolean anyCloud() {
            return cloudCoverage || cloudTrailer || cloudNarrator;
        }
    }

    private AnalystChoice() {}

    public static Chosen fromEnvironment(Map<String, String> env, Supplier<Analysts> offline) {
        var config = CloudConfig.from(env);
        var clients = new AwsClients(config);
        var secrets = CloudSecrets.of(config, clients::secrets, Clock.systemUTC());
        return choose(mode(env), config, clients, secrets, hasAwsCredentials(env), offline);
    }

    public static Chosen choose(Mode mode, CloudConfig config, AwsClients clients, CloudSecrets secrets, boolean awsCredentials,
                                Supplier<Analysts> offline) {
        boolean aws = mode == Mode.CLOUD || (mode == Mode.AUTO && awsCredentials);
        boolean gemini = mode == Mode.CLOUD
                || (mode == Mode.AUTO && (config.geminiApiKey() != null || config.secretArn() != null));
        if (!aws && !gemini) {
            return new Chosen(offline.get(), false, false, false);
        }
        var fallback = offline.get();
        var clock = Clock.systemUTC();
        CoverageAnalyst coverage = aws ? new BedrockCoverageAnalyst(clients::bedrock,
                new ModelLifecycle(clients::bedrockControl, config.bedrockModelId(), clock), config.bedrockModelId(),
                config.coverageMaxInputTokens(), PriceList.LIST, clock) : fallback.coverage();
        TrailerAnalyst trailer = gemini ? new GeminiTrailerAnalyst(config.geminiBaseUrl(), config.geminiModel(),
                secrets::geminiApiKey, mode == Mode.CLOUD, PriceList.LIST, clock) : fallback.trailer();
        Narrator narrator = aws ? new PollyNarrator(clients::polly, config.pollyVoice(), PriceList.LIST, clock) : fallback.narrator();
        return new Chosen(new Analysts(fallback.extractor(), coverage, trailer, narrator), aws, gemini, aws);
    }

    public static Mode mode(Map<String, String> env) {
        var raw = env.getOrDefault("SOROT_ANALYSTS", "auto").strip().toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "", "auto" -> Mode.AUTO;
            case "offline" -> Mode.OFFLINE;
            case "cloud" -> Mode.CLOUD;
            default -> throw new SorotException(ErrorCode.INTERNAL,
                    "SOROT_ANALYSTS must be auto, offline or cloud, not '" + raw + "'.");
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
        if (present(env, "AWS_PROFILE") || present(env, "AWS_WEB_IDENTITY_TOKEN_FILE")
                || present(env, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") || present(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            return true;
        }
        var home = Path.of(System.getProperty("user.home"), ".aws");
        var credentials = present(env, "AWS_SHARED_CREDENTIALS_FILE") ? Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE"))
                : home.resolve("credentials");
        if (Files.isRegularFile(credentials)) {
            return true;
        }
        var configFile = present(env, "AWS_CONFIG_FILE") ? Path.of(env.get("AWS_CONFIG_FILE")) : home.resolve("config");
        try {
            if (Files.isRegularFile(configFile)) {
                var text = Files.readString(configFile);
                return text.contains("sso_") || text.contains("credential_process") || text.contains("role_arn")
                        || text.contains("aws_access_key_id");
            }
        } catch (java.io.IOException | RuntimeException e) {
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
