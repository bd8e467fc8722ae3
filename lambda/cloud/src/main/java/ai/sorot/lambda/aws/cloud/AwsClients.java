package ai.sorot.lambda.aws.cloud;

import ai.sorot.lambda.aws.AnalystClients;
import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.CloudConfig.Service;
import java.util.function.Supplier;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients of the cloud backend: the analysts' clients ({@link AnalystClients}) and the
 * state the API and the worker keep (DynamoDB, S3 and its presigner, SQS, Secrets Manager), each
 * built once per process on first use: a Lambda container builds only what its function calls.
 * Storage, queue and secrets calls use the short state timeouts and the STANDARD retry mode.
 */
public final class AwsClients extends AnalystClients {

    private final Supplier<DynamoDbClient> dynamo = once(this::buildDynamo);
    private final Supplier<S3Client> s3 = once(this::buildS3);
    private final Supplier<S3Presigner> presigner = once(this::buildPresigner);
    private final Supplier<SqsClient> sqs = once(this::buildSqs);
    private final Supplier<SecretsManagerClient> secrets = once(this::buildSecrets);

    public AwsClients(CloudConfig config) {
        super(config);
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

    private DynamoDbClient buildDynamo() {
        return remember(configure(DynamoDbClient.builder(), Service.DYNAMODB, stateHttp(), stateOverrides())
                .build());
    }

    private S3Client buildS3() {
        return remember(configure(S3Client.builder(), Service.S3, stateHttp(), stateOverrides())
                .forcePathStyle(config.s3PathStyle())
                .build());
    }

    private S3Presigner buildPresigner() {
        var builder = S3Presigner.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(config.s3PathStyle())
                        .build());
        config.endpoint(Service.S3).ifPresent(builder::endpointOverride);
        return remember(builder.build());
    }

    private SqsClient buildSqs() {
        return remember(configure(SqsClient.builder(), Service.SQS, stateHttp(), stateOverrides())
                .build());
    }

    private SecretsManagerClient buildSecrets() {
        return remember(
                configure(SecretsManagerClient.builder(), Service.SECRETS_MANAGER, stateHttp(), stateOverrides())
                        .build());
    }
}
