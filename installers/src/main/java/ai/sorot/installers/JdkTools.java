package ai.sorot.installers;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
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
                .orElseThrow(() -> new IOException(tool + " is not in this JDK (" + System.getProperty("java.home") + ")"));
        var out = new StringWriter();
        var err = new StringWriter();
        if (verbose) {
            System.out.println("  $ " + tool + " " + String.join(" ", args));
        }
        int code;
        try (var o = new PrintWriter(out); var e = new PrintWriter(err)) {
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
}
