package ai.sorot.desktop.library;

import ai.sorot.lambda.library.AtomicFiles;
import ai.sorot.model.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Screenplays from a folder dropped on a session that were not in the library yet: each is queued
 * for analysis and joins its session when the analysis finishes. Kept on disk beside the library
 * ({@code pending-sessions.json}, written atomically) because the queue survives a restart and so
 * must the promise that its scripts join their session.
 */
final class PendingSessionLinks {

    private static final TypeReference<TreeMap<String, Long>> TYPE = new TypeReference<>() {};

    private final Path file;
    private final TreeMap<String, Long> links;

    private PendingSessionLinks(Path file, TreeMap<String, Long> links) {
        this.file = file;
        this.links = links;
    }

    /** Reads the links kept in {@code folder}; an unreadable file is set aside, not fatal. */
    static PendingSessionLinks in(Path folder) {
        var file = folder.resolve("pending-sessions.json");
        var links = new TreeMap<String, Long>();
        if (Files.isRegularFile(file)) {
            try {
                links.putAll(Json.mapper().readValue(file.toFile(), TYPE));
            } catch (IOException e) {
                try {
                    Files.move(
                            file,
                            file.resolveSibling("pending-sessions.json.unreadable"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // the links are a convenience; the library itself is untouched
                }
            }
        }
        return new PendingSessionLinks(file, links);
    }

    synchronized void put(Path script, long sessionId) {
        links.put(key(script), sessionId);
        save();
    }

    /** The session {@code script} was promised to, forgetting the promise. */
    synchronized OptionalLong take(Path script) {
        var id = links.remove(key(script));
        if (id == null) {
            return OptionalLong.empty();
        }
        save();
        return OptionalLong.of(id);
    }

    synchronized Map<String, Long> snapshot() {
        return Map.copyOf(links);
    }

    private static String key(Path script) {
        return script.toAbsolutePath().normalize().toString();
    }

    private void save() {
        try {
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(links));
        } catch (IOException e) {
            throw new UncheckedIOException("The session links could not be saved: " + e.getMessage(), e);
        }
    }
}
