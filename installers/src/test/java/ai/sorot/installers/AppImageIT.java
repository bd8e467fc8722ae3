package ai.sorot.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app image jpackage built, started from its own launcher on its own runtime. */
class AppImageIT {

    private static PackagedApp app;

    @BeforeAll
    static void packaged() throws IOException {
        app = new PackagedApp();
    }

    @Test
    void theLauncherPrintsThePomVersionOnTheImagesOwnRuntime(@TempDir Path dir) throws Exception {
        var run = PackagedApp.run(
                java.util.List.of(app.launcher().toString(), "--version"),
                dir,
                Map.of("HOME", dir.toString()),
                Duration.ofSeconds(60));

        assertThat(run.exit()).as(run.output()).isZero();
        var version = PackagedApp.required("sorot.version");
        var release = release(app.image().resolve("lib/runtime/release"));
        // "Sorot 0.1.0 (Java 25.0.3+9-LTS, Linux amd64)": the jar's version, the linked runtime's Java
        assertThat(run.output().strip().lines().toList())
                .singleElement()
                .asString()
                .startsWith("Sorot " + version + " (Java "
                        + release.getProperty("JAVA_VERSION").replace("\"", ""))
                .endsWith(", Linux amd64)");
    }

    @Test
    void theRuntimeHoldsOnlyTheModulesTheSpecNamesAndWhatTheyRequire() throws IOException {
        var release = release(app.image().resolve("lib/runtime/release"));
        var linked = new TreeSet<>(
                Arrays.asList(release.getProperty("MODULES").replace("\"", "").split(" ")));
        var named = app.get("modules").split(",");
        // the closure of the named modules on this JDK: what jlink must have added, and nothing more
        var closure =
                Configuration.empty()
                        .resolve(ModuleFinder.ofSystem(), ModuleFinder.of(), Set.of(named))
                        .modules()
                        .stream()
                        .map(ResolvedModule::name)
                        .collect(Collectors.toCollection(TreeSet::new));

        assertThat(linked).isEqualTo(closure);
        assertThat(linked)
                .contains("java.desktop", "jdk.httpserver", "java.sql")
                .doesNotContain("jdk.compiler", "jdk.jshell", "java.net.http", "jdk.jfr", "jdk.jlink");
        // no JDK commands in the app's runtime (jlink --strip-native-commands): the launcher is the only way in
        assertThat(app.image().resolve("lib/runtime/bin/java")).doesNotExist();
        assertThat(Long.parseLong(app.get("runtime.bytes"))).as("runtime bytes").isLessThan(80_000_000L);
    }

    @Test
    void selfCheckUnderXvfbAnalysesAScreenplayAndScreenshotsTheReport(@TempDir Path dir) throws Exception {
        var home = PackagedApp.homeWithNullSound(dir.resolve("home"));
        var sorotHome = dir.resolve("sorot");
        var png = dir.resolve("self-check.png");
        var script = Path.of(PackagedApp.required("sorot.scripts"), "brick-and-steel.pdf");

        var run = PackagedApp.run(
                PackagedApp.underXvfb(java.util.List.of(
                        app.launcher().toString(), "--self-check", png.toString(), script.toString())),
                dir,
                Map.of("HOME", home.toString(), "SOROT_HOME", sorotHome.toString()),
                Duration.ofMinutes(4));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .contains(
                        "connected: Local · offline analysers",
                        "queued \"BRICK & STEEL FULL RETIRED\"",
                        "completed",
                        "report shown; screenshot written to " + png);
        Screenshots.assertDrawnReport(png);
        Screenshots.keep(png, "packaged-app-self-check.png");
        // the embedded backend ran inside the packaged app and kept the analysis in the library
        try (var files = Files.walk(sorotHome.resolve("library"))) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(f -> f.getFileName().toString()))
                    .contains("report.json", "audio.wav", "source.pdf");
        }
    }

    private static Properties release(Path file) throws IOException {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
