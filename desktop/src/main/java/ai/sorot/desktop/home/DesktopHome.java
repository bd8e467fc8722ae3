package ai.sorot.desktop.home;

import ai.sorot.lambda.library.AtomicFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The Sorot home folder ({@code SOROT_HOME}, else {@code ~/.sorot}), shared with the CLI and the
 * local server. The desktop keeps its own files under {@code desktop/}. Every write goes to a
 * temporary file beside the target and is then moved over it, so a crash never leaves half a file.
 */
public final class DesktopHome {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path root;

    public DesktopHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** {@code SOROT_HOME} when set, else {@code ~/.sorot}: the same folder the backend and the CLI use. */
    public static DesktopHome fromEnvironment(Map<String, String> env) {
        return new DesktopHome(
                ai.sorot.lambda.local.SorotHome.fromEnvironment(env).root());
    }

    /** The library the finished analyses are saved in ({@code ai.sorot.lambda.library}). */
    public Path library() {
        return new ai.sorot.lambda.local.SorotHome(root).library();
    }

    public Path root() {
        return root;
    }

    /** Where the desktop app keeps its settings, queue, thumbnails and saved analyses. */
    public Path desktop() {
        return root.resolve("desktop");
    }

    public Path resolve(String relative) {
        return desktop().resolve(relative);
    }

    /** Creates the folder (and the home) readable by the owner only, as the token lives there. */
    public Path ensureDir(Path dir) throws IOException {
        if (!Files.isDirectory(root)) {
            createPrivateDirs(root);
        }
        if (!Files.isDirectory(dir)) {
            createPrivateDirs(dir);
        }
        return dir;
    }

    private static void createPrivateDirs(Path dir) throws IOException {
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public void writeAtomically(Path target, byte[] bytes) throws IOException {
        write(target, bytes, false);
    }

    /** Writes {@code bytes} atomically with mode 600: for secrets. */
    public void writePrivate(Path target, byte[] bytes) throws IOException {
        write(target, bytes, true);
    }

    private void write(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
        var dir = ensureDir(target.toAbsolutePath().getParent());
        if (!(POSIX && ownerOnly)) {
            AtomicFiles.write(target, bytes);
            return;
        }
        // a secret is never readable by others, not even as the temporary file
        var temp = Files.createTempFile(
                dir, "." + target.getFileName(), ".part", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(target, OWNER_ONLY);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
