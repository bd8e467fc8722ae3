package ai.sorot.lambda.library;

/**
 * Keeps a spreadsheet from running what a CSV cell says. A text cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is a formula to Excel, LibreOffice and
 * Google Sheets ({@code =HYPERLINK(...)} in a screenplay's title would be a live link in the
 * committee's sheet), so it is written with a single quote in front, as OWASP advises for CSV
 * injection. Numbers are written as they are. Sorot's own importers take the quote off again.
 */
public final class CsvCells {

    private CsvCells() {}

    /** The value to write: a text cell a spreadsheet would run gets a leading quote; anything else is unchanged. */
    public static Object neutralise(Object value) {
        return value instanceof CharSequence text && runsAsFormula(text.toString()) ? "'" + text : value;
    }

    /** A cell as read back: the quote {@link #neutralise} added is removed. */
    public static String restore(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && runsAsFormula(cell.substring(1))
                ? cell.substring(1)
                : cell;
    }

    private static boolean runsAsFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
