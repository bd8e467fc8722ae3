package ai.sorot.lambda.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Real zip bombs for tests: one entry of zeros is deflated once, then its packed bytes are written
 * under many names, so a 12 MB archive expands to gigabytes without the test expanding it. The
 * declared expanded size may be the truth or a lie (a bomb that hides its size).
 */
public final class ZipBombs {

    private ZipBombs() {}

    /** The deflated form of {@code size} zero bytes, with its CRC. */
    public record Packed(byte[] data, long size, long crc) {}

    public static Packed zeros(long size) {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        var out = new ByteArrayOutputStream();
        var chunk = new byte[1 << 20];
        var buffer = new byte[64 * 1024];
        var crc = new CRC32();
        for (long left = size; left > 0; left -= chunk.length) {
            int n = (int) Math.min(left, chunk.length);
            crc.update(chunk, 0, n);
            deflater.setInput(chunk, 0, n);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return new Packed(out.toByteArray(), size, crc.getValue());
    }

    /**
     * Writes a zip whose entries all hold {@code packed}, named by {@code names}; {@code declaredSize}
     * is what the headers claim the entry expands to (pass {@code packed.size()} for an honest bomb).
     */
    public static Path write(Path file, Packed packed, long declaredSize, String... names) throws IOException {
        return write(file, java.util.Map.of(), packed, declaredSize, names);
    }

    /** As {@link #write(Path, Packed, long, String...)}, with ordinary small entries first (stored as they are). */
    public static Path write(
            Path file, java.util.Map<String, byte[]> plain, Packed packed, long declaredSize, String... names)
            throws IOException {
        var central = new ByteArrayOutputStream();
        try (OutputStream out = Files.newOutputStream(file)) {
            long offset = 0;
            for (var entry : plain.entrySet()) {
                offset += entry(
                        out,
                        central,
                        offset,
                        entry.getKey(),
                        0,
                        entry.getValue(),
                        crc(entry.getValue()),
                        entry.getValue().length);
            }
            for (var name : names) {
                offset += entry(out, central, offset, name, 8, packed.data(), packed.crc(), declaredSize);
            }
            out.write(central.toByteArray());
            var end = header(22);
            int count = plain.size() + names.length;
            end.putInt(0x06054b50)
                    .putShort((short) 0)
                    .putShort((short) 0)
                    .putShort((short) count)
                    .putShort((short) count)
                    .putInt(central.size())
                    .putInt((int) offset)
                    .putShort((short) 0);
            out.write(end.array());
        }
        return file;
    }

    private static long crc(byte[] data) {
        var crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    /** Writes one local entry and its central record; returns the bytes written to {@code out}. */
    private static long entry(
            OutputStream out,
            ByteArrayOutputStream central,
            long offset,
            String name,
            int method,
            byte[] data,
            long crc,
            long declaredSize)
            throws IOException {
        var nameBytes = name.getBytes(StandardCharsets.UTF_8);
        var local = header(30 + nameBytes.length);
        local.putInt(0x04034b50)
                .putShort((short) 20)
                .putShort((short) 0)
                .putShort((short) method)
                .putShort((short) 0)
                .putShort((short) 0x21)
                .putInt((int) crc)
                .putInt(data.length)
                .putInt((int) declaredSize)
                .putShort((short) nameBytes.length)
                .putShort((short) 0)
                .put(nameBytes);
        out.write(local.array());
        out.write(data);
        var record = header(46 + nameBytes.length);
        record.putInt(0x02014b50)
                .putShort((short) 20)
                .putShort((short) 20)
                .putShort((short) 0)
                .putShort((short) method)
                .putShort((short) 0)
                .putShort((short) 0x21)
                .putInt((int) crc)
                .putInt(data.length)
                .putInt((int) declaredSize)
                .putShort((short) nameBytes.length)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0)
                .putInt(0)
                .putInt((int) offset)
                .put(nameBytes);
        central.write(record.array());
        return local.capacity() + data.length;
    }

    /** {@code count} names made from a pattern with one {@code %d}. */
    public static String[] names(String pattern, int count) {
        var names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = pattern.formatted(i);
        }
        return names;
    }

    private static ByteBuffer header(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
