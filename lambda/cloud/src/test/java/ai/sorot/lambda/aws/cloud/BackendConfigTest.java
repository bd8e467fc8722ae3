package ai.sorot.lambda.aws.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendConfigTest {

    @TempDir
    Path home;

    @Test
    void localModeIsTheDefaultAndUsesTheConfiguredHome() {
        try (var running = BackendConfig.fromEnvironment(Map.of("SOROT_HOME", home.toString()))) {
            assertThat(running.backend().mode()).isEqualTo("local");
            assertThat(home.resolve("sorot.db")).exists();
            assertThat(home.resolve("token")).exists();
        }
    }

    @Test
    void anUnknownModeIsAClearError() {
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("SOROT_MODE", "mainframe")))
                .hasMessageContaining("SOROT_MODE=mainframe");
    }
}
