package ai.sorot.lambda.archive;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The one way Sorot opens a zip (session bundles, Highland screenplays): only the entries the
 * caller names are expanded, one at a time and never the whole archive into memory, and every
 * byte expanded is counted against caps on an entry, on the whole archive and on the number of
 * entries, and against a compression ratio no real document reaches. A zip bomb is refused with
 * {@link ErrorCode#ARCHIVE_TOO_LARGE} as soon as a cap is crossed, not after it has been expanded.
 *
 * <p>A file on disk is opened with {@link #open(Path, Limits)}: the central directory gives the
 * names without expanding anything, so a caller can refuse an archive that lacks what its format
 * needs before reading a byte of it. Bytes already in memory (an upload) go through
 * {@link #readMatching(InputStream, Limits, Predicate)}, which streams the entries in order.
 *
 * <p>A damaged or non-zip input throws {@link ZipException}; the caller says what it expected.
 */
public final class BoundedZipReader implements AutoCloseable {

    /**
     * What an archive may expand to. {@code maxRatio} is expanded bytes per compressed byte, checked
     * once an entry has passed {@link #RATIO_GRACE_BYTES} (small text files compress well).
     */
    public record Limits(long maxEntryBytes, long maxTotalBytes, int maxEntries, int maxRatio) {

        /** A document inside a zip (a Highland screenplay): text and a few small resources. */
        public static final Limits DOCUMENT = new Limits(50L << 20, 100L << 20, 1_000, 100);
        /** A session bundle: reports, audio summaries and screenplays of a whole session. */
        public static final Limits SESSION_BUNDLE = new Limits(300L << 20, 4L << 30, 20_000, 100);

        public Limits {
            if (maxEntryBytes <= 0 || maxTotalBytes <= 0 || maxEntries <= 0 || maxRatio <= 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /** Below this an entry's compression ratio is not checked. */
    public static final long RATIO_GRACE_BYTES = 1L << 20;

    private final ZipFile zip;
    private final Limits limits;
    private final List<String> names;
    private final long archiveBytes;
    private long expanded;

    private BoundedZipReader(ZipFile zip, Limits limits, List<String> names, long archiveBytes) {
        this.zip = zip;
        this.limits = limits;
        this.names = names;
        this.archiveBytes = archiveBytes;
    }

    /**
     * Opens a zip on disk and reads its central directory (names and declared sizes, nothing
     * expanded). Refuses an archive with more entries than the limits allow.
     */
    public static BoundedZipReader open(Path archive, Limits limits) throws IOException {
        var zip = new ZipFile(archive.toFile());
        try {
            if (zip.size() > limits.maxEntries()) {
                throw tooMany(limits);
            }
            var names = new ArrayList<String>(zip.size());
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                names.add(entries.nextElement().getName());
            }
            return new BoundedZipReader(
                    zip, limits, Collections.unmodifiableList(names), java.nio.file.Files.size(archive));
        } catch (RuntimeException | Error e) {
            zip.close();
            throw e;
        }
    }

    /** Every entry's name, in the central directory's order (folders end with a slash). */
    public List<String> names() {
        return names;
    }

    public boolean contains(String name) {
        return zip.getEntry(name) != null && !zip.getEntry(name).isDirectory();
    }

    /** Bytes expanded so far by this reader, across every entry read. */
    public long expandedBytes() {
        return expanded;
    }

    /** Reads one entry whole, under the caps. Throws {@link java.nio.file.NoSuchFileException} when absent. */
    public byte[] read(String name) throws IOException {
        try (var in = stream(name)) {
            return in.readAllBytes();
        }
    }

    /** Reads every entry whose name {@code wanted} accepts, in archive order; the rest stay compressed. */
    public Map<String, byte[]> readMatching(Predicate<String> wanted) throws IOException {
        var out = new LinkedHashMap<String, byte[]>();
        for (var name : names) {
            if (!name.endsWith("/") && wanted.test(name) && !out.containsKey(name)) {
                out.put(name, read(name));
            }
        }
        return out;
    }

    /**
     * Opens one entry as a stream that throws {@link ErrorCode#ARCHIVE_TOO_LARGE} the moment it
     * passes a cap, for a caller that copies a large entry to disk rather than into memory. An entry
     * whose declared sizes already break a cap is refused before anything is expanded.
     */
    public InputStream stream(String name) throws IOException {
        var entry = zip.getEntry(name);
        if (entry == null || entry.isDirectory()) {
            throw new java.nio.file.NoSuchFileException(name, null, "no such entry in the archive");
        }
        checkDeclared(entry);
        // a packed size larger than the file is a lie; the file's size bounds what can be read
        long packed = entry.getCompressedSize() < 0 ? archiveBytes : Math.min(entry.getCompressedSize(), archiveBytes);
        return new Counted(zip.getInputStream(entry), packed, name, this);
    }

    private void checkDeclared(ZipEntry entry) {
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size > limits.maxEntryBytes()) {
            throw entryTooLarge(entry.getName(), limits);
        }
        if (size >= 0 && expanded + size > limits.maxTotalBytes()) {
            throw totalTooLarge(limits);
        }
        if (size > RATIO_GRACE_BYTES && compressed >= 0 && size > compressed * limits.maxRatio()) {
            throw ratioTooHigh(entry.getName(), limits);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /**
     * Streams a zip (bytes already in memory, an upload) and returns the entries {@code wanted}
     * accepts, in order. An entry not wanted is still expanded to reach the next one (a zip stream
     * has no index), so its bytes count against the total and the ratio too.
     */
    public static Map<String, byte[]> readMatching(InputStream archive, Limits limits, Predicate<String> wanted)
            throws IOException {
        var compressed = new CountingInput(archive);
        var out = new LinkedHashMap<String, byte[]>();
        long total = 0;
        int count = 0;
        try (var zip = new ZipInputStream(compressed)) {
            ZipEntry entry;
            var buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                if (++count > limits.maxEntries()) {
                    throw tooMany(limits);
                }
                boolean keep =
                        !entry.isDirectory() && wanted.test(entry.getName()) && !out.containsKey(entry.getName());
                var content = keep ? new ByteArrayOutputStream() : null;
                long size = 0;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    size += n;
                    total += n;
                    if (size > limits.maxEntryBytes()) {
                        throw entryTooLarge(entry.getName(), limits);
                    }
                    if (total > limits.maxTotalBytes()) {
                        throw totalTooLarge(limits);
                    }
                    if (total > RATIO_GRACE_BYTES && total > compressed.count * limits.maxRatio()) {
                        throw ratioTooHigh(entry.getName(), limits);
                    }
                    if (content != null) {
                        content.write(buffer, 0, n);
                    }
                }
                if (content != null) {
                    out.put(entry.getName(), content.toByteArray());
                }
            }
        }
        if (count == 0) {
            throw new ZipException("not a zip archive (no entries)");
        }
        return out;
    }

    private static SorotException tooMany(Limits limits) {
        return new SorotException(
                ErrorCode.ARCHIVE_TOO_LARGE,
                "The archive holds more than " + limits.maxEntries() + " files; Sorot does not open it.");
    }

    private static SorotException entryTooLarge(String name, Limits limits) {
        return new SorotException(
                ErrorCode.ARCHIVE_TOO_LARGE,
                "\"" + name + "\" in the archive expands beyond " + megabytes(limits.maxEntryBytes())
                        + "; Sorot does not open it.");
    }

    private static SorotException totalTooLarge(Limits limits) {
        return new SorotException(
                ErrorCode.ARCHIVE_TOO_LARGE,
                "The archive expands beyond " + megabytes(limits.maxTotalBytes()) + "; Sorot does not open it.");
    }

    private static SorotException ratioTooHigh(String name, Limits limits) {
        return new SorotException(
                ErrorCode.ARCHIVE_TOO_LARGE,
                "\"" + name + "\" in the archive expands more than " + limits.maxRatio()
                        + " times its packed size, which no real document does (a zip bomb?); Sorot does not open it.");
    }

    private static String megabytes(long bytes) {
        return bytes >= 1L << 30 ? (bytes >> 30) + " GB" : (bytes >> 20) + " MB";
    }

    /** One entry's expanded bytes, checked against the caps as they are read. */
    private static final class Counted extends FilterInputStream {
        private final long compressed;
        private final String name;
        private final BoundedZipReader owner;
        private long size;

        Counted(InputStream in, long compressed, String name, BoundedZipReader owner) {
            super(in);
            this.compressed = compressed;
            this.name = name;
            this.owner = owner;
        }

        @Override
        public int read() throws IOException {
            var one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // never hand out more than the caps leave, so a cap is hit without expanding further
            if (len == 0) {
                return 0;
            }
            var limits = owner.limits;
            long ratioCap = Math.max(RATIO_GRACE_BYTES, Math.max(compressed, 1) * limits.maxRatio());
            long room = Math.min(
                    Math.min(limits.maxEntryBytes(), ratioCap) - size, limits.maxTotalBytes() - owner.expanded);
            int n = super.read(b, off, (int) Math.min(len, room + 1));
            if (n <= 0) {
                return n;
            }
            size += n;
            owner.expanded += n;
            if (size > limits.maxEntryBytes()) {
                throw entryTooLarge(name, limits);
            }
            if (owner.expanded > limits.maxTotalBytes()) {
                throw totalTooLarge(limits);
            }
            // the declared packed size bounds what is read from the file, so it bounds the ratio too
            if (size > ratioCap) {
                throw ratioTooHigh(name, limits);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            var buffer = new byte[(int) Math.min(n, 8192)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }

    /** Compressed bytes consumed, for the ratio check of a streamed zip. */
    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += Math.max(0, s);
            return s;
        }
    }
}
