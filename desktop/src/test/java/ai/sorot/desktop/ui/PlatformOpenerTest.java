package ai.sorot.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system's answer decides: real commands that succeed, fail or are not installed. */
class PlatformOpenerTest {

    @TempDir
    Path dir;

    @Test
    void aCommandThatSucceedsHasOpenedTheFile() throws Exception {
        var file = Files.writeString(dir.resolve("summary.wav"), "x");
        var opener = new PlatformOpener(List.of("true"), List.of("true"), false, true);
        assertThat(opener.open(file)).isTrue();
        assertThat(opener.reveal(file)).isTrue();
    }

    @Test
    void aCommandThatFailsOrIsMissingHasNot() throws Exception {
        var file = Files.writeString(dir.resolve("summary.wav"), "x");
        // xdg-open exits non-zero when no application handles the file, or there is no desktop to ask
        assertThat(new PlatformOpener(List.of("false"), List.of("false"), false, true).open(file))
                .isFalse();
        var missing = dir.resolve("no-such-command").toString();
        assertThat(new PlatformOpener(List.of(missing), List.of(missing), false, true).reveal(file))
                .isFalse();
    }

    @Test
    void aFileThatIsGoneIsNotHandedOver() {
        var opener = new PlatformOpener(List.of("true"), List.of("true"), true, true);
        assertThat(opener.open(dir.resolve("gone.wav"))).isFalse();
        assertThat(opener.reveal(dir.resolve("gone.wav"))).isFalse();
    }
}
