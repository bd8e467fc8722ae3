package ai.sorot.lambda.screenplay;

import java.nio.file.Path;

/** Developer tool: prints each line's page, baseline and word positions. Not a test. */
public final class GeometryDump {
    public static void main(String[] args) throws Exception {
        try (var doc = PdfDocuments.open(Path.of(args[0]))) {
            int maxPage = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
            for (var page : new PageGeometryExtractor(Long.MAX_VALUE).extract(doc)) {
                if (page.number() > maxPage) break;
                System.out.printf("=== page %d %.0fx%.0f%n", page.number(), page.width(), page.height());
                for (var line : page.lines()) {
                    var sb = new StringBuilder();
                    for (var w : line.words()) sb.append(String.format(" [%.1f-%.1f%s%s]%s", w.x0(), w.x1(), w.bold() ? "B" : "", w.italic() ? "I" : "", w.text()));
                    System.out.printf("%6.1f %4.1f%s%n", line.y(), line.words().get(0).fontSize(), sb);
                }
            }
        }
    }
}
