package ai.sorot.lambda.screenplay;

import java.util.List;

/**
 * The words sharing one baseline on a page, left to right, their text joined by single spaces,
 * and where the line starts and ends (NaN for a line with no words); the layout reads those two
 * many times per line.
 */
record PdfLine(int page, float y, List<PdfWord> words, String text, float x0, float x1) {

    static PdfLine of(int page, float y, List<PdfWord> words) {
        var copy = List.copyOf(words);
        return copy.isEmpty()
                ? new PdfLine(page, y, copy, "", Float.NaN, Float.NaN)
                : new PdfLine(
                        page,
                        y,
                        copy,
                        join(copy),
                        copy.getFirst().x0(),
                        copy.getLast().x1());
    }

    boolean bold() {
        return words.stream().allMatch(PdfWord::bold);
    }

    boolean italic() {
        return words.stream().allMatch(PdfWord::italic);
    }

    PdfLine withWords(List<PdfWord> subset) {
        return of(page, y, subset);
    }

    static String join(List<PdfWord> words) {
        var text = new StringBuilder();
        for (var word : words) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(word.text());
        }
        return text.toString();
    }
}
