package ai.sorot.lambda.aws.polly;

/**
 * Reads MPEG audio frame headers to tell how long an MP3 plays, without decoding it. Polly's MP3
 * is a bare run of MPEG-2 Layer III frames (24 kHz for the neural voices); the summaries of
 * several requests are joined by concatenating their frames, which players read as one file.
 * An ID3v2 tag at the start, which some encoders write, is skipped.
 */
public final class Mp3Frames {

    /** What the frames say: how many, how many seconds. */
    public record Summary(int frames, double seconds, int sampleRate) {}

    private static final int[][] BITRATES = { // kbit/s by [version == MPEG-1 ? 0 : 1][index], Layer III
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1},
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1}
    };
    private static final int[][] SAMPLE_RATES = { // by [version bits][index]
        {11025, 12000, 8000}, // MPEG-2.5
        {-1, -1, -1}, // reserved
        {22050, 24000, 16000}, // MPEG-2
        {44100, 48000, 32000}
    }; // MPEG-1

    private Mp3Frames() {}

    /** Walks the frames; throws IllegalArgumentException when the bytes are not Layer III MPEG audio. */
    public static Summary read(byte[] mp3) {
        int pos = skipId3(mp3);
        int frames = 0;
        long samples = 0;
        int sampleRate = 0;
        while (pos + 4 <= mp3.length) {
            int h = ((mp3[pos] & 0xff) << 24)
                    | ((mp3[pos + 1] & 0xff) << 16)
                    | ((mp3[pos + 2] & 0xff) << 8)
                    | (mp3[pos + 3] & 0xff);
            if ((h >>> 21) != 0x7ff) {
                if (frames > 0 && isTrailer(mp3, pos)) {
                    break; // an ID3v1 tag or padding after the last frame
                }
                throw new IllegalArgumentException("no MPEG frame at byte " + pos);
            }
            int version = (h >>> 19) & 3;
            int layer = (h >>> 17) & 3;
            int bitrateIndex = (h >>> 12) & 15;
            int rateIndex = (h >>> 10) & 3;
            int padding = (h >>> 9) & 1;
            if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
                throw new IllegalArgumentException("not a Layer III frame header at byte " + pos);
            }
            boolean mpeg1 = version == 3;
            int bitrate = BITRATES[mpeg1 ? 0 : 1][bitrateIndex] * 1000;
            int rate = SAMPLE_RATES[version][rateIndex];
            int samplesPerFrame = mpeg1 ? 1152 : 576;
            int length = (samplesPerFrame / 8) * bitrate / rate + padding;
            if (length < 4) {
                throw new IllegalArgumentException("a frame too short at byte " + pos);
            }
            frames++;
            samples += samplesPerFrame;
            sampleRate = rate;
            pos += length;
        }
        if (frames == 0) {
            throw new IllegalArgumentException("no MPEG audio frames");
        }
        return new Summary(frames, (double) samples / sampleRate, sampleRate);
    }

    /** Joins MP3s frame to frame, dropping any ID3v2 tag but the first file's. */
    public static byte[] join(java.util.List<byte[]> parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            var part = parts.get(i);
            int from = i == 0 ? 0 : skipId3(part);
            out.write(part, from, part.length - from);
        }
        return out.toByteArray();
    }

    private static int skipId3(byte[] mp3) {
        if (mp3.length >= 10 && mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3') {
            int size = ((mp3[6] & 0x7f) << 21) | ((mp3[7] & 0x7f) << 14) | ((mp3[8] & 0x7f) << 7) | (mp3[9] & 0x7f);
            boolean footer = (mp3[5] & 0x10) != 0;
            return Math.min(mp3.length, 10 + size + (footer ? 10 : 0));
        }
        return 0;
    }

    private static boolean isTrailer(byte[] mp3, int pos) {
        if (mp3.length - pos == 128 && mp3[pos] == 'T' && mp3[pos + 1] == 'A' && mp3[pos + 2] == 'G') {
            return true;
        }
        for (int i = pos; i < mp3.length; i++) {
            if (mp3[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
