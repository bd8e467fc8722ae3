package ai.sorot.desktop.committee;

import ai.sorot.desktop.connection.ApiFailure;
import ai.sorot.desktop.connection.SorotApi;
import ai.sorot.model.Json;
import ai.sorot.model.api.AnalysisPage;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.committee.AnalysisReviews;
import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.Member;
import ai.sorot.model.committee.MemberCreated;
import ai.sorot.model.committee.NewMember;
import ai.sorot.model.committee.NewSession;
import ai.sorot.model.committee.Review;
import ai.sorot.model.committee.ReviewConflict;
import ai.sorot.model.committee.ReviewInput;
import ai.sorot.model.committee.SessionConflicts;
import ai.sorot.model.committee.SessionProgress;
import ai.sorot.model.report.AnalysisReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The committee's routes of the Sorot API (members, shared reviews, sessions) and the reads a
 * member's desktop syncs (analyses, reports, audio), over the app's OkHttp client (so its pinned
 * trust reaches an office server's self-signed certificate), typed with the
 * {@code ai.sorot.model.committee} records. Acts as the member whose token it holds. Every method
 * blocks (call it off the FX thread); a failure is an {@link ApiFailure} with the API's stable code
 * (401 UNAUTHORIZED, 403 FORBIDDEN, NETWORK when no answer came), except a stale review write,
 * which is an answer: {@link PutResult.Conflict}.
 */
public final class CommitteeClient {

    /** What {@code PUT /analyses/{id}/reviews/me} came to. */
    public sealed interface PutResult {
        /** Stored; {@code review.version()} is the base of the next write. */
        record Saved(Review review) implements PutResult {}

        /** 409 REVIEW_CONFLICT: the server holds a newer version; both are here, nothing is lost. */
        record Conflict(ReviewConflict conflict) implements PutResult {}
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final MediaType JSON = MediaType.get("application/json");

    /** The app's client with the committee's 30 s per call; shares its pool, dispatcher and trust. */
    private final OkHttpClient http;
    /** For the audio: 30 s without a byte, however long the whole file takes (no call timeout). */
    private final OkHttpClient download;

    private final URI base;
    private final String token;

    /**
     * @param http the app's client ({@code SorotDesktop.http()}): its pinned trust reaches an office
     *     server too; this client shares its pool and dispatcher
     */
    public CommitteeClient(OkHttpClient http, URI base, String token) {
        Objects.requireNonNull(http, "http");
        this.http = http.newBuilder().callTimeout(TIMEOUT).build();
        this.download = http.newBuilder()
                .readTimeout(TIMEOUT)
                .callTimeout(Duration.ZERO)
                .build();
        var text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.token = token;
    }

    /** A client of its own (tests, tours); the app passes its single one, which carries the pinned trust. */
    public static OkHttpClient defaultHttp() {
        return SorotApi.defaultClient();
    }

    public URI base() {
        return base;
    }

    // ---------------------------------------------------------------- members (leads)

    public MemberCreated addMember(NewMember member) {
        return send(json("POST", "members", member), MemberCreated.class);
    }

    public List<Member> members() {
        return send(request("members").get(), listOf(Member.class));
    }

    public void revoke(String memberId) {
        send(request("members/" + segment(memberId)).delete(), JsonNode.class);
    }

    // ---------------------------------------------------------------- reviews

    /**
     * Stores the caller's review. {@code basedOn} is the version it was edited from ({@code If-Match}),
     * null for a first review.
     */
    public PutResult putMyReview(String analysisId, ReviewInput input, Long basedOn) {
        var request = json("PUT", "analyses/" + segment(analysisId) + "/reviews/me", input);
        if (basedOn != null && basedOn > 0) {
            request.header("If-Match", "\"" + basedOn + "\"");
        }
        var response = exchange(request);
        if (response.status() == 409) {
            var conflict = conflictOf(response.body());
            if (conflict != null) {
                return new PutResult.Conflict(conflict);
            }
        }
        return new PutResult.Saved(unwrap(response, Json.mapper().constructType(Review.class)));
    }

    /** Another member's review: the server answers 403 FORBIDDEN; kept so the desktop can say so. */
    public Review putReviewOf(String analysisId, String memberId, ReviewInput input) {
        return send(
                json("PUT", "analyses/" + segment(analysisId) + "/reviews/" + segment(memberId), input), Review.class);
    }

    public AnalysisReviews reviews(String analysisId) {
        return send(request("analyses/" + segment(analysisId) + "/reviews").get(), AnalysisReviews.class);
    }

    /** The reviews of a script as a session shows them: in a blind one, hidden until the caller's own exists. */
    public AnalysisReviews sessionReviews(String sessionId, String analysisId) {
        return send(
                request("sessions/" + segment(sessionId) + "/analyses/" + segment(analysisId) + "/reviews")
                        .get(),
                AnalysisReviews.class);
    }

    // ---------------------------------------------------------------- sessions

    public SessionProgress createSession(NewSession session) {
        var node = send(json("POST", "sessions", session), JsonNode.class);
        // the answer is the session, or its progress: either way the session id is what matters
        var sessionNode = node.has("session") ? node.get("session") : node;
        return session(sessionNode.path("sessionId").asText());
    }

    public SessionProgress session(String sessionId) {
        return send(request("sessions/" + segment(sessionId)).get(), SessionProgress.class);
    }

    public List<Assignment> myAssignments(String sessionId) {
        return send(
                request("sessions/" + segment(sessionId) + "/assignments/me").get(), listOf(Assignment.class));
    }

    public void declareConflicts(String sessionId, SessionConflicts conflicts) {
        send(json("PUT", "sessions/" + segment(sessionId) + "/conflicts/me", conflicts), JsonNode.class);
    }

    // ---------------------------------------------------------------- what the library syncs

    public AnalysisPage analyses(int limit, String cursor) {
        var query = "analyses?limit=" + limit
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return send(request(query).get(), AnalysisPage.class);
    }

    public AnalysisReport report(String analysisId) {
        return send(request("analyses/" + segment(analysisId)).get(), AnalysisReport.class);
    }

    /**
     * Streams the audio summary into a temporary file in {@code dir} and returns it with its content
     * type; the caller moves it where it belongs. A failed download leaves nothing behind.
     */
    public Audio downloadAudio(String analysisId, Path dir) {
        var request = request("analyses/" + segment(analysisId) + "/audio")
                .get()
                .header("Accept", "*/*")
                .build();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, ".audio-", ".part");
            try (var response = download.newCall(request).execute()) {
                var body = response.body();
                if (!response.isSuccessful()) {
                    throw failureOf(response.code(), body.bytes());
                }
                try (var in = body.byteStream()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                var type = response.header("Content-Type", "application/octet-stream");
                var done = temp;
                temp = null;
                return new Audio(done, type);
            }
        } catch (IOException e) {
            if (cancelled(e)) {
                throw ApiFailure.network("The audio download was cancelled.", e);
            }
            throw ApiFailure.network("The audio download was interrupted: " + describe(e), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** A downloaded audio summary, in a temporary file the caller owns. */
    public record Audio(Path file, String contentType) {

        /** Moves it over {@code target} in one step. */
        public void moveTo(Path target) throws IOException {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private Request.Builder request(String route) {
        var builder = new Request.Builder().url(base.resolve(route).toString()).header("Accept", "application/json");
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Request.Builder json(String method, String route, Object body) {
        try {
            return request(route)
                    .header("Content-Type", "application/json")
                    .method(method, RequestBody.create(Json.mapper().writeValueAsBytes(body), JSON));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode the request", e);
        }
    }

    private <T> T send(Request.Builder request, Class<T> type) {
        return send(request, Json.mapper().constructType(type));
    }

    private <T> T send(Request.Builder request, JavaType type) {
        return unwrap(exchange(request), type);
    }

    /** An answer, read whole: the committee's bodies are small JSON. */
    private record Answer(int status, byte[] body) {}

    private Answer exchange(Request.Builder request) {
        try (var response = http.newCall(request.build()).execute()) {
            return new Answer(response.code(), response.body().bytes());
        } catch (IOException e) {
            if (cancelled(e)) {
                throw ApiFailure.network("The request to " + base + " was cancelled.", e);
            }
            throw ApiFailure.network(
                    "The committee's Sorot API at " + base + " cannot be reached (" + describe(e) + ").", e);
        }
    }

    /** OkHttp reports an interrupted call as an {@link InterruptedIOException}; the flag stays set. */
    private static boolean cancelled(IOException e) {
        return e instanceof InterruptedIOException && Thread.currentThread().isInterrupted();
    }

    private static <T> T unwrap(Answer response, JavaType type) {
        var body = response.body();
        if (response.status() / 100 != 2) {
            throw failureOf(response.status(), body);
        }
        try {
            var node = Json.mapper().readTree(body);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (node.isObject() && node.has("success")) {
                if (!node.path("success").asBoolean()) {
                    throw failureOf(response.status(), body);
                }
                node = node.get("data");
            }
            return node == null || node.isNull() ? null : Json.mapper().treeToValue(node, type);
        } catch (IOException e) {
            throw new ApiFailure(
                    ErrorCode.INTERNAL.name(),
                    "The Sorot API answered something unexpected: " + describe(e),
                    response.status(),
                    e);
        }
    }

    /** The 409's body: the error object itself, or the envelope's data, carries both versions. */
    private static ReviewConflict conflictOf(byte[] body) {
        try {
            var node = Json.mapper().readTree(body);
            for (var candidate : new JsonNode[] {node.path("error"), node.path("data"), node}) {
                if (candidate.isObject() && candidate.has("current")) {
                    var conflict = Json.mapper().treeToValue(candidate, ReviewConflict.class);
                    var error = node.path("error");
                    if (conflict.code() == null && error.isObject()) {
                        conflict = new ReviewConflict(
                                error.path("code").asText(null),
                                error.path("message").asText(null),
                                conflict.current(),
                                conflict.refused());
                    }
                    return conflict;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not the conflict's shape: reported as the error it is
        }
        return null;
    }

    /** The API's error as a failure; an answer without the envelope (a proxy's page) by its status. */
    static ApiFailure failureOf(int status, byte[] body) {
        String message = null;
        try {
            var node = Json.mapper().readTree(body);
            var error = node == null ? null : node.path("error");
            if (error != null && error.isObject() && error.hasNonNull("code")) {
                return new ApiFailure(
                        error.get("code").asText(), error.path("message").asText(""), status, null);
            }
            if (node != null && node.hasNonNull("message")) {
                message = node.get("message").asText();
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: the status says what happened
        }
        var code = switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 409 -> ErrorCode.REVIEW_CONFLICT;
            case 429 -> ErrorCode.THROTTLED;
            case 502, 503, 504 -> ErrorCode.NETWORK;
            default -> ErrorCode.INTERNAL;
        };
        return new ApiFailure(code.name(), message != null ? message : code.defaultMessage(), status, null);
    }

    private static JavaType listOf(Class<?> type) {
        return Json.mapper().getTypeFactory().constructCollectionType(List.class, type);
    }

    private static String segment(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value, "id"), StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static String describe(Exception e) {
        var text = e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray .part in the scratch folder is cleared with it
        }
    }
}
