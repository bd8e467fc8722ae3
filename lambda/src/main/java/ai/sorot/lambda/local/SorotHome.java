package ai.sorot.lambda.local;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The Sorot home folder ({@code SOROT_HOME}, else {@code ~/.sorot}): the job database, the
 * blobs, the API token, and {@code server.json} telling where a running local server listens.
 * The desktop app and the CLI find each other through it.
 */
public record SorotHome(Path root) {

    public static SorotHome fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static SorotHome fromEnvironment(Map<String, String> env) {
        var configured = env.get("SOROT_HOME");
        if (configured != null && !configured.isBlank()) {
            return new SorotHome(Path.of(configured).toAbsolutePath());
        }
        return new SorotHome(Path.of(System.getProperty("user.home"), ".sorot"));
    }

    /** Creates the folder (owner-only where the file system allows) if it is not there. */
    public SorotHome ensureExists() {
        try {
            if (!Files.isDirectory(root)) {
                try {
                    Files.createDirectories(root.getParent() == null ? root : root.getParent());
                    Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException e) {
                    Files.createDirectories(root);
                } catch (FileAlreadyExistsException e) {
                    // created meanwhile by another process: fine
                }
            }
            Files.createDirectories(blobs());
            return this;
        } catch (IOException e) {
            throw new SorotException(ErrorCode.INTERNAL, "Cannot create the Sorot home folder " + root + ": " + e.getMessage(), e);
        }
    }

    public Path database() {
        return root.resolve("sorot.db");
    }

    public Path blobs() {
        return root.resolve("blobs");
    }

    /** The curator's library: analyses kept for offline review (see {@code ai.sorot.lambda.library}). */
    public Path library() {
        return root.resolve("library");
    }

    public Path tokenFile() {
        return root.resolve("token");
    }

    public Path serverInfo() {
        return root.resolve("server.json");
    }

    public Path lockFile() {
        return root.resolve("server.lock");
    }
}
