package ai.sorot.lambda.aws.state;

import static ai.sorot.lambda.aws.state.JobItems.PK;
import static ai.sorot.lambda.aws.state.JobItems.str;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/**
 * The job table's calls as the {@link DynamoJobStore} makes them: a strongly consistent read of
 * one item, a conditional update that reports whether its condition held, and the SDK's failures
 * turned into the API's error codes (throttling is {@code THROTTLED}, anything else {@code INTERNAL}).
 */
final class DynamoJobTable {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoJobTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * One conditional {@code UpdateItem}. Every attribute name in the expressions is written
     * {@code #name} (DynamoDB reserves hundreds of words: status, state, offline...); {@code aliases}
     * names the ones that are not the attribute itself (the step maps), {@code #st} is "status".
     */
    boolean update(
            String id,
            String updateExpression,
            String condition,
            Map<String, String> aliases,
            Map<String, AttributeValue> values) {
        var names = new HashMap<String, String>();
        var tokens = java.util.regex.Pattern.compile("#\\w+").matcher(updateExpression + " " + condition);
        while (tokens.find()) {
            var token = tokens.group();
            names.put(
                    token,
                    aliases.containsKey(token)
                            ? aliases.get(token)
                            : token.equals("#st") ? "status" : token.substring(1));
        }
        var used = new HashMap<String, AttributeValue>();
        values.forEach((k, v) -> {
            if ((updateExpression + " " + condition)
                    .matches("(?s).*" + java.util.regex.Pattern.quote(k) + "(?![A-Za-z0-9_]).*")) {
                used.put(k, v);
            }
        });
        return conditional(() -> dynamo.updateItem(b -> b.tableName(table)
                .key(key(id))
                .updateExpression(updateExpression)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(used)));
    }

    Optional<Map<String, AttributeValue>> get(String pk) {
        var response =
                call(() -> dynamo.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of(PK, str(pk));
    }

    /** Runs a conditional write: false when its condition did not hold (nothing was changed). */
    boolean conditional(Runnable write) {
        try {
            call(() -> {
                write.run();
                return null;
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (ProvisionedThroughputExceededException | RequestLimitExceededException e) {
            throw new SorotException(ErrorCode.THROTTLED, "The job table is busy; try again shortly.", e);
        } catch (SdkException e) {
            throw new SorotException(ErrorCode.INTERNAL, "The job table failed: " + e.getMessage(), e);
        }
    }
}
