package ai.sorot.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherConfigTest {

    private static final String CFG = """
            [Application]
            app.classpath=$APPDIR/sorot-desktop.jar
            app.mainclass=ai.sorot.desktop.Main

            [JavaOptions]
            java-options=-Djpackage.app-version=0.1.0
            java-options=--enable-native-access=ALL-UNNAMED

            [ArgOptions]
            arguments=--x
            """;

    @Test
    void optionsAreAddedAfterTheLastOneOfTheSectionAndTakenAwayAgain(@TempDir Path dir) throws IOException {
        var file = Files.writeString(dir.resolve("Sorot.cfg"), CFG);
        var config = new LauncherConfig(file);

        config.add(List.of("-XX:AOTCache=$APPDIR/sorot.aot", "-Xlog:aot=off"));

        assertThat(config.javaOptions())
                .containsExactly(
                        "-Djpackage.app-version=0.1.0",
                        "--enable-native-access=ALL-UNNAMED",
                        "-XX:AOTCache=$APPDIR/sorot.aot",
                        "-Xlog:aot=off");
        assertThat(Files.readString(file)).contains("java-options=-Xlog:aot=off\n\n[ArgOptions]\narguments=--x\n");

        config.remove(option -> option.startsWith("-XX:AOT") || option.startsWith("-Xlog:aot"));

        assertThat(Files.readString(file)).isEqualTo(CFG);
    }

    @Test
    void aConfigWithoutJavaOptionsGetsTheSection(@TempDir Path dir) throws IOException {
        var file = Files.writeString(dir.resolve("Sorot.cfg"), "[Application]\napp.mainclass=ai.sorot.desktop.Main\n");
        var config = new LauncherConfig(file);

        config.add(List.of("-Xmx1g"));

        assertThat(config.javaOptions()).containsExactly("-Xmx1g");
        assertThat(Files.readString(file)).endsWith("[JavaOptions]\njava-options=-Xmx1g\n");
    }
}
