package ai.sorot.lambda.screenplay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The screenplay engine's parse time for a folder of PDFs ({@code -p folder=...}; by default the open-licence
 * corpus in the shared folder that {@code bench/jmh.sh} finds): the whole engine, and PDFBox's glyph extraction
 * alone, to see which part of the time is the engine's own. One operation reads every PDF of the folder once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(1)
public class ParseBenchmark {

    /** A folder of PDFs, searched with its subfolders; empty: the shared corpus. */
    @Param("")
    public String folder;

    private List<Path> files;
    private final ScreenplayReader reader = new ScreenplayReader();

    @Setup
    public void list() throws IOException {
        var dir = folder.isEmpty() ? SharedFolder.path("corpus") : Path.of(folder);
        try (var s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no PDF in " + dir.toAbsolutePath());
        }
    }

    @Benchmark
    public void wholeEngine(Blackhole sink) {
        for (var f : files) {
            sink.consume(reader.read(f));
        }
    }

    @Benchmark
    public void glyphExtractionOnly(Blackhole sink) {
        for (var f : files) {
            try (var doc = PdfDocuments.open(f)) {
                sink.consume(new PageGeometryExtractor(Long.MAX_VALUE).extract(doc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
