package ai.sorot.lambda.aws;

import ai.sorot.lambda.aws.CloudConfig.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.polly.PollyClient;

/**
 * The AWS SDK clients the model analysts call (Bedrock and Polly), each built once per process on
 * first use and shared; the cloud adds its state clients ({@code AwsClients}) on the same settings,
 * so a workstation's class path holds no DynamoDB, S3, SQS or Secrets Manager client.
 * Every client uses the lightweight URLConnection HTTP client (Apache and Netty are excluded from
 * the build), an explicit credentials provider, explicit timeouts and the STANDARD retry mode
 * (exponential backoff with jitter on throttling and 5xx).
 *
 * <p>Bedrock is the exception in its timeouts: DeepSeek-R1 reasons for 30 s to minutes before it
 * answers, so its socket read timeout and attempt timeout are minutes, not the SDK's 30 s.
 */
public class AnalystClients implements AutoCloseable {

    /** Connection set-up: a healthy AWS endpoint answers in milliseconds. */
    protected static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Storage, queue and secrets calls: small requests, quick answers. */
    protected static final Duration STATE_READ_TIMEOUT = Duration.ofSeconds(15);

    protected static final Duration STATE_CALL_TIMEOUT = Duration.ofSeconds(25);
    /** One Converse call to a reasoning model; the coverage step's budget caps the whole call. */
    public static final Duration BEDROCK_READ_TIMEOUT = Duration.ofMinutes(5);

    public static final Duration BEDROCK_ATTEMPT_TIMEOUT = Duration.ofMinutes(5);
    static final Duration BEDROCK_CALL_TIMEOUT = Duration.ofMinutes(10);
    /** Polly answers a 3,000-character request in a few seconds. */
    static final Duration POLLY_READ_TIMEOUT = Duration.ofSeconds(30);

    static final Duration POLLY_CALL_TIMEOUT = Duration.ofSeconds(90);

    protected final CloudConfig config;
    protected final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> built = new ArrayList<>();
    private final Supplier<BedrockRuntimeClient> bedrock = once(this::buildBedrock);
    private final Supplier<BedrockClient> bedrockControl = once(this::buildBedrockControl);
    private final Supplier<PollyClient> polly = once(this::buildPolly);

    public AnalystClients(CloudConfig config) {
        this.config = config;
        this.credentials = credentialsFor(config);
    }

    public CloudConfig config() {
        return config;
    }

    public BedrockRuntimeClient bedrock() {
        return bedrock.get();
    }

    /** The control plane: model lifecycles, not inference. */
    public BedrockClient bedrockControl() {
        return bedrockControl.get();
    }

    public PollyClient polly() {
        return polly.get();
    }

    static AwsCredentialsProvider credentialsFor(CloudConfig config) {
        var keys = config.credentials();
        if (keys == null) {
            // a workstation: profiles, SSO, the instance role; resolved on first use, not here
            return DefaultCredentialsProvider.builder().build();
        }
        // the Lambda runtime (and the tests) give the keys in the environment
        return StaticCredentialsProvider.create(
                keys.sessionToken() == null
                        ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                        : AwsSessionCredentials.create(
                                keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
    }

    private BedrockRuntimeClient buildBedrock() {
        var http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(BEDROCK_READ_TIMEOUT)
                .build();
        var overrides = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(BEDROCK_ATTEMPT_TIMEOUT)
                .apiCallTimeout(BEDROCK_CALL_TIMEOUT)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(4)
                        .build())
                .build();
        return remember(configure(BedrockRuntimeClient.builder(), Service.BEDROCK_RUNTIME, http, overrides)
                .build());
    }

    private BedrockClient buildBedrockControl() {
        return remember(configure(BedrockClient.builder(), Service.BEDROCK, stateHttp(), stateOverrides())
                .build());
    }

    private PollyClient buildPolly() {
        var http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(POLLY_READ_TIMEOUT)
                .build();
        var overrides = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(POLLY_READ_TIMEOUT)
                .apiCallTimeout(POLLY_CALL_TIMEOUT)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(4)
                        .build())
                .build();
        return remember(
                configure(PollyClient.builder(), Service.POLLY, http, overrides).build());
    }

    protected SdkHttpClient stateHttp() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(STATE_READ_TIMEOUT)
                .build();
    }

    protected static ClientOverrideConfiguration stateOverrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(STATE_READ_TIMEOUT)
                .apiCallTimeout(STATE_CALL_TIMEOUT)
                .retryStrategy(RetryMode.STANDARD)
                .build();
    }

    protected <
                    B extends
                            AwsClientBuilder<B, ?>
                                    & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, Service service, SdkHttpClient http, ClientOverrideConfiguration overrides) {
        builder.region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .httpClient(http);
        config.endpoint(service).ifPresent(builder::endpointOverride);
        return builder;
    }

    protected synchronized <T extends AutoCloseable> T remember(T client) {
        built.add(client);
        return client;
    }

    protected static <T> Supplier<T> once(Supplier<T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                var v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = factory.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }

    @Override
    public synchronized void close() {
        for (var client : built) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing at shutdown: nothing left to save
            }
        }
        built.clear();
    }
}
