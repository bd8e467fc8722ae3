package ai.sorot.lambda.aws.state;

import ai.sorot.lambda.committee.CommitteeStore;
import ai.sorot.lambda.committee.MemberTokens;
import ai.sorot.lambda.committee.ReviewWrite;
import ai.sorot.lambda.committee.StoredSession;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.Member;
import ai.sorot.model.committee.Review;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The committee on the deployed stack: one DynamoDB table keyed {@code pk} + {@code sk}, every
 * read strongly consistent. Items: {@code members/<id>}; {@code token#<sha256>/member} (the hash
 * lookup); {@code review#<analysis>/<member>}, written with a condition on its {@code version};
 * beside it {@code sessionreview#<session>/<member>#<analysis>}, a copy that lets a session's
 * progress be one Query instead of one per script; {@code session#<id>/meta};
 * {@code queue#<session>#<member>/<analysis>}, one reader's queue per partition; and
 * {@code conflicts#<session>/<member>}. (No transactions, so that dynalite tests it: the review is
 * the truth, its session copy follows it.)
 */
public final class DynamoCommitteeStore implements CommitteeStore {

    private static final String PK = "pk";
    private static final String SK = "sk";
    private static final String DATA = "data";
    private static final String VERSION = "version";
    private static final String MEMBERS = "members";
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCommitteeStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public String table() {
        return table;
    }

    // ---- members -------------------------------------------------------------------------------

    @Override
    public void addMember(Member member, String tokenHash) {
        put(Map.of(PK, str("token#" + tokenHash), SK, str("member"), "memberId", str(member.memberId())));
        put(Map.of(PK, str(MEMBERS), SK, str(member.memberId()), DATA, str(json(member)), "tokenHash", str(tokenHash)));
    }

    @Override
    public Optional<Member> member(String memberId) {
        return get(MEMBERS, memberId).map(item -> parse(item.get(DATA).s(), Member.class));
    }

    @Override
    public List<Member> members() {
        return queryAll(MEMBERS).stream()
                .map(item -> parse(item.get(DATA).s(), Member.class))
                .sorted(Comparator.comparing(Member::createdAt).thenComparing(Member::memberId))
                .toList();
    }

    @Override
    public Optional<Member> memberByTokenHash(String tokenHash) {
        var pointer = get("token#" + tokenHash, "member");
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        var item = get(MEMBERS, pointer.get().get("memberId").s());
        return item.filter(i -> MemberTokens.sameHash(i.get("tokenHash").s(), tokenHash))
                .map(i -> parse(i.get(DATA).s(), Member.class));
    }

    @Override
    public Optional<Member> memberBySubject(String subject) {
        // a committee is tens of members: one partition, read whole
        return members().stream()
                .filter(m -> !m.revoked() && subject.equals(m.subject()))
                .findFirst();
    }

    @Override
    public boolean revoke(String memberId, Instant at) {
        var item = get(MEMBERS, memberId);
        if (item.isEmpty()) {
            return false;
        }
        var member = parse(item.get().get(DATA).s(), Member.class);
        if (member.revoked()) {
            return false;
        }
        var revoked = new Member(
                member.memberId(),
                member.name(),
                member.email(),
                member.role(),
                member.subject(),
                member.createdAt(),
                at);
        var updated = new HashMap<>(item.get());
        updated.put(DATA, str(json(revoked)));
        return conditional(() -> dynamo.putItem(b -> b.tableName(table)
                .item(updated)
                .conditionExpression("#d = :old")
                .expressionAttributeNames(Map.of("#d", DATA))
                .expressionAttributeValues(Map.of(":old", item.get().get(DATA)))));
    }

    // ---- reviews -------------------------------------------------------------------------------

    @Override
    public Optional<Review> review(String analysisId, String memberId) {
        return get("review#" + analysisId, memberId).map(i -> parse(i.get(DATA).s(), Review.class));
    }

    @Override
    public List<Review> reviews(String analysisId) {
        return queryAll("review#" + analysisId).stream()
                .map(i -> parse(i.get(DATA).s(), Review.class))
                .sorted(Comparator.comparing(Review::updatedAt).thenComparing(Review::memberId))
                .toList();
    }

    @Override
    public List<Review> sessionReviews(String sessionId) {
        return queryAll("sessionreview#" + sessionId).stream()
                .map(i -> parse(i.get(DATA).s(), Review.class))
                .toList();
    }

    @Override
    public List<Review> sessionReviews(String sessionId, String memberId) {
        return query("sessionreview#" + sessionId, memberId + "#").stream()
                .map(i -> parse(i.get(DATA).s(), Review.class))
                .toList();
    }

    @Override
    public ReviewWrite putReview(Review review, long basedOn) {
        while (true) {
            var current = review(review.analysisId(), review.memberId());
            long stored = current.map(Review::version).orElse(ReviewWrite.NONE);
            if (basedOn != ReviewWrite.ANY && basedOn != stored) {
                return new ReviewWrite.Stale(current.orElse(null));
            }
            var written = new Review(
                    review.analysisId(),
                    review.memberId(),
                    review.memberName(),
                    review.rating(),
                    review.verdict(),
                    review.notes(),
                    review.shortlisted(),
                    review.sessionId(),
                    review.scores(),
                    stored + 1,
                    review.updatedAt());
            var item = Map.of(
                    PK,
                    str("review#" + review.analysisId()),
                    SK,
                    str(review.memberId()),
                    DATA,
                    str(json(written)),
                    VERSION,
                    AttributeValue.fromN(Long.toString(stored + 1)));
            boolean ok = conditional(() -> dynamo.putItem(b -> {
                b.tableName(table).item(item);
                if (stored == ReviewWrite.NONE) {
                    b.conditionExpression("attribute_not_exists(pk)");
                } else {
                    b.conditionExpression("#v = :v")
                            .expressionAttributeNames(Map.of("#v", VERSION))
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(stored))));
                }
            }));
            if (!ok) {
                if (basedOn == ReviewWrite.ANY) {
                    continue; // another write slipped in between: overwrite that one
                }
                return new ReviewWrite.Stale(
                        review(review.analysisId(), review.memberId()).orElse(null));
            }
            var before = current.map(Review::sessionId).orElse(null);
            if (before != null && !before.equals(written.sessionId())) {
                delete("sessionreview#" + before, written.memberId() + "#" + written.analysisId());
            }
            if (written.sessionId() != null) {
                put(Map.of(
                        PK,
                        str("sessionreview#" + written.sessionId()),
                        SK,
                        str(written.memberId() + "#" + written.analysisId()),
                        DATA,
                        str(json(written))));
            }
            return new ReviewWrite.Written(written);
        }
    }

    // ---- sessions ------------------------------------------------------------------------------

    @Override
    public void createSession(StoredSession session, List<Assignment> assignments) {
        writeAssignments(assignments, List.of());
        // the meta item last: a session is visible only once its assignments are all there
        put(Map.of(
                PK,
                str("session#" + session.id()),
                SK,
                str("meta"),
                DATA,
                str(json(session.session())),
                "readerIds",
                str(json(session.readerIds()))));
    }

    @Override
    public Optional<StoredSession> session(String sessionId) {
        return get("session#" + sessionId, "meta")
                .map(i -> new StoredSession(
                        parse(i.get(DATA).s(), ai.sorot.model.committee.Session.class),
                        parse(i.get("readerIds").s(), IDS)));
    }

    @Override
    public List<Assignment> assignments(String sessionId) {
        var session = session(sessionId);
        if (session.isEmpty()) {
            return List.of();
        }
        // one Query per reader's queue partition, all in flight at once: 20 readers cost one round trip, not 20
        var all = new ArrayList<Assignment>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var queues = new ArrayList<Future<List<Assignment>>>();
            for (var reader : session.get().readerIds()) {
                queues.add(pool.submit(() -> queue(sessionId, reader)));
            }
            for (var queue : queues) {
                all.addAll(result(queue));
            }
        }
        all.sort(Comparator.comparing(Assignment::analysisId).thenComparing(Assignment::memberId));
        return all;
    }

    @Override
    public List<Assignment> queue(String sessionId, String memberId) {
        return queryAll("queue#" + sessionId + "#" + memberId).stream()
                .map(i -> new Assignment(
                        sessionId,
                        i.get(SK).s(),
                        i.containsKey("title") ? i.get("title").s() : null,
                        memberId,
                        Integer.parseInt(i.get("pages").n()),
                        false))
                .toList();
    }

    @Override
    public void moveAssignments(String sessionId, List<Assignment> removed, List<Assignment> added) {
        writeAssignments(added, removed);
    }

    private void writeAssignments(List<Assignment> added, List<Assignment> removed) {
        var requests = new ArrayList<WriteRequest>();
        for (var a : removed) {
            requests.add(WriteRequest.builder()
                    .deleteRequest(DeleteRequest.builder()
                            .key(Map.of(
                                    PK, str("queue#" + a.sessionId() + "#" + a.memberId()), SK, str(a.analysisId())))
                            .build())
                    .build());
        }
        for (var a : added) {
            var item = new HashMap<String, AttributeValue>();
            item.put(PK, str("queue#" + a.sessionId() + "#" + a.memberId()));
            item.put(SK, str(a.analysisId()));
            item.put("pages", AttributeValue.fromN(Integer.toString(a.pages())));
            if (a.title() != null) {
                item.put("title", str(a.title()));
            }
            requests.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
        }
        for (int from = 0; from < requests.size(); from += 25) {
            var batch = requests.subList(from, Math.min(requests.size(), from + 25));
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == 8) {
                    throw new SorotException(ErrorCode.THROTTLED, "The committee table is busy; try again shortly.");
                }
                var toSend = pending;
                pending = call(() -> dynamo.batchWriteItem(b -> b.requestItems(toSend)))
                        .unprocessedItems();
            }
        }
    }

    @Override
    public void setConflicts(String sessionId, String memberId, Set<String> analysisIds) {
        put(Map.of(PK, str("conflicts#" + sessionId), SK, str(memberId), DATA, str(json(List.copyOf(analysisIds)))));
    }

    @Override
    public Map<String, Set<String>> conflicts(String sessionId) {
        var result = new LinkedHashMap<String, Set<String>>();
        for (var item : queryAll("conflicts#" + sessionId)) {
            var ids = parse(item.get(DATA).s(), IDS);
            if (!ids.isEmpty()) {
                result.put(item.get(SK).s(), new LinkedHashSet<>(ids));
            }
        }
        return result;
    }

    @Override
    public void close() {
        // the client is shared and closed with the process's AwsClients
    }

    // ---- calls ---------------------------------------------------------------------------------

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var response = call(() ->
                dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(PK, str(pk), SK, str(sk)))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private void put(Map<String, AttributeValue> item) {
        call(() -> dynamo.putItem(b -> b.tableName(table).item(item)));
    }

    private void delete(String pk, String sk) {
        call(() -> dynamo.deleteItem(b -> b.tableName(table).key(Map.of(PK, str(pk), SK, str(sk)))));
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading a session's queues.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private List<Map<String, AttributeValue>> queryAll(String pk) {
        return query(pk, null);
    }

    /** Every item of a partition, or those whose sort key starts with {@code skPrefix}. */
    private List<Map<String, AttributeValue>> query(String pk, String skPrefix) {
        var items = new ArrayList<Map<String, AttributeValue>>();
        Map<String, AttributeValue> start = null;
        do {
            var from = start;
            var response = call(() -> dynamo.query(b -> {
                if (skPrefix == null) {
                    b.tableName(table)
                            .consistentRead(true)
                            .keyConditionExpression("#pk = :pk")
                            .expressionAttributeNames(Map.of("#pk", PK))
                            .expressionAttributeValues(Map.of(":pk", str(pk)));
                } else {
                    b.tableName(table)
                            .consistentRead(true)
                            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                            .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                            .expressionAttributeValues(Map.of(":pk", str(pk), ":prefix", str(skPrefix)));
                }
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            }));
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return items;
    }

    private boolean conditional(Runnable write) {
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

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (ProvisionedThroughputExceededException | RequestLimitExceededException e) {
            throw new SorotException(ErrorCode.THROTTLED, "The committee table is busy; try again shortly.", e);
        } catch (SdkException e) {
            throw new SorotException(ErrorCode.INTERNAL, "The committee table failed: " + e.getMessage(), e);
        }
    }

    private static AttributeValue str(String value) {
        return AttributeValue.fromS(value);
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T parse(String text, Class<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "The committee table holds unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T parse(String text, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "The committee table holds unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
