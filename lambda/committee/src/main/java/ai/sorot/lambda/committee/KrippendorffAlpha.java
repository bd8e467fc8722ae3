package ai.sorot.lambda.committee;

import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Krippendorff's alpha for ratings on a 1..k scale: {@code 1 - D_o / D_e}, the disagreement
 * observed between readers of the same script over the disagreement expected by chance, computed
 * from the coincidence matrix as in Krippendorff, "Computing Krippendorff's Alpha-Reliability"
 * (2011). Scripts with fewer than two ratings cannot be compared and are left out. Missing
 * ratings are simply absent from a unit's list.
 */
public final class KrippendorffAlpha {

    /** How far apart two values are. Committee ratings are ordinal: a 2 and a 4 are not "twice" apart. */
    public enum Metric {
        NOMINAL,
        ORDINAL,
        INTERVAL
    }

    private KrippendorffAlpha() {}

    /**
     * Alpha over {@code units} (each the ratings one script received); empty when fewer than two
     * values can be paired or when every paired value is the same (no variation: alpha undefined).
     */
    public static OptionalDouble alpha(List<List<Integer>> units, Metric metric) {
        var values = new TreeMap<Integer, Integer>(); // value -> index
        for (var unit : units) {
            if (unit.size() >= 2) {
                unit.forEach(v -> values.putIfAbsent(v, 0));
            }
        }
        if (values.size() < 2) {
            return OptionalDouble.empty();
        }
        var keys = values.keySet().stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < keys.length; i++) {
            values.put(keys[i], i);
        }
        int size = keys.length;
        var coincidences = new double[size][size];
        for (var unit : units) {
            int m = unit.size();
            if (m < 2) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        coincidences[values.get(unit.get(i))][values.get(unit.get(j))] += 1.0 / (m - 1);
                    }
                }
            }
        }
        var marginals = new double[size];
        double n = 0;
        for (int c = 0; c < size; c++) {
            for (int k = 0; k < size; k++) {
                marginals[c] += coincidences[c][k];
            }
            n += marginals[c];
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < size; c++) {
            for (int k = 0; k < size; k++) {
                double delta = delta(metric, c, k, keys, marginals);
                observed += coincidences[c][k] * delta;
                expected += marginals[c] * marginals[k] * delta;
            }
        }
        if (expected == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1 - (n - 1) * observed / expected);
    }

    /** The squared difference between values {@code c} and {@code k} (indices into {@code keys}). */
    private static double delta(Metric metric, int c, int k, int[] keys, double[] marginals) {
        if (c == k) {
            return 0;
        }
        return switch (metric) {
            case NOMINAL -> 1;
            case INTERVAL -> Math.pow(keys[c] - keys[k], 2);
            case ORDINAL -> {
                int low = Math.min(c, k);
                int high = Math.max(c, k);
                double sum = 0;
                for (int g = low; g <= high; g++) {
                    sum += marginals[g];
                }
                sum -= (marginals[c] + marginals[k]) / 2;
                yield sum * sum;
            }
        };
    }
}
