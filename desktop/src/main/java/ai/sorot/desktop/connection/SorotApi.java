package ai.sorot.desktop.connection;

import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.Json;
import ai.sorot.model.api.AnalysisPage;
import ai.sorot.model.api.AnalysisStatus;
import ai.sorot.model.api.AnalyzeAccepted;
import ai.sorot.model.api.AnalyzeRequest;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ApiResponse;
import ai.sorot.model.api.HealthInfo;
import ai.sorot.model.api.UploadTicket;
import ai.sorot.model.report.AnalysisReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Sorot API over HTTP, typed with the {@code shared-model} records. Every method blocks, so
 * call it off the FX thread; every failure is an {@link ApiFailure} with a stable code.
 */
public final class SorotApi {

    /** Above this size a screenplay goes through {@code POST /uploads}: base64 would break the 6 MB request cap. */
    public static final long UPLOAD_THRESHOLD_BYTES = ai.sorot.lambda.api.ApiLimits.DEFAULT.inlineMaxBytes();

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final MediaType PDF = MediaType.get("application/pdf");

    private final OkHttpClient http;
    private final Endpoint endpoint;
    private final HttpUrl base;

    public SorotApi(OkHttpClient http, Endpoint endpoint) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.base = HttpUrl.get(endpoint.baseUrl().toString());
    }

    /** One client per app: it holds the connection pool and the dispatcher threads. */
    public static OkHttpClient defaultClient() {
        return builder().build();
    }

    /** The app's client, trusting a committee server's certificate once the curator pinned it ({@link PinnedTrust}). */
    public static OkHttpClient defaultClient(CertificatePins pins) {
        return new PinnedTrust(pins).applyTo(builder()).build();
    }

    private static OkHttpClient.Builder builder() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofMinutes(3))
                .retryOnConnectionFailure(true);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * {@code GET /health}: answers without a token too, but then says only that the API is up and
     * its version; the token, when set, brings the mode and the analysers.
     */
    public HealthInfo health() {
        return call(get(url("health")), HealthInfo.class, true);
    }

    public AnalyzeAccepted analyze(AnalyzeRequest request) {
        return call(post(url("analyze"), request), AnalyzeAccepted.class, true);
    }

    /** An upload URL for a file of {@code size} bytes (the server takes no more than that). */
    public UploadTicket createUpload(long size) {
        return call(post(url("uploads"), Json.mapper().createObjectNode().put("size", size)), UploadTicket.class, true);
    }

    /**
     * PUTs the file's bytes to the ticket's URL. The token goes only to the API's own host: a
     * presigned storage URL carries its own signature and must not see it.
     */
    public void upload(UploadTicket ticket, Path file) {
        var target = HttpUrl.parse(ticket.uploadUrl());
        if (target == null) {
            throw new ApiFailure("INVALID_URL", "The API gave an upload URL that is not a URL.", 0, null);
        }
        if (target.host().equals("0.0.0.0") || target.host().equals("::")) {
            // an office server bound to every interface names the wildcard: the upload goes where the ticket came from
            target = target.newBuilder().host(base.host()).build();
        }
        var request = new Request.Builder().url(target).put(RequestBody.create(file.toFile(), PDF));
        if (target.host().equals(base.host()) && target.port() == base.port()) {
            authorize(request);
        }
        try (var response = execute(request.build())) {
            if (!response.isSuccessful()) {
                throw failureOf(response, readBody(response));
            }
        }
    }

    /**
     * Sends a screenplay, picking base64 or the upload route by size and the request field by the
     * file's format (pdfData, fdxData, highlandData; Fountain as text); the caller never chooses.
     */
    public AnalyzeAccepted submit(
            Path file, String fileName, String fountainText, String trailerUrl, String title, boolean force) {
        if (fountainText != null) {
            return analyze(
                    new AnalyzeRequest(null, fountainText, null, fileName, trailerUrl, title, force ? true : null));
        }
        try {
            long size = Files.size(file);
            if (size > UPLOAD_THRESHOLD_BYTES) {
                var ticket = createUpload(size);
                upload(ticket, file);
                return analyze(new AnalyzeRequest(
                        null, null, ticket.uploadId(), fileName, trailerUrl, title, force ? true : null));
            }
            var bytes = Files.readAllBytes(file);
            var data = java.util.Base64.getEncoder().encodeToString(bytes);
            var head = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, ScriptFormat.HEAD_BYTES));
            var forced = force ? Boolean.TRUE : null;
            // each format in its own field, as the engine's one detector names it; an upload's bytes speak for
            // themselves
            return analyze(
                    switch (ScriptFormat.detect(head, fileName).orElse(ScriptFormat.PDF)) {
                        case FINAL_DRAFT ->
                            new AnalyzeRequest(null, null, null, fileName, trailerUrl, title, forced, data, null);
                        case HIGHLAND ->
                            new AnalyzeRequest(null, null, null, fileName, trailerUrl, title, forced, null, data);
                        case PDF, FOUNTAIN -> new AnalyzeRequest(data, null, null, fileName, trailerUrl, title, forced);
                    });
        } catch (IOException e) {
            throw new ApiFailure("FILE_NOT_FOUND", "Cannot read " + file + ": " + e.getMessage(), 0, e);
        }
    }

    public AnalysisStatus status(String analysisId) {
        var url = url("status").newBuilder().addQueryParameter("id", analysisId).build();
        return call(get(url), AnalysisStatus.class, true);
    }

    public AnalysisReport report(String analysisId) {
        var url = url("analyses").newBuilder().addPathSegment(analysisId).build();
        return call(get(url), AnalysisReport.class, true);
    }

    public AnalysisPage analyses(int limit, String cursor) {
        var url = url("analyses").newBuilder().addQueryParameter("limit", Integer.toString(limit));
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
        return call(get(url.build()), AnalysisPage.class, true);
    }

    /**
     * Streams the audio summary into {@code target} (through a temporary file beside it, so a
     * broken download never leaves a half file) and returns its content type. In the cloud the
     * route redirects to a presigned URL, which OkHttp follows without the token.
     */
    public String downloadAudio(String analysisId, Path target) {
        var url = url("analyses")
                .newBuilder()
                .addPathSegment(analysisId)
                .addPathSegment("audio")
                .build();
        var request = get(url);
        authorize(request);
        try (var response = execute(request.build())) {
            if (!response.isSuccessful()) {
                throw failureOf(response, readBody(response));
            }
            var dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            var temp = Files.createTempFile(dir, ".audio", ".part");
            try (InputStream in = response.body().byteStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            var type = response.header("Content-Type");
            return type == null ? "application/octet-stream" : type;
        } catch (IOException e) {
            throw ApiFailure.network("The audio download was interrupted: " + e.getMessage(), e);
        }
    }

    private HttpUrl url(String route) {
        return base.newBuilder().addPathSegments(route).build();
    }

    private Request.Builder get(HttpUrl url) {
        return new Request.Builder().url(url).get().header("Accept", "application/json");
    }

    private Request.Builder post(HttpUrl url, Object body) {
        try {
            return new Request.Builder()
                    .url(url)
                    .header("Accept", "application/json")
                    .post(RequestBody.create(Json.mapper().writeValueAsBytes(body), JSON));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode the request", e);
        }
    }

    private void authorize(Request.Builder request) {
        if (endpoint.hasToken()) {
            request.header("Authorization", "Bearer " + endpoint.token());
        }
    }

    private <T> T call(Request.Builder request, Class<T> type, boolean authorized) {
        if (authorized) {
            authorize(request);
        }
        try (var response = execute(request.build())) {
            var body = readBody(response);
            JavaType envelope = Json.mapper().getTypeFactory().constructParametricType(ApiResponse.class, type);
            ApiResponse<T> parsed;
            try {
                parsed = Json.mapper().readValue(body, envelope);
            } catch (IOException e) {
                throw failureOf(response, body);
            }
            if (parsed.success() && response.isSuccessful() && parsed.data() != null) {
                return parsed.data();
            }
            if (parsed.error() != null) {
                throw ApiFailure.of(parsed.error(), response.code());
            }
            throw failureOf(response, body);
        }
    }

    private Response execute(Request request) {
        try {
            return http.newCall(request).execute();
        } catch (IOException e) {
            var certificate = UntrustedCertificate.in(e);
            if (certificate.isPresent()) {
                throw new ApiFailure(
                        certificate.get().code().name(), certificate.get().getMessage(), 0, e);
            }
            throw ApiFailure.network(
                    "The Sorot API at " + endpoint.baseUrl() + " cannot be reached (" + describe(e) + ").", e);
        }
    }

    private byte[] readBody(Response response) {
        try {
            return response.body().bytes();
        } catch (IOException e) {
            throw ApiFailure.network("The answer from the Sorot API was cut off (" + describe(e) + ").", e);
        }
    }

    /** An answer that is not the API's envelope: a gateway's own error page, or a proxy in the way. */
    private static ApiFailure failureOf(Response response, byte[] body) {
        String message = null;
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node != null && node.hasNonNull("error") && node.get("error").hasNonNull("code")) {
                return ApiFailure.of(Json.mapper().treeToValue(node.get("error"), ApiError.class), response.code());
            }
            if (node != null && node.hasNonNull("message")) {
                message = node.get("message").asText();
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: fall through to the HTTP status
        }
        int status = response.code();
        String code = switch (status) {
            case 401, 403 -> "UNAUTHORIZED";
            case 404 -> "NOT_FOUND";
            case 413 -> "FILE_TOO_LARGE";
            case 429 -> "THROTTLED";
            case 502, 503, 504 -> "NETWORK";
            default -> "INTERNAL";
        };
        var text = "The Sorot API answered HTTP " + status + (message == null ? "" : ": " + message);
        return new ApiFailure(code, text + ".", status, null);
    }

    private static String describe(IOException e) {
        var text = e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
    }
}
