package ai.sorot.desktop.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A real PCM WAV file (a quiet tone), what the local narrator writes, for the audio route. */
public final class Wav {

    private Wav() {}

    public static byte[] tone(double seconds) {
        int rate = 16_000;
        int samples = (int) (rate * seconds);
        var data = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            data.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 3000));
        }
        var header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        header.put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(rate * 2)
                .putShort((short) 2)
                .putShort((short) 16);
        header.put("data".getBytes()).putInt(samples * 2);
        var out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
