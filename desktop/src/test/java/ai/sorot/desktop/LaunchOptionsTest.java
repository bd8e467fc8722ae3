package ai.sorot.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void filesOnTheCommandLineAreQueuedInOrder() {
        var options = LaunchOptions.parse(new String[] {"a.pdf", "/festival/b.fountain", "folder"});

        assertThat(options.files())
                .containsExactly(Path.of("a.pdf"), Path.of("/festival/b.fountain"), Path.of("folder"));
        assertThat(options.selfCheck()).isFalse();
    }

    @Test
    void aDoubleDashLetsAFileNameStartWithADash() {
        var options = LaunchOptions.parse(new String[] {"--", "-draft.pdf", "--version"});

        assertThat(options.files()).containsExactly(Path.of("-draft.pdf"), Path.of("--version"));
        assertThat(options.version()).isFalse();
    }

    @Test
    void versionAndSelfCheckAreOptionsNotFiles() {
        var options = LaunchOptions.parse(new String[] {"--version", "--self-check", "out.png", "script.pdf"});

        assertThat(options.version()).isTrue();
        assertThat(options.selfCheckImage()).isEqualTo(Path.of("out.png"));
        assertThat(options.selfCheckFile()).isEqualTo(Path.of("script.pdf"));
        assertThat(options.files()).isEmpty();
    }

    @Test
    void theProcessSerialNumberFinderAddsIsIgnoredButOtherUnknownOptionsAreRefused() {
        assertThat(LaunchOptions.parse(new String[] {"-psn_0_1234567", "a.pdf"}).files())
                .containsExactly(Path.of("a.pdf"));
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--frobnicate"}))
                .hasMessage("unknown argument --frobnicate");
    }

    @Test
    void theVersionLineNamesTheRuntime() {
        assertThat(LaunchOptions.versionLine()).startsWith("Sorot ").contains("Java " + Runtime.version());
    }
}
