package ai.sorot.lambda.screenplay;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one decision on whether Fountain input is a screenplay, for every path that takes it (the
 * CLI's parse and analyze, the API's fountainText and uploads, the desktop's pre-flight): the bytes
 * must be text, the text must be readable, and a text long enough to judge must have a screenplay's
 * structure. Anything else is NOT_A_SCREENPLAY with the evidence. Words are not judged here: a
 * script of nonsense words with headings and cues is read and flagged by the analysis.
 */
public final class FountainSource {

    /** Below this many visible characters the text is a scene or a test snippet: too little to judge. */
    static final int MIN_CHARS_TO_JUDGE_TEXT = 200;
    /** A text with no heading and no cue is judged only from here: the corpus's structure-less samples stay under it. */
    static final int MIN_CHARS_TO_JUDGE_STRUCTURE = 2_500;
    /** A screenplay has a heading or a cue every few hundred characters; fewer than one per this many is prose. */
    static final int MAX_CHARS_PER_HEADING_OR_CUE = 3_000;
    /** Symbols, control codes and unassigned characters: a script has almost none (the corpus: under 2%). */
    static final double MAX_ODD_SHARE = 0.05;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FountainSource() {}

    /**
     * The text of a Fountain file: UTF-8 (with or without a byte-order mark), UTF-16 with its mark,
     * or, for a file saved by an older Windows editor, Windows-1252 when it reads as text that way.
     */
    public static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return strict(StandardCharsets.UTF_16, bytes);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return strict(StandardCharsets.UTF_16, bytes);
        }
        var utf8 = strict(StandardCharsets.UTF_8, bytes);
        if (utf8 != null) {
            return utf8.startsWith("\uFEFF") ? utf8.substring(1) : utf8;
        }
        var legacy = new String(bytes, WINDOWS_1252);
        var share = oddShare(legacy);
        if (share > MAX_ODD_SHARE || legacy.indexOf('\0') >= 0) {
            throw new SorotException(
                    ErrorCode.NOT_A_SCREENPLAY,
                    ("This is not a screenplay: the file is not text (its bytes are "
                                    + "not UTF-8, and %d%% of its %,d bytes are control codes or symbols). Fountain is plain text.")
                            .formatted(Math.round(100 * share), bytes.length));
        }
        return legacy;
    }

    private static final java.util.regex.Pattern CONTROL_CODES =
            java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

    /**
     * Text without control codes (ESC sequences and the like), line breaks and tabs kept: what a
     * screenplay may hold, and what a terminal may print of one.
     */
    public static String withoutControlCodes(String text) {
        return text == null ? null : CONTROL_CODES.matcher(text).replaceAll("");
    }

    /** Reads Fountain text as a screenplay, or refuses it with NOT_A_SCREENPLAY and the evidence. */
    public static Screenplay read(String text) {
        requireReadable(text);
        // terminal control codes (ESC sequences that clear a screen or retitle a window) are never
        // screenplay text: a title page must not drive the terminal that prints it
        text = withoutControlCodes(text);
        var screenplay = new FountainParser().parse(text);
        requireStructure(screenplay, visibleChars(text));
        return screenplay;
    }

    private static void requireReadable(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new SorotException(
                    ErrorCode.NOT_A_SCREENPLAY,
                    "This is not a screenplay: the file holds NUL bytes, so it is binary data, not text. Fountain is plain text.");
        }
        int visible = visibleChars(text);
        if (visible < MIN_CHARS_TO_JUDGE_TEXT) {
            return;
        }
        double share = oddShare(text);
        if (share > MAX_ODD_SHARE) {
            throw new SorotException(
                    ErrorCode.NOT_A_SCREENPLAY,
                    ("This is not a screenplay: it is not readable text (%d%% of its "
                                    + "%,d characters are symbols, control codes or unassigned characters; a script has almost none).")
                            .formatted(Math.round(100 * share), visible));
        }
    }

    private static void requireStructure(Screenplay screenplay, int visible) {
        int headings = 0;
        int cues = 0;
        for (var element : screenplay.elements()) {
            if (element.type() == ElementType.SCENE_HEADING) {
                headings++;
            } else if (element.type() == ElementType.CHARACTER) {
                cues++;
            }
        }
        if (headings + cues == 0 && visible >= MIN_CHARS_TO_JUDGE_STRUCTURE) {
            throw new SorotException(
                    ErrorCode.NOT_A_SCREENPLAY,
                    ("This does not look like a screenplay: no scene headings or "
                                    + "character cues in %,d characters.")
                            .formatted(visible));
        }
        if (visible >= 2 * MAX_CHARS_PER_HEADING_OR_CUE
                && (long) (headings + cues) * MAX_CHARS_PER_HEADING_OR_CUE < visible) {
            throw new SorotException(
                    ErrorCode.NOT_A_SCREENPLAY,
                    ("This does not look like a screenplay: %d scene heading(s) and "
                                    + "%d character cue(s) in %,d characters; a screenplay has one every few hundred.")
                            .formatted(headings, cues, visible));
        }
    }

    private static String strict(Charset charset, byte[] bytes) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            if (charset == StandardCharsets.UTF_8) {
                return null;
            }
            throw new SorotException(
                    ErrorCode.NOT_A_SCREENPLAY,
                    "This is not a screenplay: the file starts like UTF-16 text but is not. Fountain is plain text.");
        }
    }

    private static int visibleChars(String text) {
        return (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    /** The share of visible characters that no script is written in: symbols, control codes, unassigned, private use. */
    static double oddShare(String text) {
        long visible = 0;
        long odd = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)) {
                continue;
            }
            visible++;
            switch (Character.getType(c)) {
                case Character.MATH_SYMBOL,
                        Character.CURRENCY_SYMBOL,
                        Character.MODIFIER_SYMBOL,
                        Character.OTHER_SYMBOL,
                        Character.CONTROL,
                        Character.UNASSIGNED,
                        Character.PRIVATE_USE,
                        Character.SURROGATE -> odd++;
                default -> {
                    // letters, digits, punctuation, marks, joiners (Persian writes with them)
                }
            }
        }
        return visible == 0 ? 0 : (double) odd / visible;
    }
}
