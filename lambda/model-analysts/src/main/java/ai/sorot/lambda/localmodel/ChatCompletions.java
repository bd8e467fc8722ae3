package ai.sorot.lambda.localmodel;

import ai.sorot.lambda.coverage.CoverageChat;
import ai.sorot.lambda.coverage.CoverageSchema;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * {@code POST {base}/chat/completions} on an OpenAI-compatible server, as the coverage exchange's
 * chat model. The request carries the answer's JSON schema in
 * {@code response_format: {type: json_schema}}; a server that refuses that field (400 naming
 * it) is asked again without it, and the prompt's own description of the fields has to do.
 *
 * <p>The answer is the message's {@code content} with any {@code <think>...</think>} block
 * removed (Ollama and llama.cpp leave R1-style reasoning there); servers that split reasoning
 * into {@code reasoning_content} (vLLM, llama.cpp with a reasoning format) leave the answer in
 * {@code content}, and only when that is empty is the reasoning field read, for a JSON object
 * the model wrote there. {@code finish_reason: length} marks an answer cut at the output limit.
 */
final class ChatCompletions implements CoverageChat {

    private static final System.Logger LOG = System.getLogger(ChatCompletions.class.getName());
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
    /** DeepSeek's advice for R1 and its distills; Qwen3 in thinking mode wants the same. */
    static final double TEMPERATURE = 0.6;

    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private final LocalModelSettings settings;
    private final ModelServer.Identity identity;
    private final OkHttpClient http;
    private volatile boolean schemaRefused;

    ChatCompletions(LocalModelSettings settings, ModelServer.Identity identity, OkHttpClient http) {
        this.settings = settings;
        this.identity = identity;
        this.http = http;
    }

    @Override
    public String describe() {
        return settings.model() + " via " + identity.server() + " at " + settings.base();
    }

    /** Room for the answer: the reasoning and the JSON; the rest of the window is the prompt's. */
    int maxOutputTokens() {
        return Math.clamp(Math.round(identity.contextTokens() * 0.35), 1536, 8192);
    }

    @Override
    public int maxPromptTokens() {
        return Math.max(1024, identity.contextTokens() - maxOutputTokens());
    }

    @Override
    public Reply send(List<Turn> turns, Duration timeLeft) {
        var wait = timeLeft.compareTo(settings.callTimeout()) < 0 ? timeLeft : settings.callTimeout();
        var body = body(turns, !schemaRefused);
        var started = System.nanoTime();
        var heartbeat = Thread.ofVirtual().name("sorot-llm-wait").start(() -> heartbeat(started));
        try {
            var answer = post(body, wait);
            if (answer.status() == 400 && !schemaRefused && mentionsSchema(answer.text())) {
                LOG.log(Level.INFO, "{0} refused response_format json_schema; asking without it", describe());
                schemaRefused = true;
                answer = post(body(turns, false), wait);
            }
            return reply(answer);
        } finally {
            heartbeat.interrupt();
        }
    }

    /** Says every half minute that the model is still working, so a long wait is visibly a wait. */
    private void heartbeat(long started) {
        try {
            while (true) {
                Thread.sleep(HEARTBEAT);
                LOG.log(
                        Level.INFO,
                        "coverage: still waiting for {0} ({1} s)",
                        describe(),
                        Duration.ofNanos(System.nanoTime() - started).toSeconds());
            }
        } catch (InterruptedException e) {
            // the answer came
        }
    }

    ObjectNode body(List<Turn> turns, boolean withSchema) {
        var body = Json.mapper().createObjectNode();
        body.put("model", settings.model());
        var messages = body.putArray("messages");
        for (var turn : turns) {
            messages.addObject()
                    .put("role", turn.role() == Role.USER ? "user" : "assistant")
                    .put("content", turn.text());
        }
        body.put("temperature", TEMPERATURE);
        body.put("max_tokens", maxOutputTokens());
        body.put("stream", false);
        if (withSchema) {
            var format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema")
                    .put("name", CoverageSchema.NAME)
                    .put("strict", true)
                    .set("schema", CoverageSchema.schema());
        }
        return body;
    }

    private record Answer(int status, String text) {}

    private Answer post(ObjectNode body, Duration wait) {
        var builder = new Request.Builder()
                .url(settings.base() + "/chat/completions")
                .post(RequestBody.create(body.toString(), JSON));
        if (settings.apiKey() != null) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        var call = http.newBuilder()
                .callTimeout(wait.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(wait.toMillis(), TimeUnit.MILLISECONDS)
                .build()
                .newCall(builder.build());
        try (var response = call.execute()) {
            return new Answer(response.code(), response.body().string());
        } catch (InterruptedIOException e) {
            throw new SorotException(
                    ErrorCode.MODEL_UNAVAILABLE,
                    describe() + " did not answer within "
                            + wait.toSeconds() + " s (" + LocalModelSettings.TIMEOUT + " and "
                            + LocalModelSettings.STEP_BUDGET
                            + " allow longer).",
                    e);
        } catch (IOException e) {
            throw ModelServer.unreachable(settings, e);
        }
    }

    private Reply reply(Answer answer) {
        if (answer.status() == 401 || answer.status() == 403) {
            throw new SorotException(
                    ErrorCode.MODEL_UNAVAILABLE,
                    describe() + " refused Sorot (" + answer.status() + "): check " + LocalModelSettings.API_KEY + ".");
        }
        if (answer.status() == 404) {
            throw new SorotException(
                    ErrorCode.MODEL_UNAVAILABLE,
                    describe() + " answered 404 (" + clip(answer.text())
                            + "): is the model installed and the URL the OpenAI-compatible base (ending in /v1)?");
        }
        if (answer.status() < 200 || answer.status() >= 300) {
            throw new SorotException(
                    ErrorCode.MODEL_UNAVAILABLE,
                    describe() + " failed with " + answer.status() + " (" + clip(answer.text()) + ").");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(answer.text());
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.MODEL_ANSWER_UNUSABLE,
                    describe() + " sent a reply that is not the " + "chat completions format (" + clip(answer.text())
                            + ").");
        }
        var choice = root.path("choices").path(0);
        var message = choice.path("message");
        var content =
                THINK.matcher(message.path("content").asText("")).replaceAll("").strip();
        if (content.contains("</think>")) {
            content = content.substring(content.lastIndexOf("</think>") + "</think>".length())
                    .strip(); // opening tag in the template
        }
        if (content.isEmpty()) {
            var reasoning = message.hasNonNull("reasoning_content")
                    ? message.path("reasoning_content").asText("")
                    : message.path("reasoning").asText("");
            content = reasoning.contains("{")
                    ? reasoning.substring(
                            reasoning.lastIndexOf("\n{") >= 0
                                    ? reasoning.lastIndexOf("\n{") + 1
                                    : reasoning.indexOf('{'))
                    : "";
        }
        var finish = choice.path("finish_reason").asText("unknown");
        var usage = root.path("usage");
        long in = usage.path("prompt_tokens").asLong(0);
        long out = usage.path("completion_tokens").asLong(0);
        return new Reply(
                content, finish.toLowerCase(Locale.ROOT).equals("length"), finish, in, new Usage(in, out, 0, 0, 0.0));
    }

    private static boolean mentionsSchema(String text) {
        var lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("response_format") || lower.contains("json_schema") || lower.contains("schema");
    }

    private static String clip(String text) {
        var line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
