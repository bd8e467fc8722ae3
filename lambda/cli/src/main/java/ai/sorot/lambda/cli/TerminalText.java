package ai.sorot.lambda.cli;

import ai.sorot.lambda.screenplay.FountainSource;

/**
 * Text from submissions and bundles (titles, authors, session names) as the terminal may print it:
 * control codes (ESC sequences that clear the screen, recolour it or retitle the window) taken out
 * as the screenplay engine takes them out of Fountain text, and a carriage return too, since a
 * one-line field must not move the cursor back over what is printed before it.
 */
final class TerminalText {

    private TerminalText() {}

    static String safe(String text) {
        var clean = FountainSource.withoutControlCodes(text);
        return clean == null ? null : clean.replace("\r", "");
    }

    /** One field of a table row: terminal-safe, cut to {@code width} with an ellipsis. */
    static String clip(String text, int width) {
        var clean = safe(text);
        return clean == null ? "" : clean.length() <= width ? clean : clean.substring(0, width - 1) + "…";
    }
}
