package ai.sorot.lambda.aws;

import ai.sorot.lambda.api.JwtSignIn;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the AWS adapters read from the environment, read once. In the Lambda functions the
 * SAM template sets these (see {@code infra/template.yaml}, {@code Globals}); on a workstation a
 * user sets the few that turn the cloud analysts on ({@code GEMINI_API_KEY}, an AWS profile).
 *
 * <p>The names a user may need to change are constants here, so that an error can name them:
 * a retired model says "set SOROT_BEDROCK_MODEL_ID", not "something went wrong".
 *
 * @param endpoints endpoint overrides per service ({@code AWS_ENDPOINT_URL_<SERVICE>}, the SDK's
 *                  own names): the tests point the real clients at S3Proxy, ElasticMQ, dynalite
 *                  and WireMock with them
 */
public record CloudConfig(
        String region,
        String table,
        String committeeTable,
        String bucket,
        String queueUrl,
        String secretArn,
        String bedrockModelId,
        String geminiModel,
        URI geminiBaseUrl,
        String geminiApiKey,
        String apiTokens,
        String pollyVoice,
        int retentionDays,
        int coverageMaxInputTokens,
        boolean s3PathStyle,
        Map<Service, URI> endpoints,
        Credentials credentials,
        JwtSignIn.Settings signIn) {

    public static final String BEDROCK_MODEL_SETTING = "SOROT_BEDROCK_MODEL_ID";
    public static final String GEMINI_MODEL_SETTING = "SOROT_GEMINI_MODEL";
    public static final String GEMINI_KEY_SETTING = "GEMINI_API_KEY";
    public static final String POLLY_VOICE_SETTING = "SOROT_POLLY_VOICE";
    public static final String COVERAGE_INPUT_SETTING = "SOROT_COVERAGE_MAX_INPUT_TOKENS";
    /** The foundation model behind the default inference profile. */
    public static final String DEEPSEEK_R1 = "deepseek.r1-v1:0";

    public static final String DEFAULT_GEMINI_MODEL = "gemini-2.5-flash-lite";
    public static final String DEFAULT_POLLY_VOICE = "Joanna";

    /** The AWS services Sorot calls, with the SDK's names for their endpoint variables. */
    public enum Service {
        DYNAMODB("DYNAMODB"),
        S3("S3"),
        SQS("SQS"),
        SECRETS_MANAGER("SECRETS_MANAGER"),
        BEDROCK_RUNTIME("BEDROCK_RUNTIME"),
        BEDROCK("BEDROCK"),
        POLLY("POLLY");

        private final String envSuffix;

        Service(String envSuffix) {
            this.envSuffix = envSuffix;
        }

        public String endpointVariable() {
            return "AWS_ENDPOINT_URL_" + envSuffix;
        }
    }

    /** Keys given in the environment (the Lambda runtime's, or a test's); null: the SDK's default chain. */
    public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {

        @Override
        public String toString() {
            return "Credentials[" + accessKeyId + ", ****]";
        }
    }

    public static CloudConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static CloudConfig from(Map<String, String> env) {
        var region = first(env, "AWS_REGION", "AWS_DEFAULT_REGION").orElse("us-east-1");
        var endpoints = new EnumMap<Service, URI>(Service.class);
        for (var service : Service.values()) {
            value(env, service.endpointVariable())
                    .ifPresent(url -> endpoints.put(service, uri(service.endpointVariable(), url)));
        }
        var accessKey = value(env, "AWS_ACCESS_KEY_ID");
        var secretKey = value(env, "AWS_SECRET_ACCESS_KEY");
        Credentials credentials = accessKey.isPresent() && secretKey.isPresent()
                ? new Credentials(
                        accessKey.get(),
                        secretKey.get(),
                        value(env, "AWS_SESSION_TOKEN").orElse(null))
                : null;
        return new CloudConfig(
                region,
                value(env, "SOROT_TABLE").orElse(null),
                value(env, "SOROT_COMMITTEE_TABLE").orElse(null),
                value(env, "SOROT_BUCKET").orElse(null),
                value(env, "SOROT_QUEUE_URL").orElse(null),
                value(env, "SOROT_SECRET_ARN").orElse(null),
                value(env, BEDROCK_MODEL_SETTING).orElse(defaultBedrockModel(region)),
                value(env, GEMINI_MODEL_SETTING).orElse(DEFAULT_GEMINI_MODEL),
                uri(
                        "SOROT_GEMINI_BASE_URL",
                        value(env, "SOROT_GEMINI_BASE_URL").orElse("https://generativelanguage.googleapis.com")),
                value(env, GEMINI_KEY_SETTING).orElse(null),
                value(env, "SOROT_API_TOKENS").orElse(null),
                value(env, POLLY_VOICE_SETTING).orElse(DEFAULT_POLLY_VOICE),
                integer(env, "SOROT_RETENTION_DAYS", 90, 1, 3650),
                integer(env, COVERAGE_INPUT_SETTING, 90_000, 4_000, 120_000),
                Boolean.parseBoolean(value(env, "SOROT_S3_PATH_STYLE").orElse("false")),
                Map.copyOf(endpoints),
                credentials,
                JwtSignIn.Settings.fromEnvironment(env).orElse(null));
    }

    /**
     * DeepSeek-R1 is served on Bedrock only through cross-region inference, and AWS documents one
     * profile for it, {@code us.deepseek.r1-v1:0}. A stack elsewhere gets the profile its region
     * really has from the deploy ({@code check-models.sh} asks Bedrock), never one made up from the
     * region's prefix.
     */
    public static String defaultBedrockModel(String region) {
        return "us." + DEEPSEEK_R1;
    }

    public Optional<URI> endpoint(Service service) {
        return Optional.ofNullable(endpoints.get(service));
    }

    /** How long a job's record and files are kept (the table's TTL, the bucket's lifecycle). */
    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    /** The table, bucket and queue the cloud backend cannot run without; a clear error names what is missing. */
    public CloudConfig requireState() {
        var missing = new StringBuilder();
        if (table == null) {
            missing.append(" SOROT_TABLE");
        }
        if (bucket == null) {
            missing.append(" SOROT_BUCKET");
        }
        if (queueUrl == null) {
            missing.append(" SOROT_QUEUE_URL");
        }
        if (!missing.isEmpty()) {
            throw new SorotException(
                    ErrorCode.INTERNAL,
                    "SOROT_MODE=cloud needs" + missing
                            + " (the SAM template sets them in the functions' environment).");
        }
        return this;
    }

    @Override
    public String toString() {
        // never the Gemini key nor the tokens: this may be logged
        return "CloudConfig[region=" + region + ", table=" + table + ", bucket=" + bucket + ", queue=" + queueUrl
                + ", bedrock=" + bedrockModelId + ", gemini=" + geminiModel + ", voice=" + pollyVoice
                + ", endpoints=" + endpoints + "]";
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        var v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static Optional<String> first(Map<String, String> env, String... names) {
        for (var name : names) {
            var v = value(env, name);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        var raw = value(env, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.get());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL,
                    name + " must be a whole number from " + min + " to " + max + ", not '" + raw.get() + "'.");
        }
    }

    private static URI uri(String name, String value) {
        try {
            var uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SorotException(ErrorCode.INTERNAL, name + " is not a URL: " + value);
        }
    }
}
