package ai.sorot.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deploy scripts and the image's scripts pass shellcheck (installed by .ci/run) and parse. */
class ShellScriptsTest {

    static List<Path> scripts() throws Exception {
        var out = new ArrayList<Path>();
        for (var dir : List.of(Path.of("scripts"), Path.of("..", "lambda", "cloud", "docker"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".sh")).sorted().forEach(out::add);
            }
        }
        out.add(Path.of("..", ".ci", "run"));
        out.add(Path.of("..", "mvnw")); // sources bin/find-jdk.sh under POSIX sh
        return out;
    }

    @Test
    void shellcheckPassesOnEveryScript() throws Exception {
        var shellcheck = TemplateContractTest.onPath("shellcheck");
        assumeTrue(shellcheck != null, "shellcheck is not installed (apt-get install shellcheck; .ci/run does)");
        // from the repository root, where .ci/run's "source ./bin/find-jdk.sh" points
        var root = Path.of("..").toAbsolutePath().normalize();
        var command = new ArrayList<>(List.of(shellcheck.toString(), "--external-sources"));
        for (var script : scripts()) {
            command.add(root.relativize(script.toAbsolutePath().normalize()).toString());
        }
        var process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        var out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(out).isZero();
    }

    @Test
    void everyScriptParsesAndIsExecutable() throws Exception {
        var scripts = scripts();
        assertThat(scripts)
                .extracting(p -> p.getFileName().toString())
                .contains("setup-iam.sh", "deploy.sh", "smoke-test.sh", "lambda-entrypoint.sh", "jvm-options.sh");
        for (var script : scripts) {
            assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
            var shell = Files.readAllLines(script).getFirst().contains("bash") ? "bash" : "sh";
            var process = new ProcessBuilder(shell, "-n", script.toString())
                    .redirectErrorStream(true)
                    .start();
            var out = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(script + ": " + out).isZero();
        }
    }

    @Test
    void theScriptsExplainThemselves() throws Exception {
        for (var name : List.of("setup-iam.sh", "deploy.sh", "smoke-test.sh")) {
            var process = new ProcessBuilder("bash", Path.of("scripts", name).toString(), "--help")
                    .redirectErrorStream(true)
                    .start();
            var out = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(name + ": " + out).isZero();
            assertThat(out).as(name).contains(name);
        }
    }
}
