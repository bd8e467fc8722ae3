package ai.sorot.desktop.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real screenplays from the repository's test corpus (lambda/test-support/src/main/resources/scripts, MIT; see its SOURCES.md). */
public final class TestScripts {

    private static final Path SCRIPTS = locate();

    private TestScripts() {}

    /** Brick & Steel: a 4-page PDF with a title page, the Fountain project's sample. */
    public static Path brickAndSteel(Path dir) throws IOException {
        return copy("brick-and-steel.pdf", dir);
    }

    public static Path cyberBobFountain(Path dir) throws IOException {
        return copy("cyber-bob-debate.fountain", dir);
    }

    private static Path copy(String name, Path dir) throws IOException {
        var target = dir.resolve(name);
        if (!Files.exists(target)) {
            Files.copy(SCRIPTS.resolve(name), target);
        }
        return target;
    }

    private static Path locate() {
        for (var candidate : new Path[] {
            Path.of("../lambda/test-support/src/main/resources/scripts"),
            Path.of("lambda/test-support/src/main/resources/scripts")
        }) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "the test screenplays (lambda/test-support/src/main/resources/scripts) are not here");
    }
}
