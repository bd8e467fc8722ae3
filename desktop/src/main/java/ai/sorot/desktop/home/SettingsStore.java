package ai.sorot.desktop.home;

import ai.sorot.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@link Settings}; a missing or unreadable file gives the defaults, never an error. */
public final class SettingsStore {

    private final DesktopHome home;
    private final Path file;

    public SettingsStore(DesktopHome home) {
        this.home = home;
        this.file = home.resolve("settings.json");
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.DEFAULTS;
        }
        try {
            return Json.mapper().readValue(file.toFile(), Settings.class);
        } catch (IOException | RuntimeException e) {
            System.err.println(
                    "sorot: settings file " + file + " is unreadable (" + e.getMessage() + "); using defaults");
            return Settings.DEFAULTS;
        }
    }

    public void save(Settings settings) throws IOException {
        home.writeAtomically(
                file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(settings));
    }

    public Path file() {
        return file;
    }
}
