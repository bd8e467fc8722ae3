package ai.sorot.lambda.aws.gemini;

import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.PriceList;
import ai.sorot.lambda.offline.OfflineTrailerAnalyst;
import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.TrailerAnalyst;
import ai.sorot.lambda.pipeline.TrailerRequest;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.TrailerAnalysis;
import ai.sorot.model.report.Usage;
import ai.sorot.model.screenplay.Screenplay;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Step 3 in the cloud: the trailer, watched by Gemini 2.5 Flash-Lite. The Gemini API reads a
 * public YouTube video itself when the link is given as a {@code file_data} part, so no video is
 * downloaded here. The answer is constrained by a response schema to the fields of
 * {@link TrailerAnalysis}; the screenplay's figures and opening go with it so that the model can
 * say what the trailer promises against what the script delivers.
 *
 * <p>Plain HTTP with OkHttp and Jackson, not the google-genai SDK: one POST is all the step needs,
 * OkHttp is already the desktop's client and in the parent's BOM, Jackson is already here, and
 * the google-genai SDK would bring Google's auth and transport libraries into a Lambda package
 * whose cold start we measure. The key travels in the {@code x-goog-api-key} header (never in the
 * URL, so it never reaches an access log) and nothing here logs a header or a request.
 *
 * <p>Vimeo links stay with the link metadata: the Gemini API reads YouTube links only.
 */
public final class GeminiTrailerAnalyst implements TrailerAnalyst {

    private static final System.Logger LOG = System.getLogger(GeminiTrailerAnalyst.class.getName());
    private static final MediaType JSON = MediaType.get("application/json");
    static final int ATTEMPTS = 3;
    static final Duration READ_TIMEOUT = Duration.ofSeconds(120);
    /** Default media resolution: 258 tokens per frame at one frame a second, 32 tokens a second of sound. */
    static final double VIDEO_TOKENS_PER_SECOND = 258;

    static final double AUDIO_TOKENS_PER_SECOND = 32;

    private final OkHttpClient http;
    private final URI baseUrl;
    private final String model;
    private final Supplier<java.util.Optional<String>> apiKey;
    private final PriceList prices;
    private final Clock clock;
    private final Provenance provenance;
    private final OfflineTrailerAnalyst linkOnly = new OfflineTrailerAnalyst();
    private final boolean keyRequired;

    public GeminiTrailerAnalyst(
            URI baseUrl, String model, Supplier<java.util.Optional<String>> apiKey, PriceList prices, Clock clock) {
        this(baseUrl, model, apiKey, true, prices, clock);
    }

    /**
     * @param keyRequired without a key, fail with MODEL_UNAVAILABLE (true), or keep the link
     *                    metadata and say why the trailer was not watched (false: a stack deployed
     *                    without a Gemini key)
     */
    public GeminiTrailerAnalyst(
            URI baseUrl,
            String model,
            Supplier<java.util.Optional<String>> apiKey,
            boolean keyRequired,
            PriceList prices,
            Clock clock) {
        this.keyRequired = keyRequired;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .retryOnConnectionFailure(true)
                .build();
        this.baseUrl = baseUrl;
        this.model = model;
        this.apiKey = apiKey;
        this.prices = prices;
        this.clock = clock;
        this.provenance = new Provenance("Google Gemini API", displayName(model), false);
    }

    static String displayName(String model) {
        return model.equals(CloudConfig.DEFAULT_GEMINI_MODEL) ? "Gemini 2.5 Flash-Lite" : model;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public AnalystResult<TrailerAnalysis> analyse(TrailerRequest request) {
        var link = request.link();
        if (!link.platform().equals("youtube")) {
            return linkOnly.analyse(request); // says plainly it was not watched
        }
        var configured = apiKey.get();
        if (configured.isEmpty()) {
            if (keyRequired) {
                throw new SorotException(
                        ErrorCode.MODEL_UNAVAILABLE,
                        "No Gemini API key is configured: set " + CloudConfig.GEMINI_KEY_SETTING
                                + " (the stack's GeminiApiKey parameter).");
            }
            var metadata = linkOnly.analyse(request).output();
            var note = "Not analysed: no Gemini API key is configured (set " + CloudConfig.GEMINI_KEY_SETTING
                    + ", the stack's GeminiApiKey parameter). This is a YouTube video, id " + link.videoId() + ".";
            var analysis = new TrailerAnalysis(
                    metadata.url(),
                    metadata.platform(),
                    metadata.videoId(),
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    note,
                    metadata.provenance());
            return new AnalystResult<>(analysis, metadata.provenance(), Usage.NONE);
        }
        var key = configured.get();
        var deadline = clock.instant().plus(request.budget()).minusSeconds(2);
        var videoUrl = "https://www.youtube.com/watch?v=" + link.videoId();
        var body = requestBody(videoUrl, request.screenplay(), request.coverage());
        var url =
                baseUrl.resolve("/v1beta/models/" + model + ":generateContent").toString();
        JsonNode answer = null;
        for (int attempt = 1; answer == null; attempt++) {
            try {
                answer = post(url, key, body, deadline);
            } catch (Retryable e) {
                if (attempt >= ATTEMPTS) {
                    throw e.failure();
                }
                var wait = backoff(attempt, e.retryAfter());
                if (Duration.between(clock.instant(), deadline).compareTo(wait.plusSeconds(10)) < 0) {
                    throw e.failure();
                }
                LOG.log(
                        Level.INFO,
                        "analysis {0}: Gemini answered {1}; retrying in {2} ms",
                        request.analysisId(),
                        e.status(),
                        wait.toMillis());
                sleep(wait);
            }
        }
        return read(answer, link.url().toString(), link.platform(), link.videoId());
    }

    // ---- the request ---------------------------------------------------------------------------

    byte[] requestBody(String videoUrl, Screenplay screenplay) {
        return requestBody(videoUrl, screenplay, null);
    }

    byte[] requestBody(String videoUrl, Screenplay screenplay, Coverage coverage) {
        var root = Json.mapper().createObjectNode();
        var part = root.putArray("contents").addObject().put("role", "user").putArray("parts");
        part.addObject().putObject("file_data").put("file_uri", videoUrl);
        part.addObject().put("text", TrailerPrompt.instructions(screenplay, coverage));
        var config = root.putObject("generationConfig");
        config.put("responseMimeType", "application/json");
        config.set("responseSchema", TrailerPrompt.schema());
        config.put("temperature", 0.4);
        config.put("maxOutputTokens", 2048);
        try {
            return Json.mapper().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode post(String url, String key, byte[] body, Instant deadline) {
        var left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw timeout();
        }
        var call = http.newCall(new Request.Builder()
                .url(url)
                .header("x-goog-api-key", key)
                .post(RequestBody.create(body, JSON))
                .build());
        call.timeout().timeout(left.toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            var text = response.body().string();
            if (response.isSuccessful()) {
                return Json.mapper().readTree(text);
            }
            throw failure(response.code(), response.header("Retry-After"), text);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted() || !clock.instant().isBefore(deadline)) {
                throw timeout();
            }
            throw new Retryable(
                    0,
                    null,
                    new SorotException(
                            ErrorCode.STEP_TIMEOUT, "The Gemini API did not answer in time (" + e.getMessage() + ")."));
        } catch (IOException e) {
            throw new Retryable(
                    0,
                    null,
                    new SorotException(
                            ErrorCode.ANALYST_FAILED,
                            "The Gemini API cannot be reached: " + e.getClass().getSimpleName() + ": "
                                    + e.getMessage()));
        }
    }

    /** What an error answer means: the {@code {"error": {"code", "message", "status", "details"}}} of the Gemini API. */
    private RuntimeException failure(int code, String retryAfter, String text) {
        String status = "";
        String message = "HTTP " + code;
        String reason = "";
        String retryDelay = retryAfter;
        try {
            var error = Json.mapper().readTree(text).path("error");
            status = error.path("status").asText("");
            message = error.path("message").asText(message);
            for (var detail : error.path("details")) {
                if (detail.hasNonNull("reason")) {
                    reason = detail.get("reason").asText();
                }
                if (detail.hasNonNull("retryDelay")) {
                    retryDelay = detail.get("retryDelay").asText();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON (a proxy's page): the status code says enough
        }
        var lower = message.toLowerCase(Locale.ROOT);
        if (code == 429 || status.equals("RESOURCE_EXHAUSTED")) {
            return new Retryable(
                    code,
                    retryDelay,
                    new SorotException(
                            ErrorCode.THROTTLED,
                            "The Gemini API's quota for this key is used up for now (" + message
                                    + "); submit again later."));
        }
        if (code >= 500) {
            return new Retryable(
                    code,
                    retryDelay,
                    new SorotException(
                            ErrorCode.ANALYST_FAILED,
                            "The Gemini API failed (" + code + " " + status + ": " + message + ")."));
        }
        if (reason.equals("API_KEY_INVALID") || lower.contains("api key") || code == 401) {
            return new SorotException(
                    ErrorCode.MODEL_UNAVAILABLE,
                    "The Gemini API refused the key (" + status + "); set a valid " + CloudConfig.GEMINI_KEY_SETTING
                            + " (the stack's GeminiApiKey parameter).");
        }
        if (code == 404 && (lower.contains("model") || status.equals("NOT_FOUND") && !lower.contains("video"))) {
            return new SorotException(
                    ErrorCode.MODEL_UNAVAILABLE,
                    "The Gemini API has no model " + model + " (" + message + "); set "
                            + CloudConfig.GEMINI_MODEL_SETTING + ", e.g. to " + CloudConfig.DEFAULT_GEMINI_MODEL + ".");
        }
        if (code == 403 && !lower.contains("video") && !lower.contains("file")) {
            return new SorotException(
                    ErrorCode.MODEL_UNAVAILABLE,
                    "The Gemini API refused this key (" + message
                            + "): check that the Generative Language API is enabled for it.");
        }
        // 400 INVALID_ARGUMENT (and 403/404 about the video): the API could not read the video
        return new SorotException(
                ErrorCode.TRAILER_UNAVAILABLE,
                "Gemini could not watch the trailer: it may be private, "
                        + "unlisted behind a sign-in, age-restricted, removed, or a live stream (" + status + ": "
                        + message + ").");
    }

    // ---- the answer ----------------------------------------------------------------------------

    private AnalystResult<TrailerAnalysis> read(JsonNode response, String url, String platform, String videoId) {
        var candidate = response.path("candidates").path(0);
        var finish = candidate.path("finishReason").asText("");
        var text = new StringBuilder();
        for (var part : candidate.path("content").path("parts")) {
            if (part.hasNonNull("text") && !part.path("thought").asBoolean(false)) {
                text.append(part.get("text").asText());
            }
        }
        var usage = usage(response.path("usageMetadata"));
        if (text.isEmpty()) {
            var blocked = response.path("promptFeedback").path("blockReason").asText("");
            throw new SorotException(
                    ErrorCode.ANALYST_FAILED,
                    "Gemini gave no analysis of the trailer ("
                            + (blocked.isEmpty() ? "finish reason " + finish : "blocked: " + blocked) + ").");
        }
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(text.toString());
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.ANALYST_FAILED,
                    "Gemini's trailer analysis is not the JSON its schema asks for"
                            + (finish.equals("MAX_TOKENS") ? " (cut off at the output limit)." : "."));
        }
        Integer score = answer.path("score").canConvertToInt()
                ? Math.max(1, Math.min(10, answer.path("score").asInt()))
                : null;
        // boxed on both sides: a primitive branch would unbox the null one (an NPE when neither length is known)
        Double duration = answer.path("durationSeconds").isNumber()
                        && answer.path("durationSeconds").asDouble() > 0
                ? Double.valueOf(answer.path("durationSeconds").asDouble())
                : (usage.videoSeconds() > 0 ? Double.valueOf(usage.videoSeconds()) : null);
        // times are checked against the length Gemini metered (its video tokens) before the one it says
        Double end = usage.videoSeconds() > 0 ? Double.valueOf(usage.videoSeconds()) : duration;
        var observations = new ArrayList<Claim>();
        int pastTheEnd = 0;
        for (var o : answer.path("observations")) {
            var said = o.path("text").asText("").strip();
            if (said.isEmpty()) {
                continue;
            }
            var at = o.path("timestamp").asText("").strip();
            var seconds = seconds(at);
            if (seconds != null && end != null && seconds > end + TIMESTAMP_SLACK_SECONDS) {
                pastTheEnd++; // a time the video does not have: the observation cannot be checked, so it is left out
                continue;
            }
            observations.add(new Claim(at.isEmpty() ? said : at + " " + said, java.util.List.of()));
        }
        var notes = new ArrayList<String>();
        if (answer.path("isTrailerOfThisFilm").isBoolean()
                && !answer.path("isTrailerOfThisFilm").asBoolean()) {
            var what = blankToNull(answer.path("notTrailerReason").asText(""));
            notes.add("Gemini judged that this video is not this film's trailer" + (what == null ? "." : ": " + what)
                    + " Check the link with the submitter.");
        }
        if (pastTheEnd > 0) {
            notes.add(pastTheEnd + (pastTheEnd == 1 ? " observation" : " observations")
                    + " gave a time past the video's end (" + clock(end) + ") and " + (pastTheEnd == 1 ? "was" : "were")
                    + " left out.");
        }
        var analysis = new TrailerAnalysis(
                url,
                platform,
                videoId,
                true,
                blankToNull(answer.path("pacing").asText("")),
                blankToNull(answer.path("tone").asText("")),
                blankToNull(answer.path("hook").asText("")),
                blankToNull(answer.path("promiseVsScript").asText("")),
                score,
                duration,
                observations,
                notes.isEmpty() ? null : String.join(" ", notes),
                provenance);
        return new AnalystResult<>(analysis, provenance, usage);
    }

    /** Tokens by modality from {@code usageMetadata}; video seconds from the video tokens at the default resolution. */
    Usage usage(JsonNode meta) {
        long prompt = meta.path("promptTokenCount").asLong(0);
        long output = meta.path("candidatesTokenCount").asLong(0)
                + meta.path("thoughtsTokenCount").asLong(0);
        long audio = 0;
        long video = 0;
        for (var detail : meta.path("promptTokensDetails")) {
            switch (detail.path("modality").asText("")) {
                case "AUDIO" -> audio += detail.path("tokenCount").asLong(0);
                case "VIDEO" -> video += detail.path("tokenCount").asLong(0);
                default -> {}
            }
        }
        double seconds = video > 0 ? video / VIDEO_TOKENS_PER_SECOND : audio / AUDIO_TOKENS_PER_SECOND;
        return new Usage(
                prompt, output, 0, Math.round(seconds * 10) / 10.0, prices.gemini(prompt - audio, audio, output));
    }

    // ---- retries -------------------------------------------------------------------------------

    /** An answer worth asking again (429, 5xx, a dropped connection), with what to report if the retries run out. */
    private static final class Retryable extends RuntimeException {
        private final int status;
        private final String retryAfter;
        private final SorotException failure;

        Retryable(int status, String retryAfter, SorotException failure) {
            super(failure.getMessage(), null, false, false);
            this.status = status;
            this.retryAfter = retryAfter;
            this.failure = failure;
        }

        int status() {
            return status;
        }

        String retryAfter() {
            return retryAfter;
        }

        SorotException failure() {
            return failure;
        }
    }

    /** Exponential backoff with full jitter, or the server's own delay ("Retry-After: 7", "retryDelay": "7s"). */
    static Duration backoff(int attempt, String serverDelay) {
        if (serverDelay != null) {
            try {
                var seconds = Double.parseDouble(serverDelay.strip().replace("s", ""));
                if (seconds >= 0 && seconds <= 60) {
                    return Duration.ofMillis((long) (seconds * 1000));
                }
            } catch (NumberFormatException ignored) {
                // a date, or nonsense: use our own
            }
        }
        long cap = Math.min(20_000, 1000L << Math.min(attempt, 5));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 4, cap + 1));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SorotException(ErrorCode.STEP_TIMEOUT, "The trailer analysis was stopped.");
        }
    }

    private static SorotException timeout() {
        return new SorotException(
                ErrorCode.STEP_TIMEOUT, "Gemini did not finish the trailer analysis within the step's budget.");
    }

    /** A time may round up past the end by a second or two. */
    static final double TIMESTAMP_SLACK_SECONDS = 2;

    /** "1:05" or "0:01:05" as seconds; null when it is not a time. */
    static Double seconds(String timestamp) {
        if (timestamp == null || !timestamp.matches("\\d{1,3}(:\\d{1,2}){1,2}(\\.\\d+)?")) {
            return null;
        }
        double total = 0;
        for (var part : timestamp.split(":")) {
            total = total * 60 + Double.parseDouble(part);
        }
        return total;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s / 60 + ":" + String.format(Locale.ROOT, "%02d", s % 60);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Lets the worker share the connection pool's threads' end with the process. */
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
