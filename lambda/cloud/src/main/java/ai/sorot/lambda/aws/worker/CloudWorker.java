package ai.sorot.lambda.aws.worker;

import ai.sorot.lambda.aws.AnalystChoice;
import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.cloud.AwsClients;
import ai.sorot.lambda.aws.cloud.CloudBackend;
import ai.sorot.lambda.aws.cloud.CloudSecrets;
import ai.sorot.lambda.aws.observe.ModelCallMetrics;
import ai.sorot.lambda.aws.observe.StepMetrics;
import ai.sorot.lambda.aws.state.DynamoJobStore;
import ai.sorot.lambda.aws.state.S3BlobStore;
import ai.sorot.lambda.aws.state.SqsWorkQueue;
import ai.sorot.lambda.pipeline.Analysts;
import ai.sorot.lambda.pipeline.Pipeline;
import ai.sorot.lambda.pipeline.StepBudgets;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The worker function's process: the cloud stores around a {@link Pipeline} with the analysts the
 * environment chooses, and step logs and metrics. Built once per Lambda container.
 */
public final class CloudWorker implements AutoCloseable {

    private final AwsClients clients;
    private final DynamoJobStore jobs;
    private final S3BlobStore blobs;
    private final SqsWorkQueue queue;
    private final Pipeline pipeline;

    public CloudWorker(
            CloudConfig config,
            AwsClients clients,
            Analysts analysts,
            StepBudgets budgets,
            Clock clock,
            PrintStream out) {
        config.requireState();
        this.clients = clients;
        this.jobs = new DynamoJobStore(clients.dynamo(), config.table(), config.retention());
        this.blobs = new S3BlobStore(clients.s3(), clients.presigner(), config.bucket(), clock);
        this.queue = new SqsWorkQueue(clients.sqs(), config.queueUrl());
        var workerId = "lambda-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        this.pipeline = new Pipeline(jobs, blobs, analysts, budgets, clock, workerId, new StepMetrics(out, clock));
    }

    /** The worker as the Lambda runtime builds it: from the environment, cloud analysts where configured. */
    public static CloudWorker fromEnvironment(CloudConfig config, PrintStream out) {
        var clients = new AwsClients(config);
        var secrets = CloudSecrets.of(config, clients::secrets, Clock.systemUTC());
        // each coverage call's stop reason and output tokens become metrics beside the steps'
        var chosen = AnalystChoice.choose(
                AnalystChoice.Mode.AUTO,
                config,
                clients,
                config.geminiApiKey() != null || config.secretArn() != null,
                secrets::geminiApiKey,
                true,
                CloudBackend::offlineFallback,
                new ModelCallMetrics(out, Clock.systemUTC()));
        return new CloudWorker(config, clients, chosen.analysts(), StepBudgets.DEFAULT, Clock.systemUTC(), out);
    }

    public Pipeline.Outcome process(String analysisId, Supplier<Duration> remaining) {
        return pipeline.run(analysisId, remaining);
    }

    public SqsWorkQueue queue() {
        return queue;
    }

    public DynamoJobStore jobs() {
        return jobs;
    }

    public S3BlobStore blobs() {
        return blobs;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public void close() {
        pipeline.close();
        clients.close();
    }
}
