package ai.sorot.installers;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;

/**
 * jdeps, jlink and jpackage of the JDK that runs the build, called in this process (no JVM start
 * per call). The runtime they link is this JDK's: the build's JAVA_HOME decides the app's Java.
 */
final class JdkTools {

    private final boolean verbose;

    JdkTools(boolean verbose) {
        this.verbose = verbose;
    }

    /** Runs {@code tool}; its output when it succeeds, else an exception with what it said. */
    String run(String tool, List<String> args) throws IOException {
        var provider = ToolProvider.findFirst(tool)
                .orElseThrow(
                        () -> new IOException(tool + " is not in this JDK (" + System.getProperty("java.home") + ")"));
        var out = new StringWriter();
        var err = new StringWriter();
        if (verbose) {
            System.out.println("  $ " + tool + " " + String.join(" ", args));
        }
        int code;
        try (var o = new PrintWriter(out);
                var e = new PrintWriter(err)) {
            code = provider.run(o, e, args.toArray(String[]::new));
        }
        if (code != 0) {
            throw new IOException(tool + " failed (exit " + code + "): " + (err + "\n" + out).strip());
        }
        if (verbose && !err.toString().isBlank()) {
            System.out.println(err.toString().strip().indent(4).stripTrailing());
        }
        return out.toString();
    }

    /**
     * Runs {@code tool} as a process of its own, with {@code env} added to this one's environment:
     * for what a tool passes on to the programs it starts (jpackage to dpkg-deb), which an
     * in-process call cannot set.
     */
    String runProcess(String tool, List<String> args, Map<String, String> env)
            throws IOException, InterruptedException {
        var executable = Path.of(System.getProperty("java.home"), "bin", tool);
        if (verbose) {
            System.out.println("  $ " + env + " " + tool + " " + String.join(" ", args));
        }
        var command = new java.util.ArrayList<String>();
        command.add(executable.toString());
        command.addAll(args);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0) {
            throw new IOException(tool + " failed (exit " + code + "): " + output.strip());
        }
        if (verbose && !output.isBlank()) {
            System.out.println(output.strip().indent(4).stripTrailing());
        }
        return output;
    }
}
