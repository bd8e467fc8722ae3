package ai.sorot.lambda.aws.state;

import ai.sorot.lambda.pipeline.Job;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.lambda.pipeline.StepRun;
import ai.sorot.lambda.pipeline.Submission;
import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.report.Usage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a job is laid out in its DynamoDB item: one item per job, keyed by its id, with the five
 * steps in a map attribute ({@code steps.s1} ... {@code steps.s5}) so that every transition is one
 * conditional {@code UpdateItem} on one item. {@code listKey}/{@code listSort} feed the
 * newest-first index; {@code expiresAt} is the table's TTL attribute.
 */
final class JobItems {

    static final String PK = "pk";
    static final String STATE = "state";
    static final String STEPS = "steps";
    static final String LIST_KEY = "listKey";
    static final String LIST_SORT = "listSort";
    static final String EXPIRES_AT = "expiresAt";
    static final String JOB_LIST = "job";
    static final String INDEX = "byCreated";

    private JobItems() {}

    static String stepKey(PipelineStep step) {
        return "s" + step.number();
    }

    static String listSort(Instant createdAt, String id) {
        return "%013d#%s".formatted(createdAt.toEpochMilli(), id);
    }

    static Map<String, AttributeValue> toItem(Job job, Instant expiresAt) {
        var item = new HashMap<String, AttributeValue>();
        var s = job.submission();
        item.put(PK, str(job.id()));
        item.put("kind", str("job"));
        item.put(STATE, str(job.state().json()));
        item.put("contentKey", str(s.contentKey()));
        item.put("sourceKey", str(s.sourceKey()));
        item.put("fileName", str(s.fileName()));
        item.put("sourceKind", str(s.kind().name()));
        item.put("sourceBytes", num(s.sourceBytes()));
        putIfPresent(item, "trailerUrl", s.trailerUrl());
        putIfPresent(item, "requestTitle", s.title());
        putIfPresent(item, "title", job.title());
        item.put("createdAt", num(job.createdAt().toEpochMilli()));
        item.put("updatedAt", num(job.updatedAt().toEpochMilli()));
        if (job.completedAt() != null) {
            item.put("completedAt", num(job.completedAt().toEpochMilli()));
        }
        if (job.error() != null) {
            item.put("errorCode", str(job.error().code()));
            item.put("errorMessage", str(job.error().message()));
        }
        if (job.recommendation() != null) {
            item.put("recommendation", str(job.recommendation().name()));
        }
        if (job.overallScore() != null) {
            item.put("overallScore", num(job.overallScore()));
        }
        var steps = new HashMap<String, AttributeValue>();
        for (var run : job.steps()) {
            steps.put(stepKey(run.step()), AttributeValue.fromM(stepItem(run)));
        }
        item.put(STEPS, AttributeValue.fromM(steps));
        item.put(LIST_KEY, str(JOB_LIST));
        item.put(LIST_SORT, str(listSort(job.createdAt(), job.id())));
        item.put(EXPIRES_AT, num(expiresAt.getEpochSecond()));
        return item;
    }

    private static Map<String, AttributeValue> stepItem(StepRun run) {
        var m = new HashMap<String, AttributeValue>();
        m.put("status", str(run.status().json()));
        m.put("attempts", num(run.attempts()));
        if (run.startedAt() != null) {
            m.put("startedAt", num(run.startedAt().toEpochMilli()));
        }
        if (run.finishedAt() != null) {
            m.put("finishedAt", num(run.finishedAt().toEpochMilli()));
        }
        if (run.error() != null) {
            m.put("errorCode", str(run.error().code()));
            m.put("errorMessage", str(run.error().message()));
        }
        if (run.provenance() != null) {
            m.putAll(provenance(run.provenance()));
        }
        if (run.usage() != null) {
            m.putAll(usage(run.usage()));
        }
        if (run.outputKey() != null) {
            m.put("outputKey", str(run.outputKey()));
        }
        return m;
    }

    static Map<String, AttributeValue> provenance(Provenance p) {
        var m = new java.util.HashMap<String, AttributeValue>();
        m.put("provider", str(p.provider()));
        m.put("model", str(p.model() == null ? "" : p.model()));
        m.put("offline", AttributeValue.fromBool(p.offline()));
        m.put("place", str(p.place().name()));
        if (p.host() != null) {
            m.put("host", str(p.host()));
        }
        return m;
    }

    static Map<String, AttributeValue> usage(Usage u) {
        return Map.of(
                "inputTokens",
                num(u.inputTokens()),
                "outputTokens",
                num(u.outputTokens()),
                "characters",
                num(u.characters()),
                "videoSeconds",
                num(u.videoSeconds()),
                "costUsd",
                num(u.costUsd()));
    }

    static Job fromItem(Map<String, AttributeValue> item) {
        var id = s(item, PK);
        var submission = new Submission(
                s(item, "contentKey"),
                s(item, "sourceKey"),
                s(item, "fileName"),
                ScriptFormat.valueOf(s(item, "sourceKind")),
                n(item, "sourceBytes").longValue(),
                s(item, "trailerUrl"),
                s(item, "requestTitle"));
        var stepsMap = item.get(STEPS).m();
        var steps = new ArrayList<StepRun>();
        for (var step : PipelineStep.values()) {
            var m = stepsMap.get(stepKey(step)).m();
            var finished = instant(m, "finishedAt");
            var errorCode = s(m, "errorCode");
            var provider = s(m, "provider");
            var place = s(m, "place"); // absent from items written before places were kept
            Provenance provenance = provider == null
                    ? null
                    : new Provenance(
                            provider,
                            blankToNull(s(m, "model")),
                            m.containsKey("offline")
                                    && Boolean.TRUE.equals(m.get("offline").bool()),
                            place == null ? null : Provenance.Place.valueOf(place),
                            s(m, "host"));
            Usage usage = m.containsKey("inputTokens")
                    ? new Usage(
                            n(m, "inputTokens").longValue(),
                            n(m, "outputTokens").longValue(),
                            n(m, "characters").longValue(),
                            n(m, "videoSeconds").doubleValue(),
                            n(m, "costUsd").doubleValue())
                    : (finished == null ? null : Usage.NONE);
            steps.add(new StepRun(
                    step,
                    StepStatus.fromJson(s(m, "status")),
                    instant(m, "startedAt"),
                    finished,
                    errorCode == null ? null : new ApiError(errorCode, s(m, "errorMessage")),
                    provenance,
                    usage,
                    s(m, "outputKey"),
                    m.containsKey("attempts") ? n(m, "attempts").intValue() : 0));
        }
        var errorCode = s(item, "errorCode");
        var recommendation = s(item, "recommendation");
        var score = item.containsKey("overallScore") ? n(item, "overallScore").doubleValue() : null;
        return new Job(
                id,
                JobState.fromJson(s(item, STATE)),
                submission,
                steps,
                errorCode == null ? null : new ApiError(errorCode, s(item, "errorMessage")),
                instant(item, "createdAt"),
                instant(item, "updatedAt"),
                instant(item, "completedAt"),
                s(item, "title"),
                recommendation == null ? null : Recommendation.valueOf(recommendation),
                score);
    }

    /** The cursor is the index position of the page's last job, opaque to clients. */
    static String encodeCursor(Job last) {
        var text = last.id() + "\n" + JobItems.listSort(last.createdAt(), last.id());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            var parts = text.split("\n", 2);
            if (parts.length != 2 || !parts[1].endsWith("#" + parts[0])) {
                throw new IllegalArgumentException("not a cursor");
            }
            return Map.of(PK, str(parts[0]), LIST_KEY, str(JOB_LIST), LIST_SORT, str(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new SorotException(ErrorCode.INVALID_PARAMETER, "cursor is not one this API gave out.");
        }
    }

    static AttributeValue str(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue num(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue num(double value) {
        return AttributeValue.fromN(Double.toString(value));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, str(value));
        }
    }

    private static String s(Map<String, AttributeValue> m, String name) {
        var v = m.get(name);
        return v == null ? null : v.s();
    }

    private static Number n(Map<String, AttributeValue> m, String name) {
        var v = m.get(name);
        if (v == null || v.n() == null) {
            return 0;
        }
        var text = v.n();
        return text.contains(".") || text.contains("E") || text.contains("e")
                ? (Number) Double.parseDouble(text)
                : (Number) Long.parseLong(text);
    }

    private static Instant instant(Map<String, AttributeValue> m, String name) {
        var v = m.get(name);
        return v == null || v.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(v.n()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
