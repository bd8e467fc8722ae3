package ai.sorot.lambda.screenplay;

import java.util.Arrays;

/**
 * Rewrites a page's content stream so that its hex strings ({@code <0023004F>}, how most PDF
 * writers draw two-byte Identity-H text) are literal strings holding the same bytes
 * ({@code (\u0000#\u0000O)}). PDFBox reads a hex string through a StringBuilder, a String and a
 * second pass into a byte buffer, a tenth of a batch parse; a literal string is read in one pass
 * over half as many bytes. The strings parse to the same bytes, so nothing downstream changes.
 * A stream with an inline image (whose binary data no lexer can delimit safely), a dictionary
 * (which PDFBox may read with a repair) or a literal string whose end PDFBox guesses at is left
 * as it is, and so is any hex string PDFBox would read with a repair (an odd digit count, a stray
 * character).
 */
final class HexStringsAsLiteral {

    static final byte NOT_HEX = -1;
    static final byte SPACE = -2;
    /** Each byte's hex value, or NOT_HEX, or SPACE for the white space PDFBox skips inside a hex string. */
    private static final byte[] HEX = new byte[256];

    static {
        Arrays.fill(HEX, NOT_HEX);
        for (int c = 0; c < 10; c++) {
            HEX['0' + c] = (byte) c;
        }
        for (int c = 0; c < 6; c++) {
            HEX['a' + c] = (byte) (10 + c);
            HEX['A' + c] = (byte) (10 + c);
        }
        for (char c : new char[] {' ', '\n', '\t', '\r', '\b', '\f'}) {
            HEX[c] = SPACE;
        }
    }

    /** The byte's hex value, or NOT_HEX, or SPACE for the white space PDFBox skips inside a hex string. */
    static int hexValue(int c) {
        return HEX[c & 0xFF];
    }

    private final byte[] content;
    // a literal string is never longer than the hex string it replaces (at most two bytes for
    // every two digits), so the result fits in the input's length
    private byte[] out;
    private int length; // bytes written to out
    private int copied; // content[0, copied) is in out
    private boolean changed;

    private HexStringsAsLiteral(byte[] content) {
        this.content = content;
    }

    /** The rewritten content, or {@code content} itself when there is nothing to rewrite. */
    static byte[] rewrite(byte[] content) {
        return new HexStringsAsLiteral(content).rewrite();
    }

    private byte[] rewrite() {
        int n = content.length;
        int i = 0;
        while (i < n) {
            int b = content[i];
            if (b == '%') {
                i = endOfLine(content, i);
            } else if (b == '(') {
                i = endOfLiteral(content, i);
                if (i < 0) {
                    return content; // a string whose end PDFBox guesses at: the lexers could part ways
                }
            } else if (b == '<') {
                if (i + 1 < n && content[i + 1] == '<') {
                    // a dictionary: PDFBox reads a malformed one by recovering as best it can, and
                    // where it stops decides what follows; a stream that has one is left as it is
                    return content;
                }
                i = hexString(i);
            } else if ((b == 'B' || b == 'I') && isInlineImage(content, i)) {
                return content;
            } else {
                i++;
            }
        }
        if (!changed) {
            return content;
        }
        flush(n);
        return Arrays.copyOf(out, length);
    }

    /**
     * The hex string opened at {@code open} written to out as a literal string, in one pass; one
     * PDFBox would repair (an odd digit count, a stray character, no end) stays as it is.
     * Returns the index after it.
     */
    private int hexString(int open) {
        flush(open);
        int o = length;
        out[o++] = '(';
        int high = -1;
        for (int i = open + 1; i < content.length; i++) {
            int c = content[i] & 0xFF;
            int value = HEX[c];
            if (value >= 0) {
                if (high < 0) {
                    high = value;
                    continue;
                }
                int v = high << 4 | value;
                high = -1;
                if (v == '(' || v == ')' || v == '\\') {
                    out[o++] = '\\';
                    out[o++] = (byte) v;
                } else if (v == '\n') {
                    out[o++] = '\\';
                    out[o++] = 'n';
                } else if (v == '\r') {
                    out[o++] = '\\';
                    out[o++] = 'r';
                } else {
                    out[o++] = (byte) v;
                }
            } else if (c == '>') {
                if (high >= 0) {
                    break; // an odd digit count
                }
                out[o++] = ')';
                length = o;
                changed = true;
                copied = i + 1;
                return i + 1;
            } else if (value != SPACE) {
                break; // a stray character
            }
        }
        // left as written: copied stays at open, so the raw string is copied with what follows
        return skipTo(content, open, '>');
    }

    /** Copies content[copied, to) to out. */
    private void flush(int to) {
        if (out == null) {
            out = new byte[content.length];
        }
        System.arraycopy(content, copied, out, length, to - copied);
        length += to - copied;
        copied = to;
    }

    /**
     * The index after a literal string opened at {@code open}, escapes skipped; -1 for a string
     * whose end PDFBox decides by a guess (nested parentheses, or an escaped one followed by a line
     * end and / or >: BaseParser.checkForEndOfString), where this lexer could end it elsewhere.
     */
    private static int endOfLiteral(byte[] content, int open) {
        for (int i = open + 1; i < content.length; i++) {
            int c = content[i];
            if (c == '\\') {
                if (i + 1 < content.length
                        && content[i + 1] == ')'
                        && ContentTokens.pdfBoxGuessesEndAt(content, i + 2)) {
                    return -1;
                }
                i++;
            } else if (c == '(') {
                return -1;
            } else if (c == ')') {
                return i + 1;
            }
        }
        return content.length;
    }

    private static int endOfLine(byte[] content, int from) {
        int i = from;
        while (i < content.length && content[i] != '\n' && content[i] != '\r') {
            i++;
        }
        return i;
    }

    private static int skipTo(byte[] content, int from, int stop) {
        int i = from;
        while (i < content.length && content[i] != stop) {
            i++;
        }
        return Math.min(i + 1, content.length);
    }

    /**
     * BI or ID (the start of an inline image or of its data) at {@code i} where it can start a
     * token: anywhere but inside a word (PDFBox ends a number at a letter, so "1BI" is 1 and BI;
     * "/MCID" is a name). PDFBox reads ID's data as bytes, whatever follows.
     */
    private static boolean isInlineImage(byte[] content, int i) {
        return i + 1 < content.length
                && (content[i] == 'B' && content[i + 1] == 'I' || content[i] == 'I' && content[i + 1] == 'D')
                && (i == 0 || !isLetter(content[i - 1]));
    }

    private static boolean isLetter(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
