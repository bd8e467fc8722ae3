package ai.sorot.lambda.local;

import ai.sorot.lambda.files.OwnerOnly;
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
     * files), and tightens what Sorot keeps in an existing one: each of its entries, a folder of them
     * that was open to others whole (made by an older Sorot, or by hand). The home folder itself is
     * tightened only when it holds nothing but Sorot's entries: SOROT_HOME may be a folder the user
     * shares with other things (even ~), whose other files are not Sorot's to change.
     */
    public SorotHome ensureExists() {
        try {
            if (!Files.isDirectory(root)) {
                try {
                    Files.createDirectories(root.getParent() == null ? root : root.getParent());
                    Files.createDirectory(
                            root,
                            OwnerOnly.posix(root)
                                    ? new java.nio.file.attribute.FileAttribute<?>[] {
                                        PosixFilePermissions.asFileAttribute(OwnerOnly.FOLDER)
                                    }
                                    : new java.nio.file.attribute.FileAttribute<?>[0]);
                } catch (FileAlreadyExistsException e) {
                    // created meanwhile by another process: fine
                }
            }
            var folder = root.toRealPath(); // the home may be a link to the real folder
            boolean onlySorots = true;
            try (var top = Files.list(folder)) {
                for (var entry : top.toList()) {
                    if (!isSorotEntry(entry.getFileName().toString())) {
                        onlySorots = false;
                    } else if (Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && !OwnerOnly.isOwnerOnly(entry)) {
                        OwnerOnly.tightenTree(entry);
                    } else {
                        OwnerOnly.tighten(entry);
                    }
                }
            }
            if (onlySorots) {
                OwnerOnly.tighten(folder);
            }
            OwnerOnly.createDirectories(blobs());
            return this;
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "Cannot create the Sorot home folder " + root + ": " + e.getMessage(), e);
        }
    }

    /** The names Sorot keeps at the top of its home (the desktop keeps its own under "desktop"). */
    static boolean isSorotEntry(String name) {
        return switch (name) {
            case "sorot.db",
                    "sorot.db-wal",
                    "sorot.db-shm",
                    "sorot.db-journal",
                    "committee.db",
                    "committee.db-wal",
                    "committee.db-shm",
                    "committee.db-journal",
                    "blobs",
                    "library",
                    "token",
                    "server.json",
                    ".server.json.tmp",
                    "server.lock",
                    "desktop",
                    "tls" -> true;
            default -> name.startsWith(".token-");
        };
    }

    public Path database() {
        return root.resolve("sorot.db");
    }

    /** The screening committee's members, reviews and sessions (docs/committee.md). */
    public Path committeeDatabase() {
        return root.resolve("committee.db");
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

    /** The server's own TLS certificate and key, made on the first start beyond loopback (owner-only). */
    public Path tls() {
        return root.resolve("tls");
    }

    public Path serverInfo() {
        return root.resolve("server.json");
    }

    public Path lockFile() {
        return root.resolve("server.lock");
    }
}
