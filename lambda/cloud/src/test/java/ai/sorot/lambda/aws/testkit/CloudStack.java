package ai.sorot.lambda.aws.testkit;

import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.cloud.AwsClients;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One stack's worth of state on the local servers, as {@code infra/template.yaml} declares it: the
 * jobs table (its keys and index read from the template itself, so a template the code cannot use
 * fails here), the bucket, the queue and its dead-letter queue. Fresh names per call.
 */
public final class CloudStack implements AutoCloseable {

    private final LocalAws aws;
    private final CloudConfig config;
    private final AwsClients clients;
    private final String dlqUrl;
    private final Map<String, String> environment;

    private CloudStack(LocalAws aws, Map<String, String> environment, AwsClients clients, String dlqUrl) {
        this.aws = aws;
        this.environment = Map.copyOf(environment);
        var config = CloudConfig.from(environment);
        this.config = config;
        this.clients = clients;
        this.dlqUrl = dlqUrl;
    }

    public static CloudStack create(Map<String, String> extraEnv) {
        var aws = LocalAws.get();
        var table = LocalAws.unique("sorot-jobs");
        var bucket = LocalAws.unique("sorot-files");
        var queueName = LocalAws.unique("sorot-work");
        var bootstrap = new AwsClients(aws.config(Map.of()));
        var definition = TemplateResources.jobsTable();
        bootstrap
                .dynamo()
                .createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(definition.attributes().entrySet().stream()
                                .map(e -> AttributeDefinition.builder()
                                        .attributeName(e.getKey())
                                        .attributeType(ScalarAttributeType.fromValue(e.getValue()))
                                        .build())
                                .toList())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName(definition.partitionKey())
                                .keyType(KeyType.HASH)
                                .build())
                        .globalSecondaryIndexes(definition.indexes().stream()
                                .map(i -> GlobalSecondaryIndex.builder()
                                        .indexName(i.name())
                                        .keySchema(
                                                KeySchemaElement.builder()
                                                        .attributeName(i.partitionKey())
                                                        .keyType(KeyType.HASH)
                                                        .build(),
                                                KeySchemaElement.builder()
                                                        .attributeName(i.sortKey())
                                                        .keyType(KeyType.RANGE)
                                                        .build())
                                        .projection(Projection.builder()
                                                .projectionType(ProjectionType.fromValue(i.projection()))
                                                .build())
                                        .build())
                                .toList()));
        var committeeTable = LocalAws.unique("sorot-committee");
        var committee = TemplateResources.committeeTable();
        bootstrap
                .dynamo()
                .createTable(b -> b.tableName(committeeTable)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(committee.attributes().entrySet().stream()
                                .map(e -> AttributeDefinition.builder()
                                        .attributeName(e.getKey())
                                        .attributeType(ScalarAttributeType.fromValue(e.getValue()))
                                        .build())
                                .toList())
                        .keySchema(
                                KeySchemaElement.builder()
                                        .attributeName(committee.partitionKey())
                                        .keyType(KeyType.HASH)
                                        .build(),
                                KeySchemaElement.builder()
                                        .attributeName(committee.sortKey())
                                        .keyType(KeyType.RANGE)
                                        .build()));
        bootstrap.s3().createBucket(b -> b.bucket(bucket));
        var dlqUrl = bootstrap
                .sqs()
                .createQueue(b -> b.queueName(queueName + "-dlq"))
                .queueUrl();
        var dlqArn = bootstrap
                .sqs()
                .getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        var queueUrl = bootstrap
                .sqs()
                .createQueue(b -> b.queueName(queueName)
                        .attributes(Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                "30",
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}")))
                .queueUrl();
        bootstrap.close();
        var env = new HashMap<String, String>();
        env.put("SOROT_TABLE", table);
        env.put("SOROT_COMMITTEE_TABLE", committeeTable);
        env.put("SOROT_BUCKET", bucket);
        env.put("SOROT_QUEUE_URL", queueUrl);
        env.putAll(extraEnv);
        var environment = aws.environment(env);
        return new CloudStack(aws, environment, new AwsClients(CloudConfig.from(environment)), dlqUrl);
    }

    public LocalAws aws() {
        return aws;
    }

    /** The environment a function of this stack sees (what the SAM template and Lambda set). */
    public Map<String, String> environment() {
        return environment;
    }

    public CloudConfig config() {
        return config;
    }

    public AwsClients clients() {
        return clients;
    }

    public String dlqUrl() {
        return dlqUrl;
    }

    @Override
    public void close() {
        clients.close();
    }
}
