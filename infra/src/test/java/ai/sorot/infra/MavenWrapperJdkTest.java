package ai.sorot.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's {@code ./mvnw -B -ntp verify} works on a machine whose default {@code java} is older
 * than 21 with a newer JDK installed beside it: the wrapper picks the JDK the way {@code ./sorot}
 * does and Maven runs on it. Runs {@code ./mvnw -v} only (about a second), against the real JDKs
 * installed under /usr/lib/jvm; skipped where no JDK older than 21 is installed to play the default.
 */
class MavenWrapperJdkTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MAVEN_JAVA =
            Pattern.compile("Java version: (\\d+)[^,]*, vendor: [^,]*, runtime: (.+)");

    @Test
    void withJavaHomeUnsetAndAnOldJavaOnThePathMavenRunsOnAJdk21OrNewerAndSaysWhich() throws Exception {
        var old = oldJdk();
        var run = mvnwVersion(old, null);

        assertThat(run.exit).as(run.output).isZero();
        assertThat(javaMajor(run.output)).as(run.output).isGreaterThanOrEqualTo(21);
        assertThat(run.output).contains("mvnw: JAVA_HOME is unset; using JDK");
    }

    @Test
    void aJavaHomeOlderThan21IsPassedOverWithAWord() throws Exception {
        var old = oldJdk();
        var run = mvnwVersion(old, old);

        assertThat(run.exit).as(run.output).isZero();
        assertThat(javaMajor(run.output)).as(run.output).isGreaterThanOrEqualTo(21);
        assertThat(run.output).contains("JAVA_HOME=" + old + " is not a JDK 21 or newer");
    }

    @Test
    void aJavaHome21OrNewerIsUsedAsGivenWithoutAWord() throws Exception {
        var old = oldJdk();
        var current = Path.of(System.getProperty("java.home"));
        var run = mvnwVersion(old, current);

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).doesNotContain("mvnw:");
        var m = MAVEN_JAVA.matcher(run.output);
        assertThat(m.find()).as(run.output).isTrue();
        assertThat(Path.of(m.group(2).trim()).toRealPath()).isEqualTo(current.toRealPath());
    }

    private record Run(int exit, String output) {}

    /** {@code ./mvnw -v} with JAVA_HOME as given (null: unset) and PATH starting with the old JDK's bin. */
    private static Run mvnwVersion(Path oldJdk, Path javaHome) throws Exception {
        var builder = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "-B", "-ntp", "-v")
                .directory(ROOT.toFile())
                .redirectErrorStream(true);
        var env = builder.environment();
        env.remove("JAVA_HOME");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome.toString());
        }
        env.remove("MAVEN_OPTS");
        env.put("PATH", oldJdk.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("mvnw -v finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    private static int javaMajor(String mavenVersionOutput) {
        var m = MAVEN_JAVA.matcher(mavenVersionOutput);
        assertThat(m.find()).as(mavenVersionOutput).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** A JDK older than 21 under /usr/lib/jvm, the shape of a machine whose default java is 17. */
    private static Path oldJdk() throws Exception {
        var jvms = Path.of("/usr/lib/jvm");
        assumeTrue(Files.isDirectory(jvms), "no /usr/lib/jvm on this machine");
        Optional<Path> old;
        try (Stream<Path> dirs = Files.list(jvms)) {
            old = dirs.filter(d -> Files.isExecutable(d.resolve("bin/javac")) && !Files.isSymbolicLink(d))
                    .filter(d -> major(d) > 0 && major(d) < 21)
                    .sorted()
                    .findFirst();
        }
        assumeTrue(old.isPresent(), "no JDK older than 21 under /usr/lib/jvm to play the machine's default java");
        var candidates = new ArrayList<Path>();
        try (Stream<Path> dirs = Files.list(jvms)) {
            dirs.filter(d -> major(d) >= 21 && Files.isExecutable(d.resolve("bin/javac")))
                    .forEach(candidates::add);
        }
        assumeTrue(!candidates.isEmpty(), "no JDK 21 or newer under /usr/lib/jvm for the wrapper to find");
        return old.get();
    }

    private static int major(Path jdk) {
        try {
            for (var line : Files.readAllLines(jdk.resolve("release"))) {
                var m = Pattern.compile("^JAVA_VERSION=\"(\\d+)").matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return 0;
    }
}
