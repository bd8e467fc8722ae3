package ai.sorot.lambda.offline;

import ai.sorot.lambda.semantic.Embedder;
import ai.sorot.lambda.semantic.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The key lines of a script's acts by embedding centrality: each act's lines that are closest in
 * meaning to the act as a whole (the mean of its lines' sentence embeddings), so the lines most
 * representative of their part, wherever they stand in it. A sample of each act's lines is
 * embedded, all acts in one batch, to stay within the analysis's time budget.
 */
final class KeyLines {

    /** Lines embedded per act: enough to find the act's centre, few enough to embed in a fraction of a second. */
    static final int SAMPLE_PER_ACT = 24;
    /** Two picks closer than this say the same thing; the second is skipped. */
    static final double SAME_MEANING = 0.8;

    private KeyLines() {}

    /** The central lines of each act, {@code counts[act]} of them at most, in each act's order of centrality. */
    static <T> List<List<T>> central(List<List<T>> acts, Function<T, String> text, int[] counts, Embedder embedder) {
        var samples = new ArrayList<List<T>>();
        var texts = new ArrayList<String>();
        for (var act : acts) {
            var sample = evenly(act, SAMPLE_PER_ACT);
            samples.add(sample);
            sample.forEach(line -> texts.add(text.apply(line)));
        }
        var vectors = embedder.embed(texts);
        var out = new ArrayList<List<T>>();
        int next = 0;
        for (int a = 0; a < samples.size(); a++) {
            var sample = samples.get(a);
            var own = vectors.subList(next, next + sample.size());
            next += sample.size();
            out.add(pick(sample, own, a < counts.length ? counts[a] : 0));
        }
        return out;
    }

    private static <T> List<T> pick(List<T> lines, List<float[]> vectors, int n) {
        if (lines.isEmpty() || n <= 0) {
            return List.of();
        }
        var centre = Vectors.normalised(Vectors.mean(vectors, Embedder.DIMENSIONS));
        var order = new ArrayList<Integer>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> dot(vectors.get(i), centre))
                .reversed());
        var chosen = new ArrayList<Integer>();
        for (int i : order) {
            if (chosen.size() == n) {
                break;
            }
            if (chosen.stream().noneMatch(c -> dot(vectors.get(c), vectors.get(i)) > SAME_MEANING)) {
                chosen.add(i);
            }
        }
        return chosen.stream().map(lines::get).toList();
    }

    /** Up to {@code n} items spread evenly through {@code all}. */
    static <T> List<T> evenly(List<T> all, int n) {
        if (all.size() <= n) {
            return all;
        }
        var out = new ArrayList<T>(n);
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) ((long) i * all.size() / n)));
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
