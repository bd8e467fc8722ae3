package ai.sorot.lambda.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * What Sorot keeps about submissions (screenplays, reports, audio, the databases, the token) is for
 * the user who runs it alone: folders 700 and files 600 where the file system has POSIX permissions.
 * The process umask (usually 022) would otherwise make them readable by every local user. On Windows
 * the user profile's ACLs do this job and every method here leaves the defaults.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {}

    public static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** For {@code Files.createFile}, {@code FileChannel.open} and {@code createTempFile}: owner-only where it applies. */
    public static FileAttribute<?>[] fileAttributes(Path where) {
        return posix(where)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /** {@code Files.createDirectories}, with every folder it makes owner-only. */
    public static Path createDirectories(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return folder;
        }
        return posix(folder)
                ? Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER))
                : Files.createDirectories(folder);
    }

    /**
     * Creates an empty owner-only file if there is none: for a SQLite database, which the driver
     * would create with the umask's permissions (its -wal and -shm files copy the database's).
     */
    public static void createFileIfMissing(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.createFile(file, fileAttributes(file));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made meanwhile by another process
        }
    }

    /** Sets one folder or file to owner-only if it is not; links and what this user does not own are left alone. */
    public static void tighten(Path path) throws IOException {
        if (!posix(path)) {
            return;
        }
        try {
            var attributes = Files.readAttributes(
                    path, java.nio.file.attribute.PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink() || !(attributes.isDirectory() || attributes.isRegularFile())) {
                return;
            }
            var wanted = attributes.isDirectory() ? FOLDER : FILE;
            if (!attributes.permissions().equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
            }
        } catch (NoSuchFileException e) {
            // removed meanwhile (a temporary file): nothing to protect
        } catch (FileSystemException e) {
            // another user's file (EPERM): not ours to change, and the owner-only folder above hides it
        }
    }

    /** {@link #tighten} on a folder and everything under it (links are not followed). */
    public static void tightenTree(Path root) throws IOException {
        if (!posix(root) || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                tighten(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                tighten(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Whether a folder is already owner-only (true where there are no POSIX permissions to check). */
    public static boolean isOwnerOnly(Path folder) throws IOException {
        return !posix(folder)
                || Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS)
                        .equals(FOLDER);
    }
}
