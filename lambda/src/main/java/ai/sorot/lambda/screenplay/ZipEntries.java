package ai.sorot.lambda.screenplay;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A zip's files read into memory with a cap on what they expand to, counted as they inflate (the
 * sizes a zip declares can lie), and on their number. Past either cap: {@code ARCHIVE_TOO_LARGE};
 * a damaged zip: {@code UNSUPPORTED_FORMAT}.
 */
final class ZipEntries {

    record Entry(String name, byte[] bytes) {}

    private final long maxExpandedBytes;
    private final int maxEntries;

    ZipEntries(long maxExpandedBytes, int maxEntries) {
        this.maxExpandedBytes = maxExpandedBytes;
        this.maxEntries = maxEntries;
    }

    List<Entry> read(byte[] zip) {
        var entries = new ArrayList<Entry>();
        long expanded = 0;
        var buffer = new byte[64 * 1024];
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() >= maxEntries) {
                    throw tooLarge("more than " + maxEntries + " files");
                }
                var out = new ByteArrayOutputStream();
                for (int n; (n = in.read(buffer)) > 0; ) {
                    expanded += n;
                    if (expanded > maxExpandedBytes) {
                        throw tooLarge("files that expand past " + (maxExpandedBytes >> 20) + " MB");
                    }
                    out.write(buffer, 0, n);
                }
                entries.add(new Entry(entry.getName().replace('\\', '/'), out.toByteArray()));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SorotException(ErrorCode.UNSUPPORTED_FORMAT, "The archive is damaged and cannot be opened ("
                    + e.getMessage() + ").", e);
        }
        if (entries.isEmpty()) {
            throw new SorotException(ErrorCode.UNSUPPORTED_FORMAT, "The archive is empty or not a zip file.");
        }
        return entries;
    }

    private static SorotException tooLarge(String what) {
        return new SorotException(ErrorCode.ARCHIVE_TOO_LARGE, "The archive holds " + what
                + "; Sorot opens archives only up to that size.");
    }
}
