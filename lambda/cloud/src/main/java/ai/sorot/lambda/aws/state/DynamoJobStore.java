package ai.sorot.lambda.aws.state;

import static ai.sorot.lambda.aws.state.DynamoJobTable.call;
import static ai.sorot.lambda.aws.state.DynamoJobTable.key;
import static ai.sorot.lambda.aws.state.JobItems.EXPIRES_AT;
import static ai.sorot.lambda.aws.state.JobItems.INDEX;
import static ai.sorot.lambda.aws.state.JobItems.JOB_LIST;
import static ai.sorot.lambda.aws.state.JobItems.LIST_KEY;
import static ai.sorot.lambda.aws.state.JobItems.PK;
import static ai.sorot.lambda.aws.state.JobItems.decodeCursor;
import static ai.sorot.lambda.aws.state.JobItems.encodeCursor;
import static ai.sorot.lambda.aws.state.JobItems.num;
import static ai.sorot.lambda.aws.state.JobItems.str;

import ai.sorot.lambda.pipeline.CreateOutcome;
import ai.sorot.lambda.pipeline.Job;
import ai.sorot.lambda.pipeline.JobOutcome;
import ai.sorot.lambda.pipeline.JobPage;
import ai.sorot.lambda.pipeline.JobStore;
import ai.sorot.lambda.pipeline.Lease;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.lambda.pipeline.StepResult;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.StepStatus;
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
 * The cloud {@link JobStore}: one DynamoDB table. Every transition is one {@code UpdateItem}
 * whose {@code ConditionExpression} states what the job must look like (the step pending, or
 * running under an expired lease or this worker's; its prerequisites done), so an SQS redelivery
 * racing a slow worker cannot run or finish a step twice. Reads are strongly consistent.
 *
 * <p>Idempotent submission: a second item per content key ({@code content#<hash>|<trailer>})
 * points at the job that answers for it; it is written with {@code attribute_not_exists}, so of
 * two identical submissions at once exactly one creates the analysis. (DynamoDB transactions
 * would do it in one call; they are not used so that dynalite, which lacks them, can test this.)
 *
 * <p>Fingerprints for the duplicate check are a third kind of item ({@code fingerprint#<analysisId>})
 * in the same table, under their own {@code listKey} of the newest-first index and with their
 * analysis's {@code listSort} and {@code expiresAt}: one Query reads the newest, and each expires
 * with its analysis.
 */
public final class DynamoJobStore implements JobStore {

    private static final String CONTENT_PREFIX = "content#";
    /** The item attribute the table's time-to-live reads (epoch seconds); the SAM template names it too. */
    public static final String TTL_ATTRIBUTE = EXPIRES_AT;
    /** The newest-first index; the SAM template declares it. */
    public static final String LIST_INDEX = INDEX;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;
    private final DynamoJobTable items;
    private final DynamoFingerprints fingerprints;

    public DynamoJobStore(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
        this.items = new DynamoJobTable(dynamo, table);
        this.fingerprints = new DynamoFingerprints(dynamo, table, items, retention);
    }

    public String table() {
        return table;
    }

    // ---- writes ------------------------------------------------------------------------------

    @Override
    public CreateOutcome create(Job job, boolean dedupe) {
        var expires = job.createdAt().plus(retention);
        call(() -> dynamo.putItem(b -> b.tableName(table)
                .item(JobItems.toItem(job, expires))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))));
        var contentPk = CONTENT_PREFIX + job.submission().contentKey();
        var pointer = Map.of(PK, str(contentPk), "jobId", str(job.id()), EXPIRES_AT, num(expires.getEpochSecond()));
        if (!dedupe) {
            call(() -> dynamo.putItem(b -> b.tableName(table).item(pointer))); // the newest answers from now on
            return new CreateOutcome.Created(job);
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            if (items.conditional(() -> dynamo.putItem(b -> b.tableName(table)
                    .item(pointer)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK))))) {
                return new CreateOutcome.Created(job);
            }
            var existingPointer = items.get(contentPk);
            if (existingPointer.isEmpty()) {
                continue; // expired or removed meanwhile: try to take it again
            }
            var previousId = existingPointer.get().get("jobId").s();
            var previous = find(previousId);
            if (previous.isPresent() && previous.get().state() != JobState.FAILED) {
                call(() -> dynamo.deleteItem(b -> b.tableName(table).key(key(job.id()))));
                return new CreateOutcome.Existing(previous.get());
            }
            // the earlier analysis failed or expired: this one answers for the content now
            if (items.conditional(() -> dynamo.putItem(b -> b.tableName(table)
                    .item(pointer)
                    .conditionExpression("#job = :previous")
                    .expressionAttributeNames(Map.of("#job", "jobId"))
                    .expressionAttributeValues(Map.of(":previous", str(previousId)))))) {
                return new CreateOutcome.Created(job);
            }
        }
        throw new SorotException(
                ErrorCode.THROTTLED, "The same screenplay is being submitted many times at once; try again.");
    }

    @Override
    public boolean claimStep(String id, PipelineStep step, Lease lease) {
        var steps = Map.of("#s", JobItems.stepKey(step));
        var values = new HashMap<String, AttributeValue>();
        values.put(":queued", str(JobState.QUEUED.json()));
        values.put(":processing", str(JobState.PROCESSING.json()));
        values.put(":pending", str(StepStatus.PENDING.json()));
        values.put(":running", str(StepStatus.RUNNING.json()));
        values.put(":owner", str(lease.owner()));
        values.put(":now", num(lease.now().toEpochMilli()));
        values.put(":until", num(lease.until().toEpochMilli()));
        values.put(":one", num(1));
        values.put(":completed", str(StepStatus.COMPLETED.json()));
        values.put(":skipped", str(StepStatus.SKIPPED.json()));
        var names = new HashMap<>(steps);
        var condition = new StringBuilder("#state IN (:queued, :processing) AND (#steps.#s.#st = :pending OR "
                + "(#steps.#s.#st = :running AND (#steps.#s.#leaseUntil <= :now OR #steps.#s.#leaseOwner = :owner)))");
        for (var required : step.requires()) {
            var alias = "#p" + required.number();
            names.put(alias, JobItems.stepKey(required));
            condition.append(" AND #steps.").append(alias).append(".#st IN (:completed, :skipped)");
        }
        return items.update(
                id,
                "SET #state = :processing, #updatedAt = :now, #steps.#s.#st = :running, "
                        + "#steps.#s.#leaseOwner = :owner, #steps.#s.#leaseUntil = :until, "
                        + "#steps.#s.#attempts = #steps.#s.#attempts + :one, "
                        + "#steps.#s.#startedAt = if_not_exists(#steps.#s.#startedAt, :now) "
                        + "REMOVE #steps.#s.#errorCode, #steps.#s.#errorMessage",
                condition.toString(),
                names,
                values);
    }

    @Override
    public boolean completeStep(String id, PipelineStep step, StepResult result, String owner) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":status", str(result.status().json()));
        values.put(":finished", num(result.finishedAt().toEpochMilli()));
        values.put(":running", str(StepStatus.RUNNING.json()));
        values.put(":processing", str(JobState.PROCESSING.json()));
        values.put(":owner", str(owner));
        var set = new StringBuilder(
                "SET #steps.#s.#st = :status, #steps.#s.#finishedAt = :finished, #updatedAt = :finished");
        var fields = new HashMap<String, AttributeValue>(JobItems.usage(result.usage()));
        if (result.provenance() != null) {
            fields.putAll(JobItems.provenance(result.provenance()));
        }
        if (result.outputKey() != null) {
            fields.put("outputKey", str(result.outputKey()));
        }
        for (var field : fields.entrySet()) {
            set.append(", #steps.#s.#").append(field.getKey()).append(" = :").append(field.getKey());
            values.put(":" + field.getKey(), field.getValue());
        }
        return items.update(
                id,
                set + " REMOVE #steps.#s.#leaseOwner, #steps.#s.#leaseUntil",
                "#steps.#s.#st = :running AND #steps.#s.#leaseOwner = :owner AND #state = :processing",
                Map.of("#s", JobItems.stepKey(step)),
                values);
    }

    @Override
    public boolean failStep(String id, PipelineStep step, ApiError error, Instant at, String owner) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":failed", str(StepStatus.FAILED.json()));
        values.put(":at", num(at.toEpochMilli()));
        values.put(":code", str(error.code()));
        values.put(":message", str(error.message()));
        values.put(":running", str(StepStatus.RUNNING.json()));
        values.put(":owner", str(owner));
        values.put(":processing", str(JobState.PROCESSING.json()));
        values.put(":jobFailed", str(JobState.FAILED.json()));
        var names = Map.of("#s", JobItems.stepKey(step));
        var stepUpdate = "SET #steps.#s.#st = :failed, #steps.#s.#finishedAt = :at, #steps.#s.#errorCode = :code, "
                + "#steps.#s.#errorMessage = :message, #updatedAt = :at";
        var release = " REMOVE #steps.#s.#leaseOwner, #steps.#s.#leaseUntil";
        var leaseHeld = "#steps.#s.#st = :running AND #steps.#s.#leaseOwner = :owner";
        if (items.update(
                id,
                stepUpdate + ", #state = :jobFailed, #errorCode = :code, #errorMessage = :message" + release,
                leaseHeld + " AND #state = :processing",
                names,
                values)) {
            return true;
        }
        // a step beside the one that failed the job first: record this one, keep the job's first error
        return items.update(id, stepUpdate + release, leaseHeld + " AND #state = :jobFailed", names, values);
    }

    @Override
    public boolean failQueued(String id, ApiError error, Instant at) {
        return items.update(
                id,
                "SET #state = :failed, #errorCode = :code, #errorMessage = :message, #updatedAt = :at",
                "#state = :queued",
                Map.of(),
                Map.of(
                        ":failed",
                        str(JobState.FAILED.json()),
                        ":queued",
                        str(JobState.QUEUED.json()),
                        ":code",
                        str(error.code()),
                        ":message",
                        str(error.message()),
                        ":at",
                        num(at.toEpochMilli())));
    }

    @Override
    public boolean abandon(String id, ApiError error, Instant at) {
        // which steps are running is read first; the write holds only if nothing moved since
        for (int attempt = 0; attempt < 5; attempt++) {
            var job = find(id).orElse(null);
            if (job == null || job.state().isFinal()) {
                return false;
            }
            var values = new HashMap<String, AttributeValue>();
            values.put(":failed", str(JobState.FAILED.json()));
            values.put(":queued", str(JobState.QUEUED.json()));
            values.put(":processing", str(JobState.PROCESSING.json()));
            values.put(":stepFailed", str(StepStatus.FAILED.json()));
            values.put(":code", str(error.code()));
            values.put(":message", str(error.message()));
            values.put(":at", num(at.toEpochMilli()));
            values.put(":seen", num(job.updatedAt().toEpochMilli()));
            var names = new HashMap<String, String>();
            var set = new StringBuilder(
                    "SET #state = :failed, #errorCode = :code, #errorMessage = :message, #updatedAt = :at");
            var remove = new StringBuilder();
            for (var run : job.steps()) {
                if (run.status() != StepStatus.RUNNING) {
                    continue;
                }
                var alias = "#p" + run.step().number();
                names.put(alias, JobItems.stepKey(run.step()));
                set.append(", #steps.")
                        .append(alias)
                        .append(".#st = :stepFailed, #steps.")
                        .append(alias)
                        .append(".#finishedAt = :at, #steps.")
                        .append(alias)
                        .append(".#errorCode = :code, #steps.")
                        .append(alias)
                        .append(".#errorMessage = :message");
                remove.append(remove.isEmpty() ? " REMOVE " : ", ")
                        .append("#steps.")
                        .append(alias)
                        .append(".#leaseOwner, #steps.")
                        .append(alias)
                        .append(".#leaseUntil");
            }
            if (items.update(
                    id,
                    set.toString() + remove,
                    "#state IN (:queued, :processing) AND #updatedAt = :seen",
                    names,
                    values)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean completeJob(String id, JobOutcome outcome) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":completedState", str(JobState.COMPLETED.json()));
        values.put(":processing", str(JobState.PROCESSING.json()));
        values.put(":at", num(outcome.completedAt().toEpochMilli()));
        values.put(":completed", str(StepStatus.COMPLETED.json()));
        values.put(":skipped", str(StepStatus.SKIPPED.json()));
        var set = new StringBuilder("SET #state = :completedState, #completedAt = :at, #updatedAt = :at");
        if (outcome.title() != null) {
            set.append(", #title = :title");
            values.put(":title", str(outcome.title()));
        }
        if (outcome.recommendation() != null) {
            set.append(", #recommendation = :recommendation");
            values.put(":recommendation", str(outcome.recommendation().name()));
        }
        if (outcome.overallScore() != null) {
            set.append(", #overallScore = :score");
            values.put(":score", num(outcome.overallScore()));
        }
        var names = new HashMap<String, String>();
        var condition = new StringBuilder("#state = :processing");
        for (var step : PipelineStep.values()) {
            var alias = "#p" + step.number();
            names.put(alias, JobItems.stepKey(step));
            condition.append(" AND #steps.").append(alias).append(".#st IN (:completed, :skipped)");
        }
        return items.update(id, set.toString(), condition.toString(), names, values);
    }

    // ---- reads -------------------------------------------------------------------------------

    @Override
    public Optional<Job> find(String id) {
        if (id.startsWith(CONTENT_PREFIX) || id.startsWith(DynamoFingerprints.PREFIX)) {
            return Optional.empty();
        }
        return items.get(id).map(JobItems::fromItem);
    }

    @Override
    public JobPage list(int limit, String cursor) {
        int size = Math.max(1, Math.min(limit, 200));
        var start = decodeCursor(cursor);
        var response = call(() -> dynamo.query(b -> {
            b.tableName(table)
                    .indexName(INDEX)
                    .keyConditionExpression("#lk = :job")
                    .expressionAttributeNames(Map.of("#lk", LIST_KEY))
                    .expressionAttributeValues(Map.of(":job", str(JOB_LIST)))
                    .scanIndexForward(false)
                    .limit(size + 1);
            if (start != null) {
                b.exclusiveStartKey(start);
            }
        }));
        var jobs = new ArrayList<Job>();
        for (var item : response.items()) {
            jobs.add(JobItems.fromItem(item));
        }
        boolean more = jobs.size() > size;
        if (more) {
            jobs.removeLast();
        }
        return new JobPage(jobs, more ? encodeCursor(jobs.getLast()) : null);
    }

    @Override
    public List<String> unfinished(int limit) {
        var ids = new ArrayList<String>();
        Map<String, AttributeValue> start = null;
        do {
            var from = start;
            var response = call(() -> dynamo.query(b -> {
                b.tableName(table)
                        .indexName(INDEX)
                        .keyConditionExpression("#lk = :job")
                        .filterExpression("#state IN (:queued, :processing)")
                        .expressionAttributeNames(Map.of("#lk", LIST_KEY, "#state", JobItems.STATE))
                        .expressionAttributeValues(Map.of(
                                ":job",
                                str(JOB_LIST),
                                ":queued",
                                str(JobState.QUEUED.json()),
                                ":processing",
                                str(JobState.PROCESSING.json())))
                        .scanIndexForward(true);
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            }));
            for (var item : response.items()) {
                if (ids.size() < limit) {
                    ids.add(item.get(PK).s());
                }
            }
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null && ids.size() < limit);
        return ids;
    }

    @Override
    public List<PriorFingerprint> priorFingerprints(String exceptId) {
        return fingerprints.prior(exceptId);
    }

    /**
     * An unconditional {@code UpdateItem}, not a {@code PutItem}: it creates or replaces the item
     * alike, and the worker's role, which remembers fingerprints, may update items but not put them.
     */
    @Override
    public void rememberFingerprint(PriorFingerprint fingerprint) {
        fingerprints.remember(fingerprint);
    }

    @Override
    public void close() {
        // the client is shared and closed with the process's AwsClients
    }
}
