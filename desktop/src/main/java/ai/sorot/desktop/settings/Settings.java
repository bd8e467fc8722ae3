package ai.sorot.desktop.settings;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the curator chose, kept in {@code desktop/settings.json}. The API token is not here: it
 * lives in its own owner-only file ({@link TokenStore}) so this one can be shared or backed up.
 *
 * @param connection     the embedded local backend, or a deployed API at {@code apiUrl}
 * @param maxConcurrent  how many analyses run at once; the rest wait their turn in the queue
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(ConnectionMode connection, String apiUrl, Theme theme, int maxConcurrent, boolean notifications) {

    public static final int MIN_CONCURRENT = 1;
    public static final int MAX_CONCURRENT = 8;
    public static final Settings DEFAULTS = new Settings(ConnectionMode.LOCAL, null, Theme.LIGHT, 3, true);

    public Settings {
        connection = connection == null ? ConnectionMode.LOCAL : connection;
        theme = theme == null ? Theme.LIGHT : theme;
        maxConcurrent = Math.clamp(maxConcurrent == 0 ? 3 : maxConcurrent, MIN_CONCURRENT, MAX_CONCURRENT);
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(connection, apiUrl, newTheme, maxConcurrent, notifications);
    }

    public enum ConnectionMode { LOCAL, REMOTE }

    public enum Theme { LIGHT, DARK }
}
