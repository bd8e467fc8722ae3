package ai.sorot.lambda.pipeline;

import ai.sorot.lambda.api.SubmissionService;
import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.SorotHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;

/**
 * How long the whole no-model analysis of one script takes in a running backend (the five steps,
 * audio included, checks and the duplicate search too), over the real local stores. Prints each
 * run and the median; the first run pays for class loading. Run by bench/no-model-speed.sh.
 */
public final class NoModelSpeed {

    private NoModelSpeed() {}

    public static void main(String[] args) throws Exception {
        var file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var bytes = Files.readAllBytes(file);
        var home = Files.createTempDirectory("sorot-speed");
        var backend = LocalBackend.open(LocalBackend.Options.defaults(new SorotHome(home)).withWorkers(0));
        try {
            var times = new ArrayList<Double>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                var id = new SubmissionService(backend.backend()).analyzeFile(bytes, file.getFileName().toString(), null,
                        null, true).analysisId();
                var outcome = backend.pipeline().run(id);
                double seconds = (System.nanoTime() - start) / 1e9;
                times.add(seconds);
                System.out.printf(Locale.ROOT, "run %d: %s in %.2f s%n", i + 1, outcome, seconds);
            }
            var sorted = times.stream().skip(1).sorted().toList();
            System.out.printf(Locale.ROOT, "median of runs 2-%d: %.2f s%n", runs, sorted.get(sorted.size() / 2));
        } finally {
            backend.close();
        }
    }
}
