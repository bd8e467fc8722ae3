package ai.sorot.lambda.api;

import ai.sorot.lambda.files.DiskFull;
import ai.sorot.lambda.pipeline.BlobKeys;
import ai.sorot.lambda.pipeline.Job;
import ai.sorot.lambda.pipeline.ReportAssembler;
import ai.sorot.lambda.pipeline.StatusView;
import ai.sorot.model.api.AnalysisPage;
import ai.sorot.model.api.AnalyzeRequest;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.HealthInfo;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.SorotException;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Sorot API, one HTTP API v2 event in, one response out: the Lambda handler and the local
 * server both call it, so there is one code path. It authenticates from the request's head before
 * it reads a byte of the body ({@link RequestBody}), routes, decodes, and maps every failure to the
 * envelope with its stable code; the work is the services'.
 */
public final class ApiRouter {

    private static final System.Logger LOG = System.getLogger(ApiRouter.class.getName());
    private static final Pattern ANALYSIS_PATH = Pattern.compile("/analyses/([^/]+)");
    private static final Pattern AUDIO_PATH = Pattern.compile("/analyses/([^/]+)/audio");
    private static final Pattern UPLOAD_PATH = Pattern.compile("/uploads/([^/]+)");
    private static final Duration AUDIO_LINK_VALIDITY = Duration.ofMinutes(15);
    /**
     * The routes this router serves behind API Gateway, as {@code infra/template.yaml} declares them
     * (the template contract test holds the two together). {@code PUT /uploads/{id}} is the local
     * server's own: in the cloud, uploads go to S3.
     */
    public static final java.util.List<String> ROUTES = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(
                            "POST /analyze",
                            "POST /uploads",
                            "GET /status",
                            "GET /analyses",
                            "GET /analyses/{id}",
                            "GET /analyses/{id}/audio",
                            "GET /health"),
                    CommitteeRoutes.ROUTES.stream())
            .toList();
    /**
     * The most a JSON body may hold: an inline screenplay of 4 MB is 5.4 MB in base64, plus the
     * other fields. (An HTTP API hands a Lambda function at most 6 MB anyway.) Files beyond that
     * go through {@code POST /uploads}, whose bytes are streamed, never held.
     */
    static final long MAX_JSON_BODY = 8L * 1024 * 1024;

    private final Backend backend;
    private final SubmissionService submissions;
    private final ReportAssembler reports;
    private final FailedTokenLimiter failedTokens;
    private final CommitteeRoutes committee;

    public ApiRouter(Backend backend) {
        this.backend = backend;
        this.failedTokens = new FailedTokenLimiter(backend.clock());
        this.submissions = new SubmissionService(backend);
        this.reports = new ReportAssembler(backend.blobs());
        this.committee = new CommitteeRoutes(backend);
    }

    public Backend backend() {
        return backend;
    }

    /** An API Gateway event, its body already in it. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handle(event, RequestBody.of(event));
    }

    /**
     * One request: {@code head} gives the method, path, headers and query (its body field is not
     * read); {@code body} is read only once the credential in the head has passed, and only as far
     * as the route takes it, so a refused request costs no memory whatever its size.
     */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent head, RequestBody body) {
        var method = method(head);
        var path = path(head);
        try {
            if (method.equals("OPTIONS")) {
                return HttpResponses.preflight(path);
            }
            var throttled = failedTokens.refusal(head);
            if (throttled.isPresent()) {
                return throttled.get();
            }
            if (path.equals("/health")) {
                return method.equals("GET") || method.equals("HEAD") ? health(head) : notAllowed("GET");
            }
            var upload = UPLOAD_PATH.matcher(path);
            if (upload.matches() && method.equals("PUT") && backend.uploads() != null) {
                return receiveUpload(upload.group(1), head, body); // the signed URL is the credential, as with S3
            }
            var caller = caller(head);
            if (caller.isEmpty()) {
                return HttpResponses.withHeader(
                        HttpResponses.error(
                                ErrorCode.UNAUTHORIZED,
                                "A valid API token (or, where sign-in is configured, a valid sign-in token) is required: "
                                        + "send it as 'Authorization: Bearer <token>'."),
                        "www-authenticate",
                        "Bearer");
            }
            return route(method, path, head, body, caller.get());
        } catch (SorotException e) {
            if (e.code() == ErrorCode.INTERNAL && DiskFull.isDiskFull(e)) {
                return diskFull(method, path, e);
            }
            return HttpResponses.error(e.toApiError(), e.code().httpStatus());
        } catch (RuntimeException e) {
            if (DiskFull.isDiskFull(e)) {
                return diskFull(method, path, e);
            }
            var requestId = head.getRequestContext() == null
                    ? null
                    : head.getRequestContext().getRequestId();
            LOG.log(Level.ERROR, "request " + requestId + " " + method + " " + path + " failed", e);
            return HttpResponses.error(
                    ErrorCode.INTERNAL,
                    "Something went wrong inside Sorot" + (requestId == null ? "." : " (request " + requestId + ")."));
        }
    }

    /**
     * A full disk is the user's to fix, not a bug: its own code, and a message that says what
     * to do. The stores write whole or not at all, so what was kept before is intact.
     */
    private static APIGatewayV2HTTPResponse diskFull(String method, String path, RuntimeException e) {
        LOG.log(Level.WARNING, method + " " + path + " refused: the disk is full (" + e.getMessage() + ")");
        return HttpResponses.error(
                ErrorCode.DISK_FULL,
                "The disk that holds Sorot's files is full, so this request "
                        + "was not kept; free some space and send it again. Nothing stored before was lost.");
    }

    private APIGatewayV2HTTPResponse route(
            String method, String path, APIGatewayV2HTTPEvent event, RequestBody body, Caller caller) {
        var committeeAnswer = committee.route(method, path, event, body, caller);
        if (committeeAnswer.isPresent()) {
            return committeeAnswer.get();
        }
        if (caller.isReader() && !method.equals("GET") && !method.equals("HEAD")) {
            throw new SorotException(
                    ErrorCode.FORBIDDEN,
                    "A reader reads analyses and writes their own reviews; " + method + " " + path + " is for leads.");
        }
        switch (path) {
            case "/analyze" -> {
                return method.equals("POST")
                        ? HttpResponses.ok(submissions.analyze(json(body, AnalyzeRequest.class), caller))
                        : notAllowed("POST");
            }
            case "/uploads" -> {
                if (!method.equals("POST")) {
                    return notAllowed("POST");
                }
                Long size = null;
                var text = text(body);
                if (!text.isBlank()) {
                    var node = parse(text, JsonNode.class);
                    if (node.hasNonNull("size")) {
                        if (!node.get("size").canConvertToExactIntegral()
                                || !node.get("size").canConvertToLong()) {
                            throw SubmissionService.invalidUploadSize();
                        }
                        size = node.get("size").asLong();
                    }
                }
                return HttpResponses.ok(submissions.createUpload(size));
            }
            case "/status" -> {
                return method.equals("GET")
                        ? HttpResponses.ok(StatusView.status(job(requiredQuery(event, "id"))))
                        : notAllowed("GET");
            }
            case "/analyses" -> {
                return method.equals("GET") ? list(event) : notAllowed("GET");
            }
            default -> {}
        }
        var audio = AUDIO_PATH.matcher(path);
        if (audio.matches()) {
            return method.equals("GET") ? audio(audio.group(1)) : notAllowed("GET");
        }
        var analysis = ANALYSIS_PATH.matcher(path);
        if (analysis.matches()) {
            return method.equals("GET") ? report(analysis.group(1)) : notAllowed("GET");
        }
        if (UPLOAD_PATH.matcher(path).matches()) {
            return backend.uploads() == null
                    ? HttpResponses.error(ErrorCode.NOT_FOUND, "Uploads go to the URL POST /uploads returned.")
                    : notAllowed("PUT");
        }
        return HttpResponses.error(ErrorCode.NOT_FOUND, "No route " + method + " " + path + ".");
    }

    /**
     * Anyone may learn that the server is up and its version (a client checks it before it has a
     * token); how it runs and where it keeps its files is for the token's holder.
     */
    private APIGatewayV2HTTPResponse health(APIGatewayV2HTTPEvent head) {
        if (caller(head).isEmpty()) {
            return HttpResponses.ok(HealthInfo.up(backend.version()));
        }
        return HttpResponses.ok(new HealthInfo(
                "ok", backend.version(), backend.mode(), backend.analysers().get()));
    }

    private APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        int limit = 50;
        var raw = query(event, "limit");
        if (raw != null) {
            try {
                limit = Integer.parseInt(raw.strip());
            } catch (NumberFormatException e) {
                throw new SorotException(ErrorCode.INVALID_PARAMETER, "limit must be a whole number from 1 to 200.");
            }
            if (limit < 1 || limit > 200) {
                throw new SorotException(
                        ErrorCode.INVALID_PARAMETER, "limit must be from 1 to 200, not " + limit + ".");
            }
        }
        var page = backend.jobs().list(limit, query(event, "cursor"));
        return HttpResponses.ok(
                new AnalysisPage(page.jobs().stream().map(StatusView::summary).toList(), page.nextCursor()));
    }

    private APIGatewayV2HTTPResponse report(String id) {
        var job = job(id);
        if (!job.state().isFinal()) {
            throw new SorotException(
                    ErrorCode.REPORT_NOT_READY,
                    "The analysis is still " + job.state().json() + " (step "
                            + StatusView.status(job).currentStep() + " of 5); poll /status?id=" + id + ".");
        }
        return HttpResponses.ok(reports.report(job));
    }

    private APIGatewayV2HTTPResponse audio(String id) {
        var job = job(id);
        var ref = reports.audio(job);
        if (ref.isEmpty()) {
            if (job.state() == JobState.FAILED) {
                throw new SorotException(ErrorCode.NOT_FOUND, "The analysis failed before its audio summary was made.");
            }
            throw new SorotException(
                    ErrorCode.AUDIO_NOT_READY, "The audio summary is not ready yet; poll /status?id=" + id + ".");
        }
        var audio = ref.get();
        var direct = backend.blobs().downloadUrl(audio.key(), AUDIO_LINK_VALIDITY, audio.contentType());
        if (direct.isPresent()) {
            return HttpResponses.redirect(direct.get().toString());
        }
        var bytes = backend.blobs()
                .get(audio.key())
                .orElseThrow(
                        () -> new SorotException(ErrorCode.INTERNAL, "The audio summary is missing from storage."));
        return HttpResponses.bytes(bytes, audio.contentType(), id + "-summary." + audio.format());
    }

    private APIGatewayV2HTTPResponse receiveUpload(String uploadId, APIGatewayV2HTTPEvent head, RequestBody body) {
        if (!BlobKeys.isUploadId(uploadId)) {
            throw new SorotException(ErrorCode.UPLOAD_NOT_FOUND, "No upload " + uploadId + ".");
        }
        var query =
                head.getQueryStringParameters() == null ? Map.<String, String>of() : head.getQueryStringParameters();
        long allowed =
                backend.uploads().allowedBytes(uploadId, query, backend.clock().instant());
        if (allowed < 0) {
            return HttpResponses.error(
                    ErrorCode.UNAUTHORIZED,
                    "The upload URL is not valid or has expired; ask POST /uploads for a new one.");
        }
        long declared = body.declaredLength();
        if (declared == 0) {
            throw new SorotException(ErrorCode.EMPTY_FILE, "The upload is empty.");
        }
        if (declared > allowed) {
            throw new SorotException(
                    ErrorCode.FILE_TOO_LARGE,
                    "The file is %.1f MB; this upload takes up to %.0f MB."
                            .formatted(declared / 1048576.0, allowed / 1048576.0));
        }
        // bytes whatever the declared content type, streamed to storage: never decoded, never held whole
        long stored = backend.blobs()
                .putStream(BlobKeys.upload(uploadId), body.stream(), allowed, "application/octet-stream");
        return HttpResponses.ok(Map.of("uploadId", uploadId, "bytes", stored));
    }

    private Job job(String id) {
        if (!BlobKeys.isAnalysisId(id)) {
            throw new SorotException(ErrorCode.NOT_FOUND, "No analysis " + clip(id) + ".");
        }
        return backend.jobs()
                .find(id)
                .orElseThrow(() -> new SorotException(ErrorCode.NOT_FOUND, "No analysis " + id + "."));
    }

    /** Who sent the request, from its Authorization header alone; empty when no credential passes. */
    private java.util.Optional<Caller> caller(APIGatewayV2HTTPEvent event) {
        var header = header(event, "authorization");
        if (header == null) {
            return java.util.Optional.empty();
        }
        var value = header.strip();
        // the server's own tokens, a member's token, or a signed-in member
        var caller = value.length() < 7 || !value.substring(0, 7).equalsIgnoreCase("bearer ")
                ? java.util.Optional.<Caller>empty()
                : CommitteeIdentity.caller(backend, value.substring(7).strip());
        if (caller.isEmpty()) {
            failedTokens.failed(event); // a credential was presented and refused: one guess
        }
        return caller;
    }

    static APIGatewayV2HTTPResponse notAllowed(String allowed) {
        return HttpResponses.withHeader(
                HttpResponses.error(ErrorCode.METHOD_NOT_ALLOWED, "This route answers " + allowed + " only."),
                "allow",
                allowed + ", OPTIONS");
    }

    /** Parses the body straight into its type: no tree in between, which matters for a 5 MB screenplay. */
    static <T> T json(RequestBody body, Class<T> type) {
        return parse(text(body), type);
    }

    private static <T> T parse(String text, Class<T> type) {
        if (text.isBlank()) {
            throw new SorotException(ErrorCode.INVALID_JSON, "The request has no body; send a JSON object.");
        }
        if (text.strip().charAt(0) != '{') {
            throw new SorotException(ErrorCode.INVALID_JSON, "The request body must be a JSON object.");
        }
        try {
            return RequestJson.mapper().readValue(text, type);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new SorotException(
                    ErrorCode.INVALID_JSON, "A field has the wrong type: " + e.getOriginalMessage() + ".");
        } catch (JsonProcessingException e) {
            throw new SorotException(
                    ErrorCode.INVALID_JSON, "The request body is not valid JSON: " + e.getOriginalMessage() + ".");
        }
    }

    /** A JSON body, bounded: one declared over the limit is refused before a byte of it is read. */
    private static String text(RequestBody body) {
        return new String(body.readAll(MAX_JSON_BODY), StandardCharsets.UTF_8);
    }

    private static String requiredQuery(APIGatewayV2HTTPEvent event, String name) {
        var value = query(event, name);
        if (value == null || value.isBlank()) {
            throw new SorotException(ErrorCode.MISSING_FIELD, "The query parameter '" + name + "' is required.");
        }
        return value.strip();
    }

    private static String query(APIGatewayV2HTTPEvent event, String name) {
        var params = event.getQueryStringParameters();
        return params == null ? null : params.get(name);
    }

    static String header(APIGatewayV2HTTPEvent event, String name) {
        var headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        var value = headers.get(name);
        if (value != null) {
            return value;
        }
        for (var entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** HTTP API v2 puts the method in requestContext.http; the route key has it too ("POST /analyze"). */
    public static String method(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context != null && context.getHttp() != null && context.getHttp().getMethod() != null) {
            return context.getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        var routeKey = event.getRouteKey();
        if (routeKey != null && routeKey.contains(" ")) {
            return routeKey.substring(0, routeKey.indexOf(' ')).toUpperCase(Locale.ROOT);
        }
        return "GET";
    }

    /** rawPath, not path: the v2 event's field (the seed's "Incoming undefined request" bug). */
    public static String path(APIGatewayV2HTTPEvent event) {
        var path = event.getRawPath();
        if (path == null
                && event.getRequestContext() != null
                && event.getRequestContext().getHttp() != null) {
            path = event.getRequestContext().getHttp().getPath();
        }
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String clip(String id) {
        return id.length() > 80 ? id.substring(0, 80) + "…" : id;
    }
}
