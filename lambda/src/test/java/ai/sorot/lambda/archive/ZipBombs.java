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
        var central = new ByteArrayOutputStream();
        try (OutputStream out = Files.newOutputStream(file)) {
            long offset = 0;
            for (var name : names) {
                var nameBytes = name.getBytes(StandardCharsets.UTF_8);
                var local = header(30 + nameBytes.length);
                local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                        .putShort((short) 0).putShort((short) 0x21).putInt((int) packed.crc())
                        .putInt(packed.data().length).putInt((int) declaredSize)
                        .putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes);
                out.write(local.array());
                out.write(packed.data());
                var entry = header(46 + nameBytes.length);
                entry.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                        .putShort((short) 8).putShort((short) 0).putShort((short) 0x21).putInt((int) packed.crc())
                        .putInt(packed.data().length).putInt((int) declaredSize).putShort((short) nameBytes.length)
                        .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                        .putInt(0).putInt((int) offset).put(nameBytes);
                central.write(entry.array());
                offset += local.capacity() + packed.data().length;
            }
            out.write(central.toByteArray());
            var end = header(22);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) names.length)
                    .putShort((short) names.length).putInt(central.size()).putInt((int) offset).putShort((short) 0);
            out.write(end.array());
        }
        return file;
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
