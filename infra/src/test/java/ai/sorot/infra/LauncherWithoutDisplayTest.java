package ai.sorot.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./sorot desktop} in a terminal with no graphical session (SSH, a container, CI): one
 * explanation and what to run instead, a non-zero exit, no JavaFX stack trace and no build first.
 */
class LauncherWithoutDisplayTest {

    @Test
    void theDesktopWithoutADisplaySaysWhatItNeedsAndWhatToRunInstead() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "DISPLAY decides only on Linux");
        var root = Path.of("..").toAbsolutePath().normalize();
        var builder = new ProcessBuilder("bash", root.resolve("sorot").toString(), "desktop")
                .directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        var process = builder.start();
        // the old launcher built the desktop module first, then died in JavaFX: the deadline ends that
        boolean done = process.waitFor(30, TimeUnit.SECONDS);
        if (!done) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        var output = new String(process.getInputStream().readAllBytes());

        assertThat(done).as("answered at once, without building: " + output).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output)
                .contains("needs a graphical session")
                .contains("xvfb-run -a ./sorot desktop --self-check")
                .contains("./sorot serve")
                .doesNotContain("Exception")
                .doesNotContain("building");
    }
}
