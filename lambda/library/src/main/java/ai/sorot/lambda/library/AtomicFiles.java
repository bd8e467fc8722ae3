package ai.sorot.lambda.library;

import ai.sorot.lambda.files.OwnerOnly;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader, or a crash, sees either the old content or the new, never half:
 * the bytes go to a temporary file beside the target, are forced to disk, and the temporary file
 * is renamed over the target in one step.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    public static void write(Path target, byte[] content) throws IOException {
        // A bare file name ("lib.csv") has no parent of its own: the folder is the working directory's.
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || target.getFileName() == null) {
            throw new IOException("Not a file path: " + target);
        }
        if (Files.isDirectory(target)) {
            // "export --csv ." or a folder name: say so, rather than fail moving the file over a folder
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER, target + " is a folder; give the name of the file to write.");
        }
        OwnerOnly.createDirectories(folder); // what Sorot writes is its user's alone (600 files, 700 folders)
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".part", OwnerOnly.fileAttributes(folder));
        try {
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                var buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
