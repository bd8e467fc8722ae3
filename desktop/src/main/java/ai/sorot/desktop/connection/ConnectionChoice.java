package ai.sorot.desktop.connection;

import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.home.TokenStore;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides which API the app talks to: {@code SOROT_API_URL} (with {@code SOROT_API_TOKEN}, else
 * the stored token) wins over the settings; otherwise the settings' deployed API, or the embedded
 * local backend, the default a new user meets.
 */
public final class ConnectionChoice {

    public static final String ENV_URL = "SOROT_API_URL";
    public static final String ENV_TOKEN = "SOROT_API_TOKEN";

    private final Map<String, String> env;
    private final TokenStore tokens;
    private final TokenStore memberTokens;
    private final Supplier<EndpointSource> localBackend;

    public ConnectionChoice(Map<String, String> env, TokenStore tokens, Supplier<EndpointSource> localBackend) {
        this(env, tokens, null, localBackend);
    }

    /** {@code memberTokens}: a committee member's own token, used for every call when no API token is set. */
    public ConnectionChoice(
            Map<String, String> env,
            TokenStore tokens,
            TokenStore memberTokens,
            Supplier<EndpointSource> localBackend) {
        this.env = env;
        this.tokens = tokens;
        this.memberTokens = memberTokens;
        this.localBackend = localBackend;
    }

    private Optional<String> storedToken() {
        var token = tokens.load();
        return token.isPresent() || memberTokens == null ? token : memberTokens.load();
    }

    /** The URL the environment forces, if any: Settings shows it and cannot override it. */
    public Optional<String> environmentUrl() {
        var url = env.get(ENV_URL);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
    }

    public EndpointSource choose(Settings settings) {
        var forced = environmentUrl();
        if (forced.isPresent()) {
            var token = Optional.ofNullable(env.get(ENV_TOKEN))
                    .filter(t -> !t.isBlank())
                    .or(this::storedToken)
                    .orElse(null);
            return EndpointSource.remote(new Endpoint(parse(forced.get()), token, false));
        }
        if (settings.connection() == Settings.ConnectionMode.REMOTE
                && settings.apiUrl() != null
                && !settings.apiUrl().isBlank()) {
            return EndpointSource.remote(
                    new Endpoint(parse(settings.apiUrl()), storedToken().orElse(null), false));
        }
        return localBackend.get();
    }

    /** A URL a person typed: a missing scheme means https. */
    public static URI parse(String text) {
        var trimmed = text.strip();
        if (!trimmed.matches("(?i)^https?://.*")) {
            trimmed = "https://" + trimmed;
        }
        var uri = URI.create(trimmed);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not a URL");
        }
        return uri;
    }
}
