package ai.sorot.lambda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void escapeSequencesFromATitleOrABundleNeverReachTheTerminal() {
        assertThat(TerminalText.safe("EVIL\u001b[2J\u001b]0;pwned\u0007")).isEqualTo("EVIL[2J]0;pwned");
        assertThat(LibraryCommand.clip("Round \u001b[31m1", 40)).isEqualTo("Round [31m1");
        assertThat(TerminalText.safe("Brick & Steel — Full Retired")).isEqualTo("Brick & Steel — Full Retired");
    }
}
