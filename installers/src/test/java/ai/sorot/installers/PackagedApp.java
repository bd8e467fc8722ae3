package ai.sorot.installers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What the build packaged (read from the packager's {@code summary.properties}) and the way the
 * tests start it: as a process of its own, from the image's native launcher, never from Maven's
 * class path.
 */
final class PackagedApp {

    /** A finished process: its exit status and what it printed (stdout and stderr together). */
    record Run(int exit, String output) {}

    private final Properties summary = new Properties();

    PackagedApp() throws IOException {
        var file = Path.of(required("sorot.summary"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "no " + file + ": the packaging step did not run (mvn verify in installers builds it)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            summary.load(in);
        }
    }

    Path image() {
        return Path.of(summary.getProperty("image"));
    }

    Path launcher() {
        return image().resolve("bin/Sorot");
    }

    Path deb() {
        var deb = summary.getProperty("deb");
        if (deb == null) {
            throw new IllegalStateException(
                    "this build made no .deb (was it run with -Dsorot.installers.types=app-image?)");
        }
        return Path.of(deb);
    }

    String get(String key) {
        return summary.getProperty(key);
    }

    static String required(String property) {
        var value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + property + " is not set (installers/pom.xml sets it for failsafe)");
        }
        return value;
    }

    /** A home with ALSA's null device as the default sound card, as the desktop's own tests use (CI has none). */
    static Path homeWithNullSound(Path dir) throws IOException {
        var home = Files.createDirectories(dir);
        Files.copy(Path.of(required("sorot.alsa")).resolve(".asoundrc"), home.resolve(".asoundrc"));
        return home;
    }

    /** The command under Xvfb on a free display, as CI runs the desktop. */
    static List<String> underXvfb(List<String> command) {
        var all = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24 -nolisten tcp"));
        all.addAll(command);
        return all;
    }

    /** Runs {@code command} in {@code dir} with {@code env} added; kills it and its children after {@code timeout}. */
    static Run run(List<String> command, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        var log = Files.createTempFile(dir, "run", ".log");
        var builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("SOROT_API_URL");
        builder.environment().remove("SOROT_API_TOKEN");
        builder.environment().putAll(env);
        var process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout.toSeconds()
                    + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        var output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Run(process.exitValue(), output);
    }
}
