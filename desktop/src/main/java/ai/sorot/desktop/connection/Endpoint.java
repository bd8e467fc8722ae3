package ai.sorot.desktop.connection;

import java.net.URI;
import java.util.Objects;

/**
 * Where the app sends its requests and the bearer token it sends with them.
 * {@link #toString()} never shows the token: endpoints end up in messages and logs.
 *
 * @param local true for the embedded backend on this machine, false for a deployed API
 */
public record Endpoint(URI baseUrl, String token, boolean local) {

    public Endpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        var text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "Endpoint[" + baseUrl + (local ? ", local" : ", deployed")
                + (hasToken() ? ", token ****]" : ", no token]");
    }
}
