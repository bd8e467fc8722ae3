package ai.sorot.lambda.local;

import ai.sorot.lambda.files.OwnerOnly;
import ai.sorot.lambda.pipeline.BlobInfo;
import ai.sorot.lambda.pipeline.BlobStore;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.UploadTicket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local {@link BlobStore}: files under {@code blobs/} in the Sorot home. Every write goes to
 * a temporary file in the same folder and is then renamed over the target, so a process that
 * dies at any point leaves the old file or the new one, never half of one. Writes are not
 * fsynced, like the job database's commits (SQLite WAL, synchronous=NORMAL): a killed process
 * loses nothing, a power cut may lose the last seconds, and an fsync behind a worker's large
 * audio write would otherwise stall {@code POST /analyze} for tens of milliseconds.
 */
public final class FileBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");
    private static final String TEMP_PREFIX = ".tmp-";

    private final Path root;
    private final Supplier<URI> serverUrl;
    private final UploadSigner signer;
    private final Clock clock;

    /**
     * @param serverUrl where the local server listens, asked when an upload URL is made (the
     *                  port is known only once the server is bound)
     */
    public FileBlobStore(Path root, Supplier<URI> serverUrl, UploadSigner signer, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.serverUrl = serverUrl;
        this.signer = signer;
        this.clock = clock;
        try {
            OwnerOnly.createDirectories(this.root);
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "Cannot create the blob folder " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        write(key, out -> {
            out.write(content);
            return content.length;
        });
    }

    /**
     * Streams the bytes into the temporary file as they come: an upload that is too large, breaks
     * off or meets a full disk leaves no file, and at most a 64 KB buffer is held in memory.
     */
    @Override
    public long putStream(String key, InputStream content, long maxBytes, String contentType) {
        return write(key, out -> {
            long written = 0;
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = read(content, buffer)) >= 0) {
                written += n;
                if (written > maxBytes) {
                    throw BlobStore.streamTooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            if (written == 0) {
                throw new SorotException(ErrorCode.EMPTY_FILE, "The upload is empty.");
            }
            return written;
        });
    }

    /** Writes a temporary file's content; returns its length. */
    private interface Content {
        long writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes to a temporary file beside the target and renames it over the target once whole.
     * When the write fails (a full disk, a broken stream) the temporary file goes, and so does the
     * item folder the write created, so no empty {@code analyses/<id>/} outlives a refused request.
     */
    private long write(String key, Content content) {
        var target = resolve(key);
        var folder = target.getParent();
        boolean newFolder = !Files.isDirectory(folder);
        Path temp = null;
        boolean stored = false;
        try {
            OwnerOnly.createDirectories(folder);
            temp = target.resolveSibling(TEMP_PREFIX
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            long written;
            // owner-only from the moment it exists: other local users never read a submitted screenplay
            try (var out = java.nio.channels.Channels.newOutputStream(FileChannel.open(
                    temp,
                    java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    OwnerOnly.fileAttributes(temp)))) {
                written = content.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            stored = true;
            return written;
        } catch (IOException e) {
            throw new SorotException(ErrorCode.INTERNAL, "Cannot store " + key + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
            if (!stored && newFolder) {
                removeIfEmpty(folder);
            }
        }
    }

    /** An item folder (below a top-level one such as {@code analyses/}) that holds nothing any more. */
    private void removeIfEmpty(Path folder) {
        if (folder.equals(root) || root.equals(folder.getParent())) {
            return;
        }
        try {
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // not empty (another file landed there) or already gone: either way nothing is orphaned
        }
    }

    /** A failed read is the client's connection, not this disk: said apart from a failed write. */
    private static int read(InputStream content, byte[] buffer) {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw BlobStore.streamEndedEarly();
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // swept at the next start
            }
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SorotException(ErrorCode.INTERNAL, "Cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    /** The file behind a key, for streaming it without loading it whole. */
    public Optional<Path> path(String key) {
        var path = resolve(key);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public Optional<BlobInfo> stat(String key) {
        var path = resolve(key);
        try {
            return Optional.of(new BlobInfo(key, Files.size(path), contentType(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SorotException(ErrorCode.INTERNAL, "Cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            var path = resolve(key);
            Files.deleteIfExists(path);
            removeIfEmpty(path.getParent()); // an item's last file gone: no empty folder left behind
        } catch (IOException e) {
            throw new SorotException(ErrorCode.INTERNAL, "Cannot delete " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public UploadTicket createUpload(String uploadId, Duration validFor, long maxBytes) {
        var expires = clock.instant().plus(validFor).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var signature = signer.sign(uploadId, expires, maxBytes);
        var base = serverUrl.get().toString().replaceAll("/+$", "");
        var url = base + "/uploads/" + uploadId + "?expires=" + expires.getEpochSecond() + "&max=" + maxBytes
                + "&signature=" + signature;
        return new UploadTicket(uploadId, url, expires);
    }

    @Override
    public Optional<URI> downloadUrl(String key, Duration validFor, String contentType) {
        return Optional.empty(); // the local API sends the bytes itself
    }

    /** Removes temporary files a crash left behind, and uploads nobody used within {@code maxAge}. */
    public int sweep(Duration uploadMaxAge) {
        int removed = 0;
        var cutoff = clock.instant().minus(uploadMaxAge);
        try (Stream<Path> files = Files.walk(root)) {
            for (var path : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(path)) {
                    continue;
                }
                var name = path.getFileName().toString();
                boolean staleUpload = root.relativize(path).startsWith("uploads")
                        && Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
                boolean strayTemp = name.startsWith(TEMP_PREFIX)
                        && Files.getLastModifiedTime(path)
                                .toInstant()
                                .isBefore(clock.instant().minusSeconds(60));
                if (staleUpload || strayTemp) {
                    Files.deleteIfExists(path);
                    removed++;
                }
            }
        } catch (IOException e) {
            // a sweep is housekeeping: a file that vanished meanwhile is fine
        }
        return removed;
    }

    /** Checks the key's shape and keeps the path inside the root, whatever the key says. */
    private Path resolve(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new SorotException(ErrorCode.INTERNAL, "Not a blob key: " + key);
        }
        var path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new SorotException(ErrorCode.INTERNAL, "Not a blob key: " + key);
        }
        return path;
    }

    static String contentType(String key) {
        var lower = key.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        if (lower.endsWith(".wav")) {
            return "audio/wav";
        }
        if (lower.endsWith(".mp3")) {
            return "audio/mpeg";
        }
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (lower.endsWith(".fountain")) {
            return "text/plain; charset=utf-8";
        }
        if (lower.endsWith(".fdx")) {
            return "application/xml";
        }
        if (lower.endsWith(".highland")) {
            return "application/zip";
        }
        return "application/octet-stream";
    }
}
