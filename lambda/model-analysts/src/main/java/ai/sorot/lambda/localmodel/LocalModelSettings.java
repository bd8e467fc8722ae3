package ai.sorot.lambda.localmodel;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the festival's own language model is served and how long to wait for it: an
 * OpenAI-compatible base URL (Ollama {@code http://127.0.0.1:11434/v1}, llama.cpp's server
 * {@code http://127.0.0.1:8080/v1}, LM Studio {@code http://127.0.0.1:1234/v1}, vLLM
 * {@code http://127.0.0.1:8000/v1}), the model's name on that server, and an optional key, sent
 * as a bearer token only when set.
 *
 * <p>Scripts are confidential: plain HTTP is allowed only to this computer (loopback); any other
 * host must be reached over https, or the settings are refused.
 *
 * @param contextTokens the model's context window when the operator knows it better than the
 *                      server says (null: ask the server, else assume {@link #DEFAULT_CONTEXT})
 * @param callTimeout   the longest wait for one answer
 * @param stepBudget    the coverage step's budget while this model serves it (a 14B model on a
 *                      laptop's CPU can take many minutes over a feature script)
 */
public record LocalModelSettings(
        URI baseUrl, String model, String apiKey, Integer contextTokens, Duration callTimeout, Duration stepBudget) {

    public static final String URL = "SOROT_LLM_URL";
    public static final String MODEL = "SOROT_LLM_MODEL";
    public static final String API_KEY = "SOROT_LLM_API_KEY";
    public static final String CONTEXT = "SOROT_LLM_CONTEXT";
    public static final String TIMEOUT = "SOROT_LLM_TIMEOUT";
    public static final String STEP_BUDGET = "SOROT_LLM_STEP_BUDGET";
    /** What Ollama gives a model when nothing raises it: the window assumed when no one says otherwise. */
    public static final int DEFAULT_CONTEXT = 4096;

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    public static final Duration DEFAULT_STEP_BUDGET = Duration.ofMinutes(30);

    public LocalModelSettings {
        baseUrl = checked(baseUrl);
        if (model == null || model.isBlank()) {
            throw invalid(
                    MODEL + " must name the model to use (e.g. qwen3:14b; `ollama list` shows what is installed).");
        }
        model = model.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        if (contextTokens != null && contextTokens < 1024) {
            throw invalid(CONTEXT + " must be at least 1024 tokens, not " + contextTokens + ".");
        }
        callTimeout = callTimeout == null ? DEFAULT_TIMEOUT : callTimeout;
        stepBudget = stepBudget == null ? DEFAULT_STEP_BUDGET : stepBudget;
    }

    public LocalModelSettings(URI baseUrl, String model, String apiKey) {
        this(baseUrl, model, apiKey, null, null, null);
    }

    /** The settings in {@code env}; empty when {@value #URL} is not set. */
    public static Optional<LocalModelSettings> fromEnvironment(Map<String, String> env) {
        var url = env.get(URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid(URL + " is not a URL: " + url.strip());
        }
        return Optional.of(new LocalModelSettings(
                uri,
                env.get(MODEL),
                env.get(API_KEY),
                integer(env, CONTEXT),
                duration(env, TIMEOUT),
                duration(env, STEP_BUDGET)));
    }

    /** Whether the server is on this computer (then nothing leaves it). */
    public boolean loopback() {
        return isLoopback(baseUrl.getHost());
    }

    /** The server's base without a trailing slash: {@code http://127.0.0.1:11434/v1}. */
    public String base() {
        var text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The host and port, for "on HOST" in the report. */
    public String hostLabel() {
        return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
    }

    static URI checked(URI url) {
        if (url == null || url.getHost() == null || url.getScheme() == null) {
            throw invalid(URL
                    + " must be the server's OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1 for Ollama.");
        }
        var scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(URL + " must be an http or https URL, not " + scheme + ":.");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw invalid(URL + " points at " + url.getHost() + " over plain http: scripts are confidential, so a "
                    + "model on another machine must be reached over https (plain http is allowed only to 127.0.0.1, "
                    + "::1 or localhost).");
        }
        if (url.getUserInfo() != null) {
            throw invalid(URL + " must not carry a user or password; put a key in " + API_KEY + ".");
        }
        return url;
    }

    /** Loopback by name or address, decided without a DNS query for names other than localhost. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        var h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: never assume it stays on this machine
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Integer integer(Map<String, String> env, String name) {
        var raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid(name + " must be a number of tokens, not '" + raw.strip() + "'.");
        }
    }

    /** "900" (seconds), "15m", "1h", or an ISO-8601 duration ("PT15M"). */
    public static Duration duration(Map<String, String> env, String name) {
        var raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        var text = raw.strip().toLowerCase(Locale.ROOT);
        try {
            Duration value;
            if (text.startsWith("pt") || text.startsWith("p")) {
                value = Duration.parse(text.toUpperCase(Locale.ROOT));
            } else if (text.endsWith("ms")) {
                value = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                value = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("m")) {
                value = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("h")) {
                value = Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
            } else {
                value = Duration.ofSeconds(Long.parseLong(text));
            }
            if (value.isNegative() || value.isZero()) {
                throw new NumberFormatException();
            }
            return value;
        } catch (RuntimeException e) {
            throw invalid(name + " must be a duration such as 900 (seconds), 15m or 1h, not '" + raw.strip() + "'.");
        }
    }

    private static SorotException invalid(String message) {
        return new SorotException(ErrorCode.MODEL_UNAVAILABLE, message);
    }

    @Override
    public String toString() {
        return "LocalModelSettings[" + base() + ", " + model + (apiKey == null ? "" : ", key set") + "]";
    }
}
