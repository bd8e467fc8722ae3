package ai.sorot.lambda.library;

import ai.sorot.lambda.semantic.Embedder;
import ai.sorot.lambda.semantic.Vectors;
import ai.sorot.model.report.Recommendation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The semantic library at festival scale: a real library file with N analyses (default 10,000),
 * each given a synthetic vector (clustered, as real scripts' are: 40 centres plus noise) in
 * analysis_vectors, then times "similar" and the search by meaning (with the real model embedding
 * the phrase) and prints p50, p99 and max. Run by bench/semantic-bench.sh; not a test.
 */
public final class SemanticBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("sorot-semantic-bench");
        var random = new Random(7);
        try (var library = Library.open(dir)) {
            long t0 = System.nanoTime();
            if (library.size() < n) {
                library.inTransaction(() -> {
                    for (int i = library.size(); i < n; i++) {
                        library.insertRow(Reports.report("analysis-" + i, "Title " + i, "Writer " + random.nextInt(3000),
                                "A logline " + i + ".", List.of("Drama"), Recommendation.CONSIDER, random.nextInt(101), 5 + random.nextInt(120)),
                                null, false, true);
                    }
                });
            }
            var centres = new float[40][];
            for (int c = 0; c < centres.length; c++) {
                centres[c] = gaussian(random);
            }
            library.inTransaction(() -> {
                library.update("DELETE FROM analysis_vectors");
                for (int i = 0; i < n; i++) {
                    var v = gaussian(random);
                    var centre = centres[i % centres.length];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = centre[d] + 0.6f * v[d];
                    }
                    library.update("""
                            INSERT INTO analysis_vectors (analysis_id, model, analysis_key, vector)
                            SELECT id, ?, saved_at || '|' || coalesce(completed_at, ''), ? FROM analyses WHERE id = ?""",
                            Embedder.MODEL, Vectors.toBytes(Vectors.normalised(v)), "analysis-" + i);
                }
            });
            System.out.printf("%,d analyses with vectors in %.1f s (%s)%n", library.size(), (System.nanoTime() - t0) / 1e9, dir);

            var semantic = new SemanticLibrary(library);
            long load = System.nanoTime();
            semantic.byMeaning("warm up the model", 1, -1);
            System.out.printf("first use: model load, vectors read: %.0f ms%n", (System.nanoTime() - load) / 1e6);
            System.out.printf("%-52s %8s %8s %8s %5s%n", "query", "p50 ms", "p99 ms", "max ms", "rows");
            var embedder = Embedder.shared();
            time("  of which: embed the phrase (model)", () -> List.of(embedder.embed("a road movie about grief")));
            time("  of which: check for analyses to embed", () -> List.of(semantic.embedPending()));
            time("similar ID (10 closest)", () -> semantic.similar("analysis-" + random.nextInt(n), 10));
            time("phrase by meaning (20 closest, model embeds it)", () -> semantic.byMeaning("a road movie about grief", 20, -1));
            time("search box: words then meaning (50 rows)", () -> semantic.search("a detective hunts a smuggler at night", 50));
        }
    }

    private static float[] gaussian(Random random) {
        var v = new float[Embedder.DIMENSIONS];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return v;
    }

    private static void time(String name, Supplier<List<?>> query) {
        int rows = 0;
        for (int i = 0; i < 10; i++) {
            rows = query.get().size(); // warm-up
        }
        var times = new double[100];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            query.get();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        System.out.printf("%-52s %8.2f %8.2f %8.2f %5d%n", name, times[50], times[98], times[99], rows);
    }
}
