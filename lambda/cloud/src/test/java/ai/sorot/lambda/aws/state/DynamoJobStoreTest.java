package ai.sorot.lambda.aws.state;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.aws.testkit.CloudStack;
import ai.sorot.lambda.pipeline.JobStore;
import ai.sorot.lambda.pipeline.JobStoreContract;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The job store contract on DynamoDB: the real SDK client against dynalite, on a table created
 * from the SAM template's definition.
 */
class DynamoJobStoreTest extends JobStoreContract {

    static CloudStack stack;

    @BeforeAll
    static void startStack() {
        stack = CloudStack.create(Map.of());
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Override
    protected JobStore open() {
        return new DynamoJobStore(stack.clients().dynamo(), stack.config().table(), Duration.ofDays(90));
    }

    @Test
    void aJobItemCarriesItsTimeToLiveAndTheDedupePointerExpiresWithIt() {
        store.create(job(1, "ttl", T0), true);
        var item = stack.clients()
                .dynamo()
                .getItem(b -> b.tableName(stack.config().table()).key(Map.of("pk", AttributeValue.fromS(id(1)))))
                .item();
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(T0.plus(Duration.ofDays(90)).getEpochSecond());
        assertThat(item.get("listSort").s()).endsWith("#" + id(1));
    }

    @Test
    void aFingerprintExpiresWithItsAnalysisAndIsNeverReadAsAJob() {
        store.create(job(1, "fp-ttl", T0), true);
        var fingerprint = new JobStore.PriorFingerprint(
                id(1), "Title", "x.pdf", new ai.sorot.lambda.checks.Fingerprint(new int[128]).encode());
        store.rememberFingerprint(fingerprint);
        var item = stack.clients()
                .dynamo()
                .getItem(b -> b.tableName(stack.config().table())
                        .key(Map.of("pk", AttributeValue.fromS("fingerprint#" + id(1)))))
                .item();
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(T0.plus(Duration.ofDays(90)).getEpochSecond());
        assertThat(item.get("listKey").s()).isEqualTo("fingerprints");
        assertThat(store.find("fingerprint#" + id(1))).isEmpty();
        assertThat(store.list(200, null).jobs()).noneMatch(job -> job.id().startsWith("fingerprint#"));
        assertThat(store.priorFingerprints(id(2))).contains(fingerprint);
    }

    @Test
    void aCursorFromElsewhereIsRefusedClearly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.list(5, "bm90LWEtY3Vyc29y"))
                .hasMessageContaining("cursor");
    }
}
