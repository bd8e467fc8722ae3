package ai.sorot.lambda.screenplay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Developer tool: warm-JVM parse time per page for a folder of PDFs. Not a test. */
public final class ParseProfile {
    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (var s = Files.list(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        var reader = new ScreenplayReader();
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            int pages = 0;
            for (var f : files) {
                pages += reader.read(f).pageCount();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("round %d: %d ms, %d pages, %.2f ms/page%n", round, ms, pages, ms / (double) pages);
        }
    }
}
