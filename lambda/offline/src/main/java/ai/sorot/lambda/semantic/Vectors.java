package ai.sorot.lambda.semantic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Vector arithmetic for embeddings: normalising, averaging, cosine similarity, storage as bytes. */
public final class Vectors {

    private Vectors() {}

    public static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        var out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** The normalised mean of the vectors. */
    public static float[] mean(List<float[]> vectors, int dimensions) {
        var sum = new float[dimensions];
        for (var v : vectors) {
            for (int i = 0; i < dimensions; i++) {
                sum[i] += v[i];
            }
        }
        return normalised(sum);
    }

    /** The normalised sum {@code a * wa + b * wb}. */
    public static float[] blend(float[] a, double wa, float[] b, double wb) {
        var out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] * wa + b[i] * wb);
        }
        return normalised(out);
    }

    /** Cosine similarity of two normalised vectors (their dot product), from -1 to 1. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    public static byte[] toBytes(float[] v) {
        var buffer = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(v);
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        var out = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
