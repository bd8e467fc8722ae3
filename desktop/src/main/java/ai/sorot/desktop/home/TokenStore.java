package ai.sorot.desktop.home;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The deployed API's token, alone in {@code desktop/api-token} with mode 600; the local model
 * server's key the same way in {@code desktop/llm-key}. Nothing else in the app writes them
 * anywhere, and nothing prints them.
 */
public final class TokenStore {

    private final DesktopHome home;
    private final Path file;

    public TokenStore(DesktopHome home) {
        this(home, "api-token");
    }

    /** A secret of its own in {@code desktop/NAME} (the local model's key: {@code llm-key}). */
    public TokenStore(DesktopHome home, String name) {
        this.home = home;
        this.file = home.resolve(name);
    }

    public Optional<String> load() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            var token = Files.readString(file, StandardCharsets.UTF_8).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void save(String token) throws IOException {
        if (token == null || token.isBlank()) {
            Files.deleteIfExists(file);
            return;
        }
        home.writePrivate(file, token.strip().getBytes(StandardCharsets.UTF_8));
    }

    public Path file() {
        return file;
    }
}
