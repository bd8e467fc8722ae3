package ai.sorot.lambda.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * k-means over normalised vectors with cosine similarity (spherical k-means), seeded the k-means++
 * way from a fixed seed so that the same library gives the same groups every time.
 */
public final class KMeans {

    private KMeans() {}

    /** The cluster of each vector, 0 to k-1 (fewer clusters when there are fewer vectors). */
    public static int[] cluster(List<float[]> vectors, int k) {
        int n = vectors.size();
        var assignment = new int[n];
        if (n == 0) {
            return assignment;
        }
        k = Math.max(1, Math.min(k, n));
        var random = new Random(42);
        var centres = new ArrayList<float[]>();
        centres.add(vectors.get(random.nextInt(n)));
        var distance = new double[n];
        while (centres.size() < k) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double best = Double.MAX_VALUE;
                for (var c : centres) {
                    best = Math.min(best, 1 - Vectors.cosine(vectors.get(i), c));
                }
                distance[i] = Math.max(0, best) * Math.max(0, best);
                total += distance[i];
            }
            if (total == 0) {
                break; // every vector sits on a centre already
            }
            double pick = random.nextDouble() * total;
            int chosen = 0;
            for (; chosen < n - 1 && pick > distance[chosen]; chosen++) {
                pick -= distance[chosen];
            }
            centres.add(vectors.get(chosen));
        }
        Arrays.fill(assignment, -1);
        for (int round = 0; round < 50; round++) {
            boolean moved = false;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestSimilarity = -2;
                for (int c = 0; c < centres.size(); c++) {
                    double s = Vectors.cosine(vectors.get(i), centres.get(c));
                    if (s > bestSimilarity) {
                        bestSimilarity = s;
                        best = c;
                    }
                }
                if (assignment[i] != best) {
                    assignment[i] = best;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
            for (int c = 0; c < centres.size(); c++) {
                var members = new ArrayList<float[]>();
                for (int i = 0; i < n; i++) {
                    if (assignment[i] == c) {
                        members.add(vectors.get(i));
                    }
                }
                if (!members.isEmpty()) {
                    centres.set(c, Vectors.mean(members, members.getFirst().length));
                }
            }
        }
        return assignment;
    }
}
