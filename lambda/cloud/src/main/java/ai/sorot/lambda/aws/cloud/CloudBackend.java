package ai.sorot.lambda.aws.cloud;

import ai.sorot.lambda.api.ApiLimits;
import ai.sorot.lambda.api.ApiTokens;
import ai.sorot.lambda.api.Backend;
import ai.sorot.lambda.api.JwtSignIn;
import ai.sorot.lambda.api.RunningBackend;
import ai.sorot.lambda.api.SorotVersion;
import ai.sorot.lambda.aws.AnalystChoice;
import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.state.DynamoCommitteeStore;
import ai.sorot.lambda.aws.state.DynamoJobStore;
import ai.sorot.lambda.aws.state.S3BlobStore;
import ai.sorot.lambda.aws.state.SqsWorkQueue;
import ai.sorot.lambda.offline.OfflineAnalysts;
import ai.sorot.lambda.pipeline.Analysts;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The backend of the API function in the cloud: jobs in DynamoDB, files in S3, work to SQS,
 * tokens from Secrets Manager. It accepts and answers; it never runs a step (the worker function
 * does), so a request is answered well inside the HTTP API's 30 s whatever an analysis takes.
 * The worker builds the same stores around a pipeline ({@code CloudWorker}).
 */
public final class CloudBackend implements RunningBackend {

    private final CloudConfig config;
    private final AwsClients clients;
    private final DynamoJobStore jobs;
    private final S3BlobStore blobs;
    private final SqsWorkQueue queue;
    private final CloudSecrets secrets;
    private final AnalystChoice.Chosen analysts;
    private final Backend backend;

    private CloudBackend(CloudConfig config, AwsClients clients, Clock clock, Supplier<Analysts> offline) {
        this.config = config.requireState();
        this.clients = clients;
        this.jobs = new DynamoJobStore(clients.dynamo(), config.table(), config.retention());
        this.blobs = new S3BlobStore(clients.s3(), clients.presigner(), config.bucket(), clock);
        this.queue = new SqsWorkQueue(clients.sqs(), config.queueUrl());
        this.secrets = CloudSecrets.of(config, clients::secrets, clock);
        // the worker's choice, made the same way, for /health; no analyst client is built here
        this.analysts = AnalystChoice.choose(
                AnalystChoice.Mode.AUTO,
                config,
                clients,
                config.geminiApiKey() != null || config.secretArn() != null,
                secrets::geminiApiKey,
                true,
                offline);
        var description = describe(analysts.analysts(), config, queue);
        ApiTokens credentials = config.signIn() == null ? secrets : secrets.orSignedIn(new JwtSignIn(config.signIn()));
        // no committee table (a stack deployed before it): the committee routes answer 404
        var committee = config.committeeTable() == null
                ? null
                : new DynamoCommitteeStore(clients.dynamo(), config.committeeTable());
        this.backend = new Backend(
                "cloud",
                SorotVersion.current(),
                jobs,
                blobs,
                queue,
                credentials,
                () -> description,
                null,
                ApiLimits.DEFAULT,
                clock,
                committee);
    }

    public static CloudBackend open(CloudConfig config) {
        return open(config, new AwsClients(config), Clock.systemUTC());
    }

    public static CloudBackend open(CloudConfig config, AwsClients clients, Clock clock) {
        return new CloudBackend(config, clients, clock, CloudBackend::offlineFallback);
    }

    /**
     * The offline analysts, for a role no cloud analyst is configured for (a stack without a Gemini
     * key). The local voice is only looked for if it is ever asked for: a Lambda sandbox has none.
     */
    public static Analysts offlineFallback() {
        return OfflineAnalysts.withLazyVoice(null);
    }

    static Map<String, String> describe(Analysts analysts, CloudConfig config, SqsWorkQueue queue) {
        var map = new LinkedHashMap<>(AnalystChoice.describe(analysts));
        map.put("store", "DynamoDB " + config.table());
        map.put("blobs", "S3 " + config.bucket());
        map.put("queue", queue.describe());
        map.put("region", config.region());
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Backend backend() {
        return backend;
    }

    public CloudConfig config() {
        return config;
    }

    public AwsClients clients() {
        return clients;
    }

    public DynamoJobStore jobs() {
        return jobs;
    }

    public S3BlobStore blobs() {
        return blobs;
    }

    public SqsWorkQueue queue() {
        return queue;
    }

    public CloudSecrets secrets() {
        return secrets;
    }

    public Analysts analysts() {
        return analysts.analysts();
    }

    @Override
    public void close() {
        clients.close();
    }
}
