package ai.sorot.lambda.screenplay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;

/**
 * A page's content-stream tokens (operands and operators) read straight from its bytes, the same
 * tokens PDFBox's PDFStreamParser gives, for the content screenplay writers produce: numbers,
 * literal and hex strings, names, arrays of those, and operators. PDFBox's tokenizer reads every byte
 * through an interface call, builds each operator and number through a StringBuilder and was a
 * quarter of a batch parse; this one reads an array. Anything outside that set (a dictionary, a
 * hex string PDFBox would repair, an inline image, a comment, a name with escapes, a number or an
 * operator PDFBox would read with a repair) makes {@link #read} answer null, and the page is read
 * by PDFBox's own tokenizer: nothing is ever read differently, some pages are only read slower.
 */
final class ContentTokens {

    private final byte[] content;
    private final OperatorTable operators;
    private int at;

    private ContentTokens(byte[] content, OperatorTable operators) {
        this.content = content;
        this.operators = operators;
    }

    /** The tokens in order ({@link COSBase} operands and {@link Operator}s), or null when PDFBox must read this content. */
    static List<Object> read(byte[] content, OperatorTable operators) {
        return new ContentTokens(content, operators).readAll();
    }

    private List<Object> readAll() {
        var tokens = new ArrayList<Object>(content.length / 6);
        while (true) {
            skipWhitespace();
            if (at >= content.length) {
                return tokens;
            }
            Object token = next(false);
            if (token == null) {
                return null;
            }
            tokens.add(token);
        }
    }

    /** The token at {@code at}, or null for one PDFBox must read; {@code inArray}: an array element (operands only). */
    private Object next(boolean inArray) {
        int c = content[at] & 0xFF;
        if (c == '(') {
            return literal();
        }
        if (c == '/') {
            return name();
        }
        if (c == '<') {
            return hex();
        }
        if (c == '[') {
            return inArray ? null : array();
        }
        if (c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
            return number();
        }
        if (inArray) {
            return null;
        }
        if (c == 'B' || c == 'f' || c == 't' || c == 'n') {
            // PDFBox reads these through readString (a name's end) to find BI, true, false, null
            return operator(true);
        }
        if (isOperatorStart(c)) {
            return operator(false);
        }
        return null; // ], ), %, {, }, I (ID), a byte over 127
    }

    private COSArray array() {
        at++; // [
        var array = new COSArray();
        while (true) {
            skipWhitespace();
            if (at >= content.length) {
                return null;
            }
            if (content[at] == ']') {
                at++;
                return array;
            }
            Object element = next(true);
            if (!(element instanceof COSBase base)) {
                return null;
            }
            array.add(base);
        }
    }

    /**
     * A number as PDFBox reads one: [+-]digits[.digits] or [+-].digits; one followed by what
     * PDFBox would fold into it or read as an exponent (a second sign, a second point, e or E) is
     * left to PDFBox.
     */
    private COSNumber number() {
        int start = at;
        int i = at;
        if (content[i] == '+' || content[i] == '-') {
            i++;
        }
        int digits = 0;
        while (i < content.length && isDigit(content[i])) {
            i++;
            digits++;
        }
        if (i < content.length && content[i] == '.') {
            i++;
            while (i < content.length && isDigit(content[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0 || digits > 18) {
            return null;
        }
        if (i < content.length) {
            int c = content[i];
            if (c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                return null;
            }
        }
        try {
            var number = COSNumber.get(new String(content, start, i - start, StandardCharsets.ISO_8859_1));
            at = i;
            return number;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A literal string with the escapes \n \r \t \b \f \( \) \\ and octal ones. Nested parentheses
     * and an escaped parenthesis where PDFBox guesses at an unbalanced string are PDFBox's to read.
     */
    private COSString literal() {
        int i = at + 1;
        // most strings have no escape: copy them in one go
        int plainEnd = i;
        while (plainEnd < content.length) {
            int c = content[plainEnd];
            if (c == '\\' || c == '(') {
                break;
            }
            if (c == ')') {
                at = plainEnd + 1;
                return new COSString(Arrays.copyOfRange(content, i, plainEnd));
            }
            plainEnd++;
        }
        var out = new ByteArrayOutputStream(plainEnd - i + 16);
        out.write(content, i, plainEnd - i);
        i = plainEnd;
        while (i < content.length) {
            int c = content[i] & 0xFF;
            if (c == ')') {
                at = i + 1;
                return new COSString(out.toByteArray());
            } else if (c == '(') {
                return null;
            } else if (c == '\\') {
                if (i + 1 >= content.length) {
                    return null;
                }
                int e = content[i + 1] & 0xFF;
                i += 2;
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case 'b' -> out.write('\b');
                    case 'f' -> out.write('\f');
                    case '(', '\\' -> out.write(e);
                    case ')' -> {
                        if (pdfBoxGuessesEndAt(content, i)) {
                            return null;
                        }
                        out.write(e);
                    }
                    default -> {
                        if (e < '0' || e > '7') {
                            return null; // a line continuation or an unknown escape: PDFBox's to read
                        }
                        int value = e - '0';
                        for (int k = 0; k < 2 && i < content.length && content[i] >= '0' && content[i] <= '7'; k++) {
                            value = value * 8 + content[i++] - '0';
                        }
                        out.write(value);
                    }
                }
            } else {
                out.write(c);
                i++;
            }
        }
        return null; // unterminated
    }

    /**
     * A hex string: pairs of hex digits, with the white space PDFBox skips between them. A
     * dictionary ({@code <<}), an odd digit count, a stray character or no end is PDFBox's to read
     * (it repairs them).
     */
    private COSString hex() {
        int start = at + 1;
        if (start < content.length && content[start] == '<') {
            return null;
        }
        int digits = 0;
        int end = start;
        while (true) {
            if (end >= content.length) {
                return null;
            }
            int c = content[end] & 0xFF;
            if (c == '>') {
                break;
            }
            int value = HexStringsAsLiteral.hexValue(c);
            if (value >= 0) {
                digits++;
            } else if (value != HexStringsAsLiteral.SPACE) {
                return null;
            }
            end++;
        }
        if (digits % 2 != 0) {
            return null;
        }
        var bytes = new byte[digits / 2];
        int high = -1;
        int o = 0;
        for (int i = start; i < end; i++) {
            int value = HexStringsAsLiteral.hexValue(content[i]);
            if (value < 0) {
                continue;
            }
            if (high < 0) {
                high = value;
            } else {
                bytes[o++] = (byte) (high << 4 | value);
                high = -1;
            }
        }
        at = end + 1;
        return new COSString(bytes); // as COSString.parseHex makes it
    }

    /**
     * BaseParser.checkForEndOfString's test on the three bytes from {@code from}: where PDFBox
     * guesses that a string with an unbalanced parenthesis ends (a line end, then / or >).
     */
    static boolean pdfBoxGuessesEndAt(byte[] content, int from) {
        if (from + 3 > content.length) {
            return false;
        }
        byte b0 = content[from];
        byte b1 = content[from + 1];
        byte b2 = content[from + 2];
        return (b0 == '\r' || b0 == '\n') && (b1 == '/' || b1 == '>')
                || b0 == '\r' && b1 == '\n' && (b2 == '/' || b2 == '>');
    }

    /** A name of plain ASCII characters up to a white space or a delimiter (no # escapes). */
    private COSName name() {
        int start = at + 1;
        int i = start;
        while (i < content.length && !isEndOfName(content[i] & 0xFF)) {
            int c = content[i] & 0xFF;
            if (c == '#' || c > 126 || c < 33) {
                return null;
            }
            i++;
        }
        at = i;
        return COSName.getPDFName(Arrays.copyOfRange(content, start, i));
    }

    /**
     * An operator. PDFBox reads one starting with B, f, t or n to the end of a name, any other to
     * white space, [ ( < / % or a digit; an operator that would end differently under the two
     * rules, or that is BI, true, false or null, or d0/d1, is left to PDFBox.
     */
    private Operator operator(boolean readString) {
        int start = at;
        int i = at;
        while (i < content.length) {
            int c = content[i] & 0xFF;
            if (isWhitespace(c) || c == '[' || c == '(' || c == '<' || c == '/' || c == '%') {
                break;
            }
            // PDFBox trims control bytes off an operator's end; }, ], ) and > end only some of its
            // operators: such operators are PDFBox's to read
            if (c >= '0' && c <= '9' || c == ')' || c == '>' || c == ']' || c == '{' || c == '}' || c < 33 || c > 126) {
                return null;
            }
            i++;
        }
        int length = i - start;
        if (length == 0 || length > 3) {
            return length > 3 ? longOperator(start, i) : null;
        }
        if (readString && isSpecialWord(start, length)) {
            return null;
        }
        at = i;
        return operators.get(content, start, length);
    }

    private Operator longOperator(int start, int end) {
        var name = new String(content, start, end - start, StandardCharsets.ISO_8859_1);
        if (name.equals("true") || name.equals("false") || name.equals("null")) {
            return null;
        }
        at = end;
        return Operator.getOperator(name);
    }

    private boolean isSpecialWord(int start, int length) {
        return length == 2 && content[start] == 'B' && content[start + 1] == 'I';
    }

    private void skipWhitespace() {
        while (at < content.length && isWhitespace(content[at] & 0xFF)) {
            at++;
        }
    }

    private static boolean isOperatorStart(int c) {
        return c >= 'A' && c <= 'Z' && c != 'I' || c >= 'a' && c <= 'z' || c == '\'' || c == '"' || c == '*';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** BaseParser.isWhitespace. */
    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
    }

    /** BaseParser.isEndOfName. */
    private static boolean isEndOfName(int c) {
        return isWhitespace(c)
                || c == '%'
                || c == '('
                || c == ')'
                || c == '/'
                || c == '<'
                || c == '>'
                || c == '['
                || c == ']';
    }

    /** PDFBox's Operator for each short operator name, found from its bytes without making a String. */
    static final class OperatorTable {
        private final int[] keys = new int[512];
        private final Operator[] values = new Operator[512];

        Operator get(byte[] content, int start, int length) {
            int key = length;
            for (int k = 0; k < length; k++) {
                key = key << 8 | content[start + k] & 0xFF;
            }
            int slot = (key * 0x9E3779B1 >>> 23) & 511;
            while (values[slot] != null) {
                if (keys[slot] == key) {
                    return values[slot];
                }
                slot = (slot + 1) & 511;
            }
            var operator = Operator.getOperator(new String(content, start, length, StandardCharsets.ISO_8859_1));
            if (size < 256) {
                keys[slot] = key;
                values[slot] = operator;
                size++;
            }
            return operator;
        }

        private int size;
    }
}
