package ai.sorot.lambda.cli;

import java.util.regex.Pattern;

/**
 * Text from submissions and bundles (titles, authors, session names) as the terminal may print it:
 * control codes (ESC sequences that clear the screen, recolour it or retitle the window) taken
 * out, since whoever wrote a title page or a bundle does not get to drive the programmer's terminal.
 */
final class TerminalText {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]");

    private TerminalText() {}

    static String safe(String text) {
        return text == null ? null : CONTROL.matcher(text).replaceAll("");
    }
}
