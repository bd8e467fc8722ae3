package ai.sorot.lambda.checks;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;

/**
 * A script's text fingerprint: MinHash over 5-word shingles of its action and dialogue. Two
 * fingerprints estimate the Jaccard similarity of their shingle sets: the same script as another
 * file, format or title comes out near 1, a light revision well above {@link #SAME_SCRIPT}, two
 * different scripts near 0 (they share stock phrases, not runs of five words). Titles, headings
 * and cues are left out, so a renamed script or a reformatted one still matches.
 */
public record Fingerprint(int[] minima) {

    static final int HASHES = 128;
    static final int SHINGLE = 5;
    /** Estimated similarity from which two scripts are reported as possibly the same. */
    public static final double SAME_SCRIPT = 0.45;
    /** Too few shingles to say anything (a page or two). */
    static final int MIN_SHINGLES = 40;

    public Fingerprint {
        if (minima.length != HASHES) {
            throw new IllegalArgumentException("a fingerprint has " + HASHES + " values");
        }
    }

    /** The fingerprint of these paragraphs, or null when they are too short to fingerprint. */
    public static Fingerprint of(List<List<String>> paragraphs) {
        var minima = new int[HASHES];
        java.util.Arrays.fill(minima, Integer.MAX_VALUE);
        int shingles = 0;
        for (var paragraph : paragraphs) {
            for (int i = 0; i + SHINGLE <= paragraph.size(); i++) {
                long h = 1125899906842597L;
                for (int j = i; j < i + SHINGLE; j++) {
                    h = 31 * h + paragraph.get(j).hashCode();
                }
                shingles++;
                long x = mix(h);
                for (int k = 0; k < HASHES; k++) {
                    // one 64-bit hash, re-mixed per slot: independent enough for MinHash, and cheap
                    int v = (int) (mix(x + 0x9E3779B97F4A7C15L * (k + 1)) >>> 33);
                    if (v < minima[k]) {
                        minima[k] = v;
                    }
                }
            }
        }
        return shingles < MIN_SHINGLES ? null : new Fingerprint(minima);
    }

    public static Fingerprint of(ai.sorot.model.screenplay.Screenplay screenplay) {
        return of(ProseWords.paragraphs(screenplay));
    }

    /** Estimated Jaccard similarity of the two scripts' shingle sets, 0..1. */
    public double similarity(Fingerprint other) {
        int same = 0;
        for (int k = 0; k < HASHES; k++) {
            if (minima[k] == other.minima[k]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    public String encode() {
        var buffer = ByteBuffer.allocate(HASHES * 4);
        for (int v : minima) {
            buffer.putInt(v);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    public static Fingerprint decode(String text) {
        var buffer = ByteBuffer.wrap(Base64.getDecoder().decode(text));
        var minima = new int[HASHES];
        for (int k = 0; k < HASHES; k++) {
            minima[k] = buffer.getInt();
        }
        return new Fingerprint(minima);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && java.util.Arrays.equals(minima, f.minima);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(minima);
    }
}
