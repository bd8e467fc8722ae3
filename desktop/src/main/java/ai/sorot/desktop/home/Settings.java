package ai.sorot.desktop.home;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the curator chose, kept in {@code desktop/settings.json}. The API token is not here: it
 * lives in its own owner-only file ({@link TokenStore}) so this one can be shared or backed up.
 *
 * @param connection     the embedded local backend, or a deployed API at {@code apiUrl}
 * @param maxConcurrent  how many analyses run at once; the rest wait their turn in the queue
 * @param llmUrl         the OpenAI-compatible base of a model server for the local backend's coverage
 *                       (Ollama: {@code http://127.0.0.1:11434/v1}); null: no model. Its key, if
 *                       any, is kept like the API token, in its own owner-only file.
 * @param llmModel       the model's name on that server
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(
        ConnectionMode connection,
        String apiUrl,
        Theme theme,
        int maxConcurrent,
        boolean notifications,
        String llmUrl,
        String llmModel) {

    public static final int MIN_CONCURRENT = 1;
    public static final int MAX_CONCURRENT = 8;
    public static final Settings DEFAULTS = new Settings(ConnectionMode.LOCAL, null, Theme.LIGHT, 3, true);

    public Settings(ConnectionMode connection, String apiUrl, Theme theme, int maxConcurrent, boolean notifications) {
        this(connection, apiUrl, theme, maxConcurrent, notifications, null, null);
    }

    public Settings {
        connection = connection == null ? ConnectionMode.LOCAL : connection;
        theme = theme == null ? Theme.LIGHT : theme;
        maxConcurrent = Math.clamp(maxConcurrent == 0 ? 3 : maxConcurrent, MIN_CONCURRENT, MAX_CONCURRENT);
        llmUrl = llmUrl == null || llmUrl.isBlank() ? null : llmUrl.strip();
        llmModel = llmModel == null || llmModel.isBlank() ? null : llmModel.strip();
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(connection, apiUrl, newTheme, maxConcurrent, notifications, llmUrl, llmModel);
    }

    /** Whether a local model is set up for the embedded backend's coverage. */
    public boolean hasLocalModel() {
        return llmUrl != null && llmModel != null;
    }

    public enum ConnectionMode {
        LOCAL,
        REMOTE
    }

    public enum Theme {
        LIGHT,
        DARK
    }
}
