package ai.sorot.lambda.localmodel;

import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * What an OpenAI-compatible server says about itself before any script is sent: the models it
 * serves ({@code GET /models}, which the desktop's Settings list), which server it is (Ollama,
 * llama.cpp, LM Studio, vLLM: from {@code owned_by} and the port), and the context window the
 * model really gets. That window decides how much of the script fits: Ollama's OpenAI route runs
 * a model at its configured {@code num_ctx} (read from {@code /api/show}) and silently cuts
 * anything longer; llama.cpp says its {@code n_ctx} in {@code /props}; vLLM its
 * {@code max_model_len}. {@code SOROT_LLM_CONTEXT} overrides them all.
 */
public final class ModelServer {

    /** The server's name for the report ("Ollama") and the window the model runs with. */
    public record Identity(String server, int contextTokens, String contextSource) {}

    private static final MediaType JSON = MediaType.get("application/json");
    private static final Pattern NUM_CTX = Pattern.compile("(?m)^\\s*num_ctx\\s+(\\d+)");

    private final LocalModelSettings settings;
    private final OkHttpClient http;

    public ModelServer(LocalModelSettings settings) {
        this(
                settings,
                new OkHttpClient.Builder()
                        .connectTimeout(3, TimeUnit.SECONDS)
                        .readTimeout(15, TimeUnit.SECONDS)
                        .callTimeout(20, TimeUnit.SECONDS)
                        .build());
    }

    ModelServer(LocalModelSettings settings, OkHttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** The server's name guessed from its port alone, before it has answered (for {@code /health}). */
    public static String guessName(LocalModelSettings settings) {
        return switch (settings.baseUrl().getPort()) {
            case 11434 -> "Ollama";
            case 8080 -> "llama.cpp";
            case 1234 -> "LM Studio";
            case 8000 -> "vLLM";
            default -> "an OpenAI-compatible server";
        };
    }

    /** The ids of the models the server serves, in its order. MODEL_UNAVAILABLE when it cannot be reached. */
    public List<String> models() {
        var ids = new ArrayList<String>();
        for (var model : modelList()) {
            var id = model.path("id").asText("");
            if (!id.isBlank()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Which server it is and the model's real context window; MODEL_UNAVAILABLE when the model is not served. */
    public Identity identify() {
        var list = modelList();
        JsonNode entry = null;
        for (var model : list) {
            var id = model.path("id").asText("");
            if (id.equals(settings.model()) || id.equals(settings.model() + ":latest")) {
                entry = model;
            }
        }
        var owner = (entry != null ? entry : list.isEmpty() ? null : list.get(0));
        var ownedBy = owner == null ? "" : owner.path("owned_by").asText("").toLowerCase(Locale.ROOT);
        String name;
        if (ownedBy.equals("library") || ownedBy.equals("ollama")) {
            name = "Ollama";
        } else if (ownedBy.equals("llamacpp")) {
            name = "llama.cpp";
        } else if (ownedBy.equals("vllm")) {
            name = "vLLM";
        } else if (ownedBy.equals("organization_owner")) {
            name = "LM Studio";
        } else {
            name = guessName(settings);
        }
        if (entry == null
                && !list.isEmpty()
                && (name.equals("Ollama") || name.equals("vLLM") || name.equals("LM Studio"))) {
            throw new SorotException(
                    ErrorCode.MODEL_UNAVAILABLE,
                    name + " at " + settings.base() + " has no model "
                            + settings.model() + "; it serves " + String.join(", ", models())
                            + (name.equals("Ollama")
                                    ? ". Run `ollama pull " + settings.model() + "` or set " + LocalModelSettings.MODEL
                                            + " to one of them."
                                    : ". Set " + LocalModelSettings.MODEL + " to one of them."));
        }
        if (settings.contextTokens() != null) {
            return new Identity(name, settings.contextTokens(), LocalModelSettings.CONTEXT);
        }
        Integer window = switch (name) {
            case "Ollama" -> ollamaContext();
            case "llama.cpp" -> llamaCppContext();
            case "vLLM" ->
                entry != null && entry.path("max_model_len").canConvertToInt()
                        ? entry.path("max_model_len").asInt()
                        : null;
            default -> null;
        };
        return window == null || window < 1024
                ? new Identity(name, LocalModelSettings.DEFAULT_CONTEXT, "assumed (the server did not say)")
                : new Identity(name, window, "the server");
    }

    /** The model's {@code num_ctx} when its Modelfile sets one; otherwise Ollama's default, which is small. */
    private Integer ollamaContext() {
        var body = Json.mapper().createObjectNode().put("model", settings.model());
        var show = post(root() + "/api/show", body.toString());
        if (show == null) {
            return null;
        }
        var matcher = NUM_CTX.matcher(show.path("parameters").asText(""));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : null;
    }

    private Integer llamaCppContext() {
        var props = get(root() + "/props");
        if (props == null) {
            return null;
        }
        var settingsNode = props.path("default_generation_settings");
        if (settingsNode.path("n_ctx").canConvertToInt()) {
            return settingsNode.path("n_ctx").asInt();
        }
        return props.path("n_ctx").canConvertToInt() ? props.path("n_ctx").asInt() : null;
    }

    private List<JsonNode> modelList() {
        var request = authorised(new Request.Builder().url(settings.base() + "/models"))
                .get()
                .build();
        try (var response = http.newCall(request).execute()) {
            if (response.code() == 401 || response.code() == 403) {
                throw new SorotException(
                        ErrorCode.MODEL_UNAVAILABLE,
                        "The model server at " + settings.base() + " refused Sorot (" + response.code() + "): check "
                                + LocalModelSettings.API_KEY + ".");
            }
            if (!response.isSuccessful()) {
                throw new SorotException(
                        ErrorCode.MODEL_UNAVAILABLE,
                        "The model server at " + settings.base() + " answered " + response.code()
                                + " to GET /models: is it an OpenAI-compatible base URL (ending in /v1)?");
            }
            var node = Json.mapper().readTree(response.body().byteStream());
            var out = new ArrayList<JsonNode>();
            node.path("data").forEach(out::add);
            return out;
        } catch (IOException e) {
            throw unreachable(settings, e);
        }
    }

    static SorotException unreachable(LocalModelSettings settings, IOException e) {
        return new SorotException(
                ErrorCode.MODEL_UNAVAILABLE,
                "The model server at " + settings.base()
                        + " cannot be reached ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + "): is it running? (for Ollama: `ollama serve`)",
                e);
    }

    private JsonNode get(String url) {
        return call(authorised(new Request.Builder().url(url)).get().build());
    }

    private JsonNode post(String url, String body) {
        return call(authorised(new Request.Builder().url(url))
                .post(RequestBody.create(body, JSON))
                .build());
    }

    /** A side question (the window): its failure is not the server's, so it answers null. */
    private JsonNode call(Request request) {
        try (var response = http.newCall(request).execute()) {
            return response.isSuccessful()
                    ? Json.mapper().readTree(response.body().byteStream())
                    : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Request.Builder authorised(Request.Builder builder) {
        return settings.apiKey() == null ? builder : builder.header("Authorization", "Bearer " + settings.apiKey());
    }

    /** The server's root: the base without its {@code /v1}, where Ollama's and llama.cpp's own routes live. */
    String root() {
        var base = settings.base();
        return base.endsWith("/v1") ? base.substring(0, base.length() - 3) : base;
    }
}
