package ai.sorot.lambda.screenplay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Developer tool: parse time per page for a folder of PDFs, round after round in one JVM, for
 * the whole engine or for PDFBox's glyph extraction alone ({@code --extract-only}). Not a test.
 */
public final class ParseProfile {
    public static void main(String[] args) throws Exception {
        boolean extractOnly = args.length > 1 && args[1].equals("--extract-only");
        List<Path> files;
        try (var s = Files.list(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        var reader = new ScreenplayReader();
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime();
            int pages = 0;
            for (var f : files) {
                if (extractOnly) {
                    try (var doc = PdfDocuments.open(f)) {
                        pages += new PageGeometryExtractor(Long.MAX_VALUE).extract(doc).size();
                    }
                } else {
                    pages += reader.read(f).pageCount();
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("round %d: %d ms, %d pages, %.2f ms/page%n", round, ms, pages, ms / (double) pages);
        }
    }
}
