package ai.sorot.installers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An ahead-of-time cache for the packaged app (JEP 483, JDK 24+): the classes the window and the
 * local backend load at start, read, parsed and linked once at build time and mapped from the
 * cache on every start. The packaged launcher records a real start ({@code --startup-probe}: the
 * window is drawn and the local backend answers, then it exits), then creates the cache, and the
 * launcher's configuration points at it. This is what {@code ./sorot desktop}'s class-data
 * sharing archive does, built once instead of on the user's first start (an installed app cannot
 * write beside itself).
 */
final class AotCache {

    static final String FILE = "sorot.aot";
    private static final String CONFIGURATION = "sorot.aotconf";

    private AotCache() {}

    /** Why no cache can be made here, or {@code null} when it can. */
    static String unavailable(Platform platform, Map<String, String> env) {
        if (Runtime.version().feature() < 24) {
            return "the AOT cache needs JDK 24 or newer (this is " + Runtime.version() + ")";
        }
        if (platform == Platform.LINUX
                && env.getOrDefault("DISPLAY", "").isEmpty()
                && onPath("xvfb-run", env) == null) {
            return "recording a start needs a display: set DISPLAY or install xvfb (xvfb-run)";
        }
        return null;
    }

    /** Records a start of the app in {@code image}, creates the cache and makes the launcher use it. */
    static Path create(Platform platform, Path image, String name, Path work, Map<String, String> env)
            throws IOException, InterruptedException {
        var appDir = platform.appDir(image);
        var config = new LauncherConfig(appDir.resolve(name + ".cfg"));
        var launcher = platform.launcher(image, name);
        var home = Files.createDirectories(work.resolve("aot-home"));
        try {
            config.add(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=$APPDIR/" + CONFIGURATION));
            var record = new ArrayList<String>();
            if (platform == Platform.LINUX && env.getOrDefault("DISPLAY", "").isEmpty()) {
                record.addAll(List.of(
                        onPath("xvfb-run", env).toString(), "-a", "-s", "-screen 0 1600x1000x24 -nolisten tcp"));
            }
            record.add(launcher.toString());
            record.add("--startup-probe");
            run(record, home, work.resolve("aot-record.log"));
            config.remove(option -> option.startsWith("-XX:AOT"));

            // the create step runs no application code: it reads the recording and writes the cache
            config.add(List.of(
                    "-XX:AOTMode=create",
                    "-XX:AOTConfiguration=$APPDIR/" + CONFIGURATION,
                    "-XX:AOTCache=$APPDIR/" + FILE));
            run(List.of(launcher.toString()), home, work.resolve("aot-create.log"));
            config.remove(option -> option.startsWith("-XX:AOT"));
            var cache = appDir.resolve(FILE);
            if (!Files.isRegularFile(cache)) {
                throw new IOException("the JVM wrote no AOT cache; see " + work.resolve("aot-create.log"));
            }
            // if a machine cannot map the cache the app starts without it: no warning for the user to read
            config.add(List.of("-XX:AOTCache=$APPDIR/" + FILE, "-Xlog:aot=off", "-Xlog:cds=off"));
            return cache;
        } catch (IOException | InterruptedException | RuntimeException e) {
            config.remove(option -> option.startsWith("-XX:AOT"));
            throw e;
        } finally {
            Files.deleteIfExists(appDir.resolve(CONFIGURATION));
            deleteTree(home);
        }
    }

    private static void run(List<String> command, Path home, Path log) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // a Sorot home and user home of its own: the recording leaves nothing in the builder's
        builder.environment().put("SOROT_HOME", home.resolve("sorot").toString());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("SOROT_API_URL");
        builder.environment().remove("SOROT_API_TOKEN");
        var process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException("the packaged app did not finish within 180 s: " + String.join(" ", command)
                    + " (log: " + log + ")");
        }
        if (process.exitValue() != 0) {
            throw new IOException("the packaged app failed (exit " + process.exitValue() + "): "
                    + String.join(" ", command) + "\n" + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    static Path onPath(String command, Map<String, String> env) {
        for (var dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            var candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
