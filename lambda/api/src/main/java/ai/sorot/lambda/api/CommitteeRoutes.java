package ai.sorot.lambda.api;

import ai.sorot.lambda.committee.CommitteeMembers;
import ai.sorot.lambda.committee.CommitteeStore;
import ai.sorot.lambda.committee.ReviewAggregates;
import ai.sorot.lambda.committee.ReviewWrite;
import ai.sorot.lambda.pipeline.BlobKeys;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ApiResponse;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.committee.AnalysisReviews;
import ai.sorot.model.committee.Member;
import ai.sorot.model.committee.NewMember;
import ai.sorot.model.committee.Review;
import ai.sorot.model.committee.ReviewConflict;
import ai.sorot.model.committee.ReviewInput;
import ai.sorot.model.committee.Role;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The screening committee's routes (docs/committee.md): members, reviews, reading sessions. The
 * router hands every request here first; a path that is not the committee's comes back empty.
 * Leads (and the server's own tokens, the owner) manage members and sessions; a reader reads and
 * writes their own reviews only.
 */
final class CommitteeRoutes {

    /** The committee's routes as the SAM template declares them (beside {@link ApiRouter#ROUTES}'s own). */
    static final List<String> ROUTES = List.of(
            "POST /members",
            "GET /members",
            "DELETE /members/{id}",
            "GET /analyses/{id}/reviews",
            "PUT /analyses/{id}/reviews/{memberId}",
            "POST /sessions",
            "GET /sessions/{id}",
            "GET /sessions/{id}/assignments/me",
            "PUT /sessions/{id}/conflicts/me",
            "GET /sessions/{id}/analyses/{aid}/reviews",
            "GET /sessions/{id}/export.csv");

    private static final Pattern MEMBER = Pattern.compile("/members/([^/]+)");
    private static final Pattern REVIEWS = Pattern.compile("/analyses/([^/]+)/reviews");
    private static final Pattern REVIEW = Pattern.compile("/analyses/([^/]+)/reviews/([^/]+)");
    private static final Pattern SESSION = Pattern.compile("/sessions/([^/]+)(/.*)?");
    private static final int MAX_NOTES = 20_000;

    private final Backend backend;
    private final CommitteeSessions sessions;

    CommitteeRoutes(Backend backend) {
        this.backend = backend;
        this.sessions = new CommitteeSessions(backend);
    }

    /** The answer, or empty when the path is not one of the committee's. */
    Optional<APIGatewayV2HTTPResponse> route(
            String method, String path, APIGatewayV2HTTPEvent head, RequestBody body, Caller caller) {
        if (!isCommitteePath(path)) {
            return Optional.empty();
        }
        var store = backend.committee();
        if (store == null) {
            throw new SorotException(ErrorCode.NOT_FOUND, "This server keeps no committee.");
        }
        return Optional.of(answer(store, method, path, head, body, caller));
    }

    private static boolean isCommitteePath(String path) {
        return path.equals("/members")
                || path.startsWith("/members/")
                || path.equals("/sessions")
                || path.startsWith("/sessions/")
                || REVIEWS.matcher(path).matches()
                || REVIEW.matcher(path).matches();
    }

    private APIGatewayV2HTTPResponse answer(
            CommitteeStore store,
            String method,
            String path,
            APIGatewayV2HTTPEvent head,
            RequestBody body,
            Caller caller) {
        if (path.equals("/members")) {
            return switch (method) {
                case "POST" -> {
                    lead(caller);
                    yield HttpResponses.ok(CommitteeMembers.add(
                            store,
                            ApiRouter.json(body, NewMember.class),
                            backend.clock().instant()));
                }
                case "GET" -> {
                    lead(caller);
                    yield HttpResponses.ok(store.members());
                }
                default -> ApiRouter.notAllowed("GET, POST");
            };
        }
        var member = MEMBER.matcher(path);
        if (member.matches()) {
            if (!method.equals("DELETE")) {
                return ApiRouter.notAllowed("DELETE");
            }
            lead(caller);
            return HttpResponses.ok(CommitteeMembers.revoke(
                    store, member.group(1), backend.clock().instant()));
        }
        var reviews = REVIEWS.matcher(path);
        if (reviews.matches()) {
            return method.equals("GET")
                    ? HttpResponses.ok(reviews(store, analysis(reviews.group(1)), acting(caller)))
                    : ApiRouter.notAllowed("GET");
        }
        var review = REVIEW.matcher(path);
        if (review.matches()) {
            if (!method.equals("PUT")) {
                return ApiRouter.notAllowed("PUT");
            }
            return putReview(store, analysis(review.group(1)), review.group(2), head, body, acting(caller));
        }
        if (path.equals("/sessions")) {
            return method.equals("POST")
                    ? HttpResponses.ok(sessions.create(store, body, lead(caller)))
                    : ApiRouter.notAllowed("POST");
        }
        var session = SESSION.matcher(path);
        if (session.matches()) {
            return sessions.route(
                    store,
                    method,
                    session.group(1),
                    session.group(2) == null ? "" : session.group(2),
                    head,
                    body,
                    acting(caller));
        }
        throw new SorotException(ErrorCode.NOT_FOUND, "No route " + method + " " + path + ".");
    }

    // ---- members -------------------------------------------------------------------------------

    // ---- reviews -------------------------------------------------------------------------------

    /**
     * Every review of a script, with the aggregate. A reader does not see the others' reviews from
     * a blind session until their own review of the script in that session exists.
     */
    private AnalysisReviews reviews(CommitteeStore store, String analysisId, Member caller) {
        var all = store.reviews(analysisId);
        if (caller.role() == Role.LEAD) {
            return new AnalysisReviews(analysisId, all, ReviewAggregates.of(all), false);
        }
        var blind = new HashMap<String, Boolean>();
        var visible = new ArrayList<Review>();
        boolean hidden = false;
        for (var r : all) {
            boolean own = r.memberId().equals(caller.memberId());
            boolean withheld = !own
                    && r.sessionId() != null
                    && blind.computeIfAbsent(
                            r.sessionId(),
                            id -> store.session(id)
                                    .map(s -> s.session().blind())
                                    .orElse(false))
                    && all.stream()
                            .noneMatch(o -> o.memberId().equals(caller.memberId())
                                    && r.sessionId().equals(o.sessionId()));
            if (withheld) {
                hidden = true;
            } else {
                visible.add(r);
            }
        }
        return new AnalysisReviews(analysisId, visible, ReviewAggregates.of(visible), hidden);
    }

    private APIGatewayV2HTTPResponse putReview(
            CommitteeStore store,
            String analysisId,
            String memberPath,
            APIGatewayV2HTTPEvent head,
            RequestBody body,
            Member caller) {
        var memberId = memberPath.equals("me") ? caller.memberId() : memberPath;
        if (!memberId.equals(caller.memberId())) {
            throw new SorotException(
                    ErrorCode.FORBIDDEN, "Members write only their own reviews; this one is " + clip(memberId) + "'s.");
        }
        var input = ApiRouter.json(body, ReviewInput.class);
        sessions.validate(store, input);
        var review = new Review(
                analysisId,
                memberId,
                caller.name(),
                input.rating(),
                input.verdict(),
                input.notes(),
                Boolean.TRUE.equals(input.shortlisted()),
                blankToNull(input.sessionId()),
                input.scores(),
                0,
                backend.clock().instant());
        if (review.notes() != null && review.notes().length() > MAX_NOTES) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER, "notes are longer than " + MAX_NOTES + " characters.");
        }
        var outcome = store.putReview(review, basedOn(ApiRouter.header(head, "if-match")));
        return switch (outcome) {
            case ReviewWrite.Written written ->
                HttpResponses.withHeader(
                        HttpResponses.ok(written.review()),
                        "etag",
                        "\"" + written.review().version() + "\"");
            case ReviewWrite.Stale stale -> conflict(stale.current(), input);
        };
    }

    /** 409 with both versions: the envelope's error says REVIEW_CONFLICT, its data is the {@link ReviewConflict}. */
    private static APIGatewayV2HTTPResponse conflict(Review current, ReviewInput refused) {
        var message = current == null
                ? "There is no stored review of that version to replace; send it without If-Match as a first review."
                : "This review is at version " + current.version() + " since it was changed elsewhere; send If-Match: "
                        + current.version() + " to replace it, or keep the stored one.";
        var error = ApiError.of(ErrorCode.REVIEW_CONFLICT, message);
        var envelope = new ApiResponse<>(false, new ReviewConflict(error.code(), message, current, refused), error);
        return HttpResponses.json(ErrorCode.REVIEW_CONFLICT.httpStatus(), envelope);
    }

    /** {@code If-Match}: absent for a first review, {@code *} for any, else the version (quoted or weak). */
    static long basedOn(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ReviewWrite.NONE;
        }
        var value = ifMatch.strip();
        if (value.equals("*")) {
            return ReviewWrite.ANY;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER,
                    "If-Match must be a review's version (a whole number " + "from 1, as its ETag gives it) or *.");
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------

    /** The caller as a lead, or 403. */
    static Member lead(Caller caller) {
        var member = acting(caller);
        if (member.role() != Role.LEAD) {
            throw new SorotException(
                    ErrorCode.FORBIDDEN,
                    "Only a lead may do this; you are a " + member.role().json() + ".");
        }
        return member;
    }

    /** The member the caller acts as, or 403 for a signed-in person no member is tied to. */
    static Member acting(Caller caller) {
        if (caller.member() == null) {
            throw new SorotException(
                    ErrorCode.FORBIDDEN,
                    "You are signed in, but no committee member is tied to your "
                            + "identity; ask a lead to add you with your subject.");
        }
        return caller.member();
    }

    /** An analysis id the committee may refer to: one the job store knows. */
    String analysis(String id) {
        if (!BlobKeys.isAnalysisId(id) || backend.jobs().find(id).isEmpty()) {
            throw new SorotException(ErrorCode.NOT_FOUND, "No analysis " + clip(id) + ".");
        }
        return id;
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new SorotException(ErrorCode.MISSING_FIELD, field + " is required.");
        }
        return value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String clip(String id) {
        return id.length() > 80 ? id.substring(0, 80) + "…" : id;
    }
}
