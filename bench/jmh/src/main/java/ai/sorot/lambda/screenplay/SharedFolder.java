package ai.sorot.lambda.screenplay;

import java.nio.file.Path;

/** The shared folder of corpora the benchmarks read by default: {@code -Dsorot.shared}, which bench/jmh.sh sets. */
public final class SharedFolder {

    private SharedFolder() {}

    /** {@code relative} inside the shared folder; fails with what to set when there is none. */
    public static Path path(String relative) {
        var shared = System.getProperty("sorot.shared", "");
        if (shared.isEmpty()) {
            throw new IllegalStateException("no shared folder: set SOROT_SHARED, or pass -p folder=... / -p script=...");
        }
        return Path.of(shared, relative);
    }
}
