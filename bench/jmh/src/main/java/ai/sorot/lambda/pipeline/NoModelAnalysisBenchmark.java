package ai.sorot.lambda.pipeline;

import ai.sorot.lambda.api.SubmissionService;
import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.SorotHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole no-model analysis of one script in a running local backend ({@code -p script=...}): submission,
 * the five steps with the audio, the checks and the duplicate search, over the real local stores. One operation
 * is one analysis; the target is under 5 s for a 120-page script (see docs/no-model-analysis.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class NoModelAnalysisBenchmark {

    /** The script to analyse; empty: the shared corpus's Brick and Steel (3 pages, open licence). */
    @Param("")
    public String script;

    private byte[] bytes;
    private String fileName;
    private LocalBackend backend;

    @Setup(Level.Trial)
    public void open() throws Exception {
        var file = script.isEmpty()
                ? ai.sorot.lambda.screenplay.SharedFolder.path("corpus/screenplain/examples/Brick-and-Steel.pdf")
                : Path.of(script);
        bytes = Files.readAllBytes(file);
        fileName = file.getFileName().toString();
        backend = LocalBackend.open(LocalBackend.Options.defaults(new SorotHome(Files.createTempDirectory("sorot-speed")))
                .withWorkers(0));
    }

    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    @Benchmark
    public Object analyseOneScript() {
        var id = new SubmissionService(backend.backend())
                .analyzeFile(bytes, fileName, null, null, true)
                .analysisId();
        return backend.pipeline().run(id);
    }
}
