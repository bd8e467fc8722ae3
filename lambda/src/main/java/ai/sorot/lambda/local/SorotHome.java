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

    /**
     * Creates the folder and its blob folder if they are not there, owner-only (700 folders, 600
     * files). A home that exists but is open to others (made by hand, or by a Sorot before this
     * rule) is tightened whole, once; otherwise only its top level is checked, which is cheap on
     * every start and catches what a library wrote with the umask's permissions (a SQLite file).
     */
    public SorotHome ensureExists() {
        try {
            if (!Files.isDirectory(root)) {
                try {
                    Files.createDirectories(root.getParent() == null ? root : root.getParent());
                    Files.createDirectory(root, OwnerOnly.posix(root)
                            ? new java.nio.file.attribute.FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OwnerOnly.FOLDER)}
                            : new java.nio.file.attribute.FileAttribute<?>[0]);
                } catch (FileAlreadyExistsException e) {
                    // created meanwhile by another process: fine
                }
            }
            var folder = root.toRealPath(); // the home may be a link to the real folder
            if (OwnerOnly.isOwnerOnly(folder)) {
                try (var top = Files.list(folder)) {
                    for (var entry : top.toList()) {
                        OwnerOnly.tighten(entry);
                    }
                }
            } else {
                OwnerOnly.tightenTree(folder);
            }
            OwnerOnly.createDirectories(blobs());
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
