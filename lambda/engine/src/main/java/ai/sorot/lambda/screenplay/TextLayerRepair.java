package ai.sorot.lambda.screenplay;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Repairs a text layer that a known wrong encoding garbled, when the evidence is clear, so that
 * names and headings read as the page shows them. Final Draft for old Mac OS wrote Mac Roman
 * bytes that readers decode as WinAnsi: every ’ comes out as Õ ("MARAÕS", "(CONTÕD)") and
 * quotes as Ò Ó. Only Õ between two letters counts as evidence, since no English or Romance word
 * has it there, and only a script with several such words and few real apostrophes is changed.
 */
final class TextLayerRepair {

    private static final Pattern MAC_ROMAN_APOSTROPHE = Pattern.compile("\\p{L}Õ\\p{L}");
    private static final Pattern REAL_APOSTROPHE = Pattern.compile("\\p{L}['’]\\p{L}");

    private TextLayerRepair() {}

    /** The pages with Mac Roman punctuation restored, or the same list when there is no clear evidence. */
    static List<PdfPage> macRomanRead(List<PdfPage> pages) {
        int garbled = 0;
        for (var page : pages) {
            for (var line : page.lines()) {
                garbled += count(MAC_ROMAN_APOSTROPHE, line.text(), "Õ");
            }
        }
        if (garbled < 3) {
            return pages; // the usual case: real apostrophes need no counting
        }
        int real = 0;
        for (var page : pages) {
            for (var line : page.lines()) {
                real += count(REAL_APOSTROPHE, line.text(), "'’");
            }
        }
        if (real > garbled / 4) {
            return pages;
        }
        var repaired = new ArrayList<PdfPage>(pages.size());
        for (var page : pages) {
            var lines = new ArrayList<PdfLine>(page.lines().size());
            for (var line : page.lines()) {
                var words = new ArrayList<PdfWord>(line.words().size());
                for (var w : line.words()) {
                    words.add(
                            new PdfWord(macRoman(w.text()), w.x0(), w.x1(), w.y(), w.fontSize(), w.bold(), w.italic()));
                }
                lines.add(PdfLine.of(line.page(), line.y(), words));
            }
            repaired.add(new PdfPage(page.number(), page.width(), page.height(), lines, page.glyphCount()));
        }
        return repaired;
    }

    /** Õ Ô Ò Ó are ’ ‘ “ ” in Mac Roman. */
    static String macRoman(String text) {
        return text.replace('Õ', '’').replace('Ô', '‘').replace('Ò', '“').replace('Ó', '”');
    }

    /**
     * A page whose spaces the text layer gives as "!" ("SILICON!VALLEY!", lines of a lone "!"
     * where the page shows blank lines): several "!" between letters, or several lines of only "!".
     */
    static boolean bangsForSpaces(List<PdfLine> lines) {
        int between = 0;
        int alone = 0;
        for (var line : lines) {
            if (line.text().equals("!")) {
                alone++;
            }
            var words = line.words();
            for (int w = 0; w < words.size(); w++) {
                if (w + 1 < words.size() && words.get(w).text().endsWith("!")) {
                    return false; // "Go! Now": a real exclamation, followed by a real space
                }
                between += count(BANG_BETWEEN_LETTERS, words.get(w).text(), "!");
            }
        }
        return between >= 2 && (alone >= 2 || between >= 4);
    }

    private static final Pattern BANG_BETWEEN_LETTERS = Pattern.compile("\\p{L}!\\p{L}");

    /** Matches of the pattern; {@code marks} holds the characters every match contains, so most lines skip the regex. */
    private static int count(Pattern pattern, String text, String marks) {
        if (!containsAny(text, marks)) {
            return 0;
        }
        int n = 0;
        var matcher = pattern.matcher(text);
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static boolean containsAny(String text, String marks) {
        for (int i = 0; i < marks.length(); i++) {
            if (text.indexOf(marks.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
