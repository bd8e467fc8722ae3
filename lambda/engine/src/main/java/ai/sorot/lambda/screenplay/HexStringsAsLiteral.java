package ai.sorot.lambda.screenplay;

import java.util.Arrays;

/**
 * Rewrites a page's content stream so that its hex strings ({@code <0023004F>}, how most PDF
 * writers draw two-byte Identity-H text) are literal strings holding the same bytes
 * ({@code (\u0000#\u0000O)}). PDFBox reads a hex string through a StringBuilder, a String and a
 * second pass into a byte buffer, a tenth of a batch parse; a literal string is read in one pass
 * over half as many bytes. The strings parse to the same bytes, so nothing downstream changes.
 * A stream with an inline image (whose binary data no lexer can delimit safely) is left as it
 * is, and so is any hex string PDFBox would read with a repair (an odd digit count, a stray
 * character).
 */
final class HexStringsAsLiteral {

    private HexStringsAsLiteral() {}

    /** The rewritten content, or {@code content} itself when there is nothing to rewrite. */
    static byte[] rewrite(byte[] content) {
        int n = content.length;
        // a literal string is never longer than the hex string it replaces (at most two bytes for
        // every two digits), so the result fits in the input's length
        byte[] out = null;
        int length = 0; // bytes written to out
        int copied = 0; // content[0, copied) is in out
        int i = 0;
        while (i < n) {
            int b = content[i];
            if (b == '%') {
                i = endOfLine(content, i);
            } else if (b == '(') {
                i = endOfLiteral(content, i);
            } else if (b == '<') {
                if (i + 1 < n && content[i + 1] == '<') {
                    i += 2;
                    continue;
                }
                int end = endOfHex(content, i);
                if (end < 0) {
                    i = skipTo(content, i, '>');
                    continue;
                }
                if (out == null) {
                    out = new byte[n];
                }
                System.arraycopy(content, copied, out, length, i - copied);
                length += i - copied;
                length = writeLiteral(content, i + 1, end, out, length);
                i = end + 1;
                copied = i;
            } else if (b == 'B' && isInlineImage(content, i)) {
                return content;
            } else {
                i++;
            }
        }
        if (out == null) {
            return content;
        }
        System.arraycopy(content, copied, out, length, n - copied);
        return Arrays.copyOf(out, length + n - copied);
    }

    /** The index of the {@code >} closing a well-formed, even-length hex string opened at {@code open}, or -1. */
    private static int endOfHex(byte[] content, int open) {
        int digits = 0;
        for (int i = open + 1; i < content.length; i++) {
            int c = content[i];
            if (c == '>') {
                return digits % 2 == 0 ? i : -1;
            }
            if (hexValue(c) >= 0) {
                digits++;
            } else if (!isHexWhitespace(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** Writes the hex digits in content[from, to) as a literal string at out[at]; returns the index after it. */
    private static int writeLiteral(byte[] content, int from, int to, byte[] out, int at) {
        int o = at;
        out[o++] = '(';
        int high = -1;
        for (int i = from; i < to; i++) {
            int value = hexValue(content[i]);
            if (value < 0) {
                continue; // whitespace between digits
            }
            if (high < 0) {
                high = value;
                continue;
            }
            int v = high << 4 | value;
            high = -1;
            switch (v) {
                case '(', ')', '\\' -> {
                    out[o++] = '\\';
                    out[o++] = (byte) v;
                }
                case '\n' -> {
                    out[o++] = '\\';
                    out[o++] = 'n';
                }
                case '\r' -> {
                    out[o++] = '\\';
                    out[o++] = 'r';
                }
                default -> out[o++] = (byte) v;
            }
        }
        out[o++] = ')';
        return o;
    }

    /** The index after a literal string opened at {@code open}: escapes skipped, nested parentheses counted. */
    private static int endOfLiteral(byte[] content, int open) {
        int depth = 0;
        for (int i = open; i < content.length; i++) {
            int c = content[i];
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
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

    /** The operator BI (begin inline image) as a token of its own. */
    private static boolean isInlineImage(byte[] content, int i) {
        return i + 1 < content.length
                && content[i + 1] == 'I'
                && (i == 0 || isDelimiterOrWhitespace(content[i - 1]))
                && (i + 2 == content.length || isDelimiterOrWhitespace(content[i + 2]));
    }

    private static boolean isDelimiterOrWhitespace(int c) {
        return switch (c) {
            case ' ', '\n', '\r', '\t', '\f', 0, '(', ')', '<', '>', '[', ']', '{', '}', '/', '%' -> true;
            default -> false;
        };
    }

    /** The white space PDFBox skips inside a hex string. */
    private static boolean isHexWhitespace(int c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f';
    }

    private static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
