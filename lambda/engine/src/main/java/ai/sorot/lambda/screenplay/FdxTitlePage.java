package ai.sorot.lambda.screenplay;

import ai.sorot.model.screenplay.TitlePage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Final Draft title page ({@code <TitlePage>}): paragraphs with an alignment and no labels, so
 * they are read the way a reader reads a cover. The centred column: the title first, a credit line
 * ("Written by"), the writers under it, a "Based on..." source; the corners: a draft date, and the
 * contact (bottom left in Final Draft's template) or other notes. Empty paragraphs separate blocks.
 */
final class FdxTitlePage {

    /** One paragraph of the cover; {@code alignment} is Final Draft's (Left, Center, Right, Full). */
    record Line(String text, String alignment) {
        boolean centred() {
            return alignment.equalsIgnoreCase("Center");
        }
    }

    private static final Pattern CREDIT = Pattern.compile(
            "^(?:(?:an? )?(?:original )?(?:screenplay|teleplay|script|story|written|adapted|adaptation)"
                    + "(?: and (?:screenplay|teleplay|story))?\\s*)?by:?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCE = Pattern.compile(
            "^(?:story by|based on|from (?:a|an|the)\\b|adapted from|inspired by)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile(
            "(?i)\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2},? \\d{4}"
                    + "|\\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \\d{4}|\\b(?:19|20)\\d{2}\\b|draft)");

    private FdxTitlePage() {}

    static TitlePage read(List<Line> lines) {
        String title = null;
        String credit = null;
        String source = null;
        String draftDate = null;
        var authors = new ArrayList<String>();
        var contact = new ArrayList<String>();
        var notes = new ArrayList<String>();
        boolean inTitle = false;
        boolean expectAuthors = false;
        for (var line : lines) {
            String text = line.text();
            if (text.isEmpty()) {
                inTitle = false;
                if (!authors.isEmpty()) {
                    expectAuthors = false;
                }
                continue;
            }
            if (!line.centred()) {
                if (looksLikeContact(text)) {
                    contact.add(text);
                } else if (draftDate == null && DATE.matcher(text).find() && text.length() < 40) {
                    draftDate = text;
                } else if (line.alignment().equalsIgnoreCase("Left")) {
                    contact.add(text);
                } else {
                    notes.add(text);
                }
                continue;
            }
            if (CREDIT.matcher(text).matches()) {
                credit = text;
                inTitle = false;
                expectAuthors = true;
            } else if (title == null) {
                title = text;
                inTitle = true;
            } else if (inTitle) {
                title = title + " " + text; // a title set over two lines
            } else if (SOURCE.matcher(text).find()) {
                source = source == null ? text : source + " " + text;
                expectAuthors = false;
            } else if (expectAuthors) {
                authors.add(text);
            } else if (credit == null
                    && authors.isEmpty()
                    && text.toLowerCase(Locale.ROOT).startsWith("by ")) {
                authors.add(text.substring(3).strip());
            } else {
                notes.add(text);
            }
        }
        return new TitlePage(
                title,
                authors,
                credit,
                source,
                draftDate,
                contact.isEmpty() ? null : String.join("\n", contact),
                notes.isEmpty() ? null : String.join("\n", notes));
    }

    private static boolean looksLikeContact(String text) {
        return text.contains("@") || text.matches(".*\\d{3}.*\\d{4}.*");
    }
}
