package ai.sorot.lambda.api;

import ai.sorot.lambda.committee.CommitteeCsv;
import ai.sorot.lambda.committee.CommitteeStore;
import ai.sorot.lambda.committee.ReaderAssignment;
import ai.sorot.lambda.committee.ReviewAggregates;
import ai.sorot.lambda.committee.SessionProgressReport;
import ai.sorot.lambda.committee.StoredSession;
import ai.sorot.lambda.pipeline.BlobKeys;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.committee.AnalysisReviews;
import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.Criterion;
import ai.sorot.model.committee.Member;
import ai.sorot.model.committee.NewSession;
import ai.sorot.model.committee.Review;
import ai.sorot.model.committee.ReviewInput;
import ai.sorot.model.committee.Role;
import ai.sorot.model.committee.Session;
import ai.sorot.model.committee.SessionConflicts;
import ai.sorot.model.committee.SessionProgress;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reading sessions: created by a lead with readers assigned by pages, a reader's queue, declared
 * conflicts that move a script to another reader, progress and agreement, and the blind rule.
 */
final class CommitteeSessions {

    private static final Pattern SESSION_REVIEWS = Pattern.compile("/analyses/([^/]+)/reviews");
    private static final int MAX_SCRIPTS = 10_000;

    private final Backend backend;

    CommitteeSessions(Backend backend) {
        this.backend = backend;
    }

    Session create(CommitteeStore store, RequestBody body, Member lead) {
        var request = ApiRouter.json(body, NewSession.class);
        var name = CommitteeRoutes.required(request.name(), "name");
        if (request.analysisIds() == null || request.analysisIds().isEmpty()) {
            throw new SorotException(
                    ErrorCode.MISSING_FIELD, "analysisIds is required: the scripts the session reads.");
        }
        var ids = new LinkedHashSet<>(request.analysisIds());
        if (ids.size() > MAX_SCRIPTS) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER, "A session reads at most " + MAX_SCRIPTS + " scripts.");
        }
        var rubric = request.rubric() == null ? List.<Criterion>of() : request.rubric();
        for (var criterion : rubric) {
            if (criterion == null
                    || criterion.name() == null
                    || criterion.name().isBlank()
                    || criterion.scale() < 2
                    || criterion.scale() > 100) {
                throw new SorotException(
                        ErrorCode.INVALID_PARAMETER, "Each rubric criterion needs a name and a scale from 2 to 100.");
            }
        }
        var members = store.members().stream()
                .filter(m -> !m.revoked())
                .collect(Collectors.toMap(Member::memberId, m -> m, (a, b) -> a, LinkedHashMap::new));
        List<String> readers;
        if (request.readerIds() == null || request.readerIds().isEmpty()) {
            readers = members.values().stream()
                    .filter(m -> m.role() == Role.READER)
                    .map(Member::memberId)
                    .toList();
        } else {
            readers = List.copyOf(new LinkedHashSet<>(request.readerIds()));
            for (var reader : readers) {
                if (!members.containsKey(reader)) {
                    throw new SorotException(
                            ErrorCode.INVALID_PARAMETER, "No active member " + CommitteeRoutes.clip(reader) + ".");
                }
            }
        }
        var scripts = new ArrayList<ReaderAssignment.Script>();
        for (var id : ids) {
            var job = BlobKeys.isAnalysisId(id)
                    ? backend.jobs().find(id)
                    : java.util.Optional.<ai.sorot.lambda.pipeline.Job>empty();
            if (job.isEmpty()) {
                throw new SorotException(ErrorCode.NOT_FOUND, "No analysis " + CommitteeRoutes.clip(id) + ".");
            }
            scripts.add(new ReaderAssignment.Script(id, job.get().title(), pages(id)));
        }
        var sessionId =
                "session-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        var assignments = ReaderAssignment.assign(sessionId, scripts, readers, request.readersPerScript(), Map.of());
        var session = new Session(
                sessionId,
                name,
                backend.clock().instant(),
                lead.memberId(),
                request.readersPerScript(),
                request.blind(),
                rubric,
                List.copyOf(ids));
        store.createSession(new StoredSession(session, readers), assignments);
        return session;
    }

    /** {@code rest} is what follows {@code /sessions/{id}}: "", "/assignments/me", ... */
    APIGatewayV2HTTPResponse route(
            CommitteeStore store,
            String method,
            String sessionId,
            String rest,
            APIGatewayV2HTTPEvent head,
            RequestBody body,
            Member caller) {
        var stored = store.session(sessionId)
                .orElseThrow(() ->
                        new SorotException(ErrorCode.NOT_FOUND, "No session " + CommitteeRoutes.clip(sessionId) + "."));
        switch (rest) {
            case "" -> {
                return method.equals("GET")
                        ? HttpResponses.ok(progress(store, stored, caller, head))
                        : ApiRouter.notAllowed("GET");
            }
            case "/assignments/me" -> {
                return method.equals("GET")
                        ? HttpResponses.ok(queue(store, sessionId, caller.memberId()))
                        : ApiRouter.notAllowed("GET");
            }
            case "/conflicts/me" -> {
                if (!method.equals("PUT")) {
                    return ApiRouter.notAllowed("PUT");
                }
                return HttpResponses.ok(
                        declareConflicts(store, stored, caller, ApiRouter.json(body, SessionConflicts.class)));
            }
            case "/export.csv" -> {
                if (!method.equals("GET")) {
                    return ApiRouter.notAllowed("GET");
                }
                if (caller.role() != Role.LEAD) {
                    throw new SorotException(ErrorCode.FORBIDDEN, "Only a lead may export a session.");
                }
                var csv = CommitteeCsv.write(
                        stored, store.assignments(sessionId), store.sessionReviews(sessionId), names(store));
                return HttpResponses.bytes(
                        csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8", sessionId + ".csv");
            }
            default -> {}
        }
        var reviews = SESSION_REVIEWS.matcher(rest);
        if (reviews.matches()) {
            if (!method.equals("GET")) {
                return ApiRouter.notAllowed("GET");
            }
            return HttpResponses.ok(sessionReviews(store, stored, reviews.group(1), caller));
        }
        throw new SorotException(ErrorCode.NOT_FOUND, "No route " + method + " /sessions/" + sessionId + rest + ".");
    }

    /**
     * A session's progress: its assignments and reviews read once each, the readers and agreement
     * whole, the scripts one page at a time ({@code ?limit=}, {@code ?cursor=} from the last answer's
     * {@code nextCursor}).
     */
    private SessionProgress progress(
            CommitteeStore store, StoredSession stored, Member caller, APIGatewayV2HTTPEvent head) {
        var page = ProgressPaging.page(head, stored.session().analysisIds().size());
        // the two big reads overlap: on DynamoDB each is its own round trips (a store that locks, as
        // SQLite's does, simply runs them one after the other)
        var reviews = CompletableFuture.supplyAsync(
                () -> store.sessionReviews(stored.id()),
                task -> Thread.ofVirtual().start(task));
        var assignments = store.assignments(stored.id());
        return SessionProgressReport.of(
                stored, assignments, joined(reviews), names(store), caller.role() == Role.LEAD, page);
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private List<Assignment> queue(CommitteeStore store, String sessionId, String memberId) {
        var reviewed = store.sessionReviews(sessionId, memberId).stream()
                .map(Review::analysisId)
                .collect(Collectors.toSet());
        return store.queue(sessionId, memberId).stream()
                .map(a -> new Assignment(
                        a.sessionId(),
                        a.analysisId(),
                        a.title(),
                        a.memberId(),
                        a.pages(),
                        reviewed.contains(a.analysisId())))
                .toList();
    }

    /** Records the caller's conflicts, moves any script they were assigned, and answers their queue. */
    private List<Assignment> declareConflicts(
            CommitteeStore store, StoredSession stored, Member caller, SessionConflicts request) {
        var ids = request.analysisIds() == null ? Set.<String>of() : new LinkedHashSet<>(request.analysisIds());
        var conflicts = new HashMap<>(store.conflicts(stored.id()));
        conflicts.put(caller.memberId(), ids);
        var move = ReaderAssignment.reassign(store.assignments(stored.id()), stored.readerIds(), conflicts);
        // checked before anything is written: a conflict no other reader can take is refused whole
        store.setConflicts(stored.id(), caller.memberId(), ids);
        if (!move.isEmpty()) {
            store.moveAssignments(stored.id(), move.removed(), move.added());
        }
        return queue(store, stored.id(), caller.memberId());
    }

    /**
     * A script's reviews in a session. In a blind session a reader sees the others' only once
     * their own review of it in this session exists; leads see everything.
     */
    private AnalysisReviews sessionReviews(
            CommitteeStore store, StoredSession stored, String analysisId, Member caller) {
        if (!stored.session().analysisIds().contains(analysisId)) {
            throw new SorotException(
                    ErrorCode.NOT_FOUND, "The session does not read " + CommitteeRoutes.clip(analysisId) + ".");
        }
        var all = store.reviews(analysisId).stream()
                .filter(r -> stored.id().equals(r.sessionId()))
                .toList();
        boolean ownExists = all.stream().anyMatch(r -> r.memberId().equals(caller.memberId()));
        if (stored.session().blind() && caller.role() != Role.LEAD && !ownExists) {
            return new AnalysisReviews(analysisId, List.of(), ReviewAggregates.of(List.of()), !all.isEmpty());
        }
        return new AnalysisReviews(analysisId, all, ReviewAggregates.of(all), false);
    }

    /** A review's session and scores must fit: the session exists and reads the script, each score within its criterion. */
    void validate(CommitteeStore store, ReviewInput input) {
        if (input.rating() != null && (input.rating() < 1 || input.rating() > 5)) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER, "rating must be from 1 to 5, not " + input.rating() + ".");
        }
        var sessionId = CommitteeRoutes.blankToNull(input.sessionId());
        Map<String, Integer> scales = Map.of();
        if (sessionId != null) {
            var stored = store.session(sessionId)
                    .orElseThrow(() -> new SorotException(
                            ErrorCode.INVALID_PARAMETER, "No session " + CommitteeRoutes.clip(sessionId) + "."));
            scales = stored.session().rubric().stream()
                    .collect(Collectors.toMap(Criterion::name, Criterion::scale, (a, b) -> a));
        }
        if (input.scores() != null) {
            for (var score : input.scores().entrySet()) {
                var scale = scales.get(score.getKey());
                if (scale == null) {
                    throw new SorotException(
                            ErrorCode.INVALID_PARAMETER,
                            "'" + CommitteeRoutes.clip(score.getKey()) + "' is not a criterion of the session's rubric"
                                    + (sessionId == null ? " (the review names no session)" : "") + ".");
                }
                if (score.getValue() == null || score.getValue() < 1 || score.getValue() > scale) {
                    throw new SorotException(
                            ErrorCode.INVALID_PARAMETER,
                            "The score for '" + score.getKey() + "' must be from 1 to " + scale + ".");
                }
            }
        }
    }

    private static Map<String, String> names(CommitteeStore store) {
        var names = new HashMap<String, String>();
        store.members().forEach(m -> names.put(m.memberId(), m.name()));
        names.put(Caller.OWNER.memberId(), Caller.OWNER.name());
        return names;
    }

    /**
     * A script's length in pages, from the extract step's {@code screenplay.json}: read as a stream up
     * to its {@code pageCount}, which comes third, so a long screenplay costs a few hundred bytes of
     * parsing. 0 when the analysis has not been read yet.
     */
    private int pages(String analysisId) {
        var stored = backend.blobs().get(BlobKeys.stepOutput(analysisId, PipelineStep.EXTRACT));
        if (stored.isEmpty()) {
            return 0;
        }
        try (var parser = Json.mapper().getFactory().createParser(stored.get())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var field = parser.currentName();
                var value = parser.nextToken();
                if (field.equals("pageCount") && value == JsonToken.VALUE_NUMBER_INT) {
                    return Math.max(0, parser.getIntValue());
                }
                parser.skipChildren();
            }
            return 0;
        } catch (IOException e) {
            return 0; // an unreadable output leaves the length unknown, as if not yet read
        }
    }
}
