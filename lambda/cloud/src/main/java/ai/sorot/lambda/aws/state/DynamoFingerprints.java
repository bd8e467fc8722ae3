package ai.sorot.lambda.aws.state;

import static ai.sorot.lambda.aws.state.DynamoJobTable.call;
import static ai.sorot.lambda.aws.state.DynamoJobTable.key;
import static ai.sorot.lambda.aws.state.JobItems.EXPIRES_AT;
import static ai.sorot.lambda.aws.state.JobItems.INDEX;
import static ai.sorot.lambda.aws.state.JobItems.LIST_KEY;
import static ai.sorot.lambda.aws.state.JobItems.LIST_SORT;
import static ai.sorot.lambda.aws.state.JobItems.PK;
import static ai.sorot.lambda.aws.state.JobItems.num;
import static ai.sorot.lambda.aws.state.JobItems.str;
import static ai.sorot.lambda.pipeline.JobStore.PRIOR_FINGERPRINTS;

import ai.sorot.lambda.pipeline.JobStore;
import ai.sorot.lambda.pipeline.JobStore.PriorFingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The duplicate check's fingerprints in the job table: one item per analysis
 * ({@code fingerprint#<analysisId>}) under its own {@code listKey} of the newest-first index, with
 * its analysis's {@code listSort} and {@code expiresAt}, so one Query reads the newest and each
 * expires with its analysis.
 */
final class DynamoFingerprints {

    static final String PREFIX = "fingerprint#";
    private static final String FINGERPRINT_LIST = "fingerprints";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoJobTable items;
    private final Duration retention;

    DynamoFingerprints(DynamoDbClient dynamo, String table, DynamoJobTable items, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = items;
        this.retention = retention;
    }

    /** The newest {@link JobStore#PRIOR_FINGERPRINTS} fingerprints but {@code exceptId}'s. */
    List<PriorFingerprint> prior(String exceptId) {
        var prior = new ArrayList<PriorFingerprint>();
        Map<String, AttributeValue> start = null;
        do {
            var from = start;
            int wanted = PRIOR_FINGERPRINTS - prior.size() + 1; // one more, in case it is exceptId's
            var response = call(() -> dynamo.query(b -> {
                b.tableName(table)
                        .indexName(INDEX)
                        .keyConditionExpression("#lk = :fingerprints")
                        .expressionAttributeNames(Map.of("#lk", LIST_KEY))
                        .expressionAttributeValues(Map.of(":fingerprints", str(FINGERPRINT_LIST)))
                        .scanIndexForward(false)
                        .limit(wanted);
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            }));
            for (var item : response.items()) {
                var analysisId = item.get(PK).s().substring(PREFIX.length());
                if (!analysisId.equals(exceptId)
                        && prior.size() < PRIOR_FINGERPRINTS
                        && item.containsKey("fingerprint")) {
                    prior.add(new PriorFingerprint(
                            analysisId,
                            text(item, "title"),
                            text(item, "fileName"),
                            item.get("fingerprint").s()));
                }
            }
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null && prior.size() < PRIOR_FINGERPRINTS);
        return prior;
    }

    /**
     * An unconditional {@code UpdateItem}, not a {@code PutItem}: it creates or replaces the item
     * alike, and the worker's role, which remembers fingerprints, may update items but not put them.
     */
    void remember(PriorFingerprint fingerprint) {
        var job = items.get(fingerprint.analysisId());
        var now = Instant.now();
        var sort = job.map(item -> item.get(LIST_SORT)).orElse(str(JobItems.listSort(now, fingerprint.analysisId())));
        var expires = job.map(item -> item.get(EXPIRES_AT))
                .orElse(num(now.plus(retention).getEpochSecond()));
        var values = new HashMap<String, AttributeValue>();
        values.put(":lk", str(FINGERPRINT_LIST));
        values.put(":ls", sort);
        values.put(":exp", expires);
        values.put(":fp", str(fingerprint.fingerprint()));
        var set = new StringBuilder("SET #lk = :lk, #ls = :ls, #exp = :exp, #fp = :fp");
        var remove = new ArrayList<String>();
        var names = new HashMap<>(Map.of("#lk", LIST_KEY, "#ls", LIST_SORT, "#exp", EXPIRES_AT, "#fp", "fingerprint"));
        for (var field : List.of(
                Map.entry("title", Optional.ofNullable(fingerprint.title())),
                Map.entry("fileName", Optional.ofNullable(fingerprint.fileName())))) {
            names.put("#" + field.getKey(), field.getKey());
            if (field.getValue().isPresent()) {
                set.append(", #").append(field.getKey()).append(" = :").append(field.getKey());
                values.put(":" + field.getKey(), str(field.getValue().get()));
            } else {
                remove.add("#" + field.getKey());
            }
        }
        var expression = set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        call(() -> dynamo.updateItem(b -> b.tableName(table)
                .key(key(PREFIX + fingerprint.analysisId()))
                .updateExpression(expression)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        var value = item.get(name);
        return value == null ? null : value.s();
    }
}
