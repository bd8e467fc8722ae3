package ai.sorot.lambda.offline;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Just enough of the WAV format: write 16-bit mono PCM, and read back how long a file plays. */
public final class Wav {

    private Wav() {}

    /** A canonical 44-byte-header WAV of little-endian 16-bit mono samples. */
    public static byte[] pcm16Mono(byte[] littleEndianSamples, int sampleRate) {
        var out = new ByteArrayOutputStream(44 + littleEndianSamples.length);
        var header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + littleEndianSamples.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(sampleRate)
                .putInt(sampleRate * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(littleEndianSamples.length);
        out.writeBytes(header.array());
        out.writeBytes(littleEndianSamples);
        return out.toByteArray();
    }

    /**
     * The same WAV with its RIFF and data sizes set to what the bytes hold: a WAV written to a pipe
     * (espeak-ng --stdout) cannot seek back to fill them in and says 2 GB. Left as it is when it
     * is not a WAV or has no data chunk.
     */
    public static byte[] withExactSizes(byte[] wav) {
        if (wav.length < 12 || !ascii(wav, 0, "RIFF") || !ascii(wav, 8, "WAVE")) {
            return wav;
        }
        var fixed = wav.clone();
        var buffer = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= fixed.length) {
            long size = Integer.toUnsignedLong(buffer.getInt(pos + 4));
            if (ascii(fixed, pos, "data")) {
                buffer.putInt(pos + 4, fixed.length - pos - 8);
                buffer.putInt(4, fixed.length - 8);
                return fixed;
            }
            if (pos + 8 + size + (size & 1) > fixed.length) {
                return wav;
            }
            pos += 8 + (int) (size + (size & 1));
        }
        return wav;
    }

    /** Seconds of audio in a PCM WAV file, from its fmt and data chunks; -1 when it is not one. */
    public static double durationSeconds(byte[] wav) {
        if (wav.length < 12 || !ascii(wav, 0, "RIFF") || !ascii(wav, 8, "WAVE")) {
            return -1;
        }
        var buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int byteRate = 0;
        int pos = 12;
        while (pos + 8 <= wav.length) {
            long size = Integer.toUnsignedLong(buffer.getInt(pos + 4));
            if (ascii(wav, pos, "fmt ") && pos + 16 <= wav.length) {
                byteRate = buffer.getInt(pos + 16);
            } else if (ascii(wav, pos, "data")) {
                long available = Math.min(size, wav.length - pos - 8L); // streamed headers overstate the size
                return byteRate <= 0 ? -1 : (double) available / byteRate;
            }
            pos += 8 + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - pos - 8);
        }
        return -1;
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        if (at + text.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
