package ai.sorot.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks find the shared corpora and tools from the repository, on any machine. */
class BenchScriptsTest {

    private static final Path BENCH = Path.of("..", "bench");
    private static final Path FINDER = BENCH.resolve("lib/shared.sh").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void noBenchScriptNamesAPathOfOneMachine() throws Exception {
        var machinePath = Pattern.compile("(?<![\\w.$}])/(work|home|Users|root)/");
        var offenders = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(BENCH)) {
            for (var file : files.filter(p -> p.toString().matches(".*\\.(sh|py)$"))
                    .sorted()
                    .toList()) {
                var lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (machinePath.matcher(lines.get(i)).find()) {
                        offenders.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private record Found(int exit, String out) {}

    private Found find(Path root, String sorotShared) throws Exception {
        var builder = new ProcessBuilder(
                        "bash", "-c", "source \"$0\" && sorot_shared \"$1\"", FINDER.toString(), root.toString())
                .redirectErrorStream(true);
        builder.environment().remove("SOROT_SHARED");
        if (sorotShared != null) {
            builder.environment().put("SOROT_SHARED", sorotShared);
        }
        var process = builder.start();
        var out = new String(process.getInputStream().readAllBytes()).strip();
        return new Found(process.waitFor(), out);
    }

    @Test
    void theSharedFolderIsBesideTheRepositoryOrNamedBySorotShared() throws Exception {
        var repo = Files.createDirectories(dir.resolve("checkout/sorot"));
        var shared = Files.createDirectories(dir.resolve("checkout/shared"));
        assertThat(find(repo, null)).isEqualTo(new Found(0, shared.toRealPath().toString()));

        var elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        assertThat(find(repo, elsewhere.toString()))
                .isEqualTo(new Found(0, elsewhere.toRealPath().toString()));
    }

    @Test
    void withoutOneTheScriptSaysToSetSorotShared() throws Exception {
        var lonely = Files.createDirectories(dir.resolve("lonely/sorot"));
        var found = find(lonely, null);
        assertThat(found.exit()).isNotZero();
        assertThat(found.out()).contains("set SOROT_SHARED");
    }

    @Test
    void everyBenchScriptThatUsesTheSharedFolderAsksTheFinder() throws Exception {
        try (Stream<Path> files = Files.list(BENCH)) {
            for (var script : files.filter(p -> p.toString().endsWith(".sh")).toList()) {
                var text = Files.readString(script);
                if (text.contains("$shared")) {
                    assertThat(text)
                            .as(script.toString())
                            .contains("lib/shared.sh")
                            .contains("sorot_shared");
                }
            }
        }
        assertThat(Files.readString(BENCH.resolve("score-corpus.py")))
                .contains("SOROT_SHARED")
                .contains("git-common-dir");
    }
}
