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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.polly.PollyClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients, each built once per process on first use and shared: a Lambda container
 * builds only what its function calls (the API function never builds the Bedrock client).
 * Every client uses the lightweight URLConnection HTTP client (Apache and Netty are excluded from
 * the build), an explicit credentials provider, explicit timeouts and the STANDARD retry mode
 * (exponential backoff with jitter on throttling and 5xx).
 *
 * <p>Bedrock is the exception in its timeouts: DeepSeek-R1 reasons for 30 s to minutes before it
 * answers, so its socket read timeout and attempt timeout are minutes, not the SDK's 30 s.
 */
public final class AwsClients implements AutoCloseable {

    /** Connection set-up: a healthy AWS endpoint answers in milliseconds. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Storage, queue and secrets calls: small requests, quick answers. */
    static final Duration STATE_READ_TIMEOUT = Duration.ofSeconds(15);
    static final Duration STATE_CALL_TIMEOUT = Duration.ofSeconds(25);
    /** One Converse call to a reasoning model; the coverage step's budget caps the whole call. */
    public static final Duration BEDROCK_READ_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration BEDROCK_ATTEMPT_TIMEOUT = Duration.ofMinutes(5);
    static final Duration BEDROCK_CALL_TIMEOUT = Duration.ofMinutes(10);
    /** Polly answers a 3,000-character request in a few seconds. */
    static final Duration POLLY_READ_TIMEOUT = Duration.ofSeconds(30);
    static final Duration POLLY_CALL_TIMEOUT = Duration.ofSeconds(90);

    private final CloudConfig config;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> built = new ArrayList<>();
    private final Supplier<DynamoDbClient> dynamo = once(this::buildDynamo);
    private final Supplier<S3Client> s3 = once(this::buildS3);
    private final Supplier<S3Presigner> presigner = once(this::buildPresigner);
    private final Supplier<SqsClient> sqs = once(this::buildSqs);
    private final Supplier<SecretsManagerClient> secrets = once(this::buildSecrets);
    private final Supplier<BedrockRuntimeClient> bedrock = once(this::buildBedrock);
    private final Supplier<BedrockClient> bedrockControl = once(this::buildBedrockControl);
    private final Supplier<PollyClient> polly = once(this::buildPolly);

    public AwsClients(CloudConfig config) {
        this.config = config;
        this.credentials = credentialsFor(config);
    }

    public CloudConfig config() {
        return config;
    }

    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    public S3Client s3() {
        return s3.get();
    }

    public S3Presigner presigner() {
        return presigner.get();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    public SecretsManagerClient secrets() {
        return secrets.get();
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
        return StaticCredentialsProvider.create(keys.sessionToken() == null
                ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
    }

    private DynamoDbClient buildDynamo() {
        return remember(configure(DynamoDbClient.builder(), Service.DYNAMODB, stateHttp(), stateOverrides()).build());
    }

    private S3Client buildS3() {
        return remember(configure(S3Client.builder(), Service.S3, stateHttp(), stateOverrides())
                .forcePathStyle(config.s3PathStyle()).build());
    }

    private S3Presigner buildPresigner() {
        var builder = S3Presigner.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.s3PathStyle()).build());
        config.endpoint(Service.S3).ifPresent(builder::endpointOverride);
        return remember(builder.build());
    }

    private SqsClient buildSqs() {
        return remember(configure(SqsClient.builder(), Service.SQS, stateHttp(), stateOverrides()).build());
    }

    private SecretsManagerClient buildSecrets() {
        return remember(configure(SecretsManagerClient.builder(), Service.SECRETS_MANAGER, stateHttp(), stateOverrides()).build());
    }

    private BedrockRuntimeClient buildBedrock() {
        var http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(BEDROCK_READ_TIMEOUT)
                .build();
        var overrides = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(BEDROCK_ATTEMPT_TIMEOUT)
                .apiCallTimeout(BEDROCK_CALL_TIMEOUT)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(4).build())
                .build();
        return remember(configure(BedrockRuntimeClient.builder(), Service.BEDROCK_RUNTIME, http, overrides).build());
    }

    private BedrockClient buildBedrockControl() {
        return remember(configure(BedrockClient.builder(), Service.BEDROCK, stateHttp(), stateOverrides()).build());
    }

    private PollyClient buildPolly() {
        var http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(POLLY_READ_TIMEOUT)
                .build();
        var overrides = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(POLLY_READ_TIMEOUT)
                .apiCallTimeout(POLLY_CALL_TIMEOUT)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(4).build())
                .build();
        return remember(configure(PollyClient.builder(), Service.POLLY, http, overrides).build());
    }

    private SdkHttpClient stateHttp() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(STATE_READ_TIMEOUT)
                .build();
    }

    private static ClientOverrideConfiguration stateOverrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(STATE_READ_TIMEOUT)
                .apiCallTimeout(STATE_CALL_TIMEOUT)
                .retryStrategy(RetryMode.STANDARD)
                .build();
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Service service, SdkHttpClient http, ClientOverrideConfiguration overrides) {
        builder.region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .httpClient(http);
        config.endpoint(service).ifPresent(builder::endpointOverride);
        return builder;
    }

    private synchronized <T extends AutoCloseable> T remember(T client) {
        built.add(client);
        return client;
    }

    private static <T> Supplier<T> once(Supplier<T> factory) {
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
