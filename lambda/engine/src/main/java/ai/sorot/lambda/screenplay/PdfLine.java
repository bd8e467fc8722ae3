package ai.sorot.lambda.screenplay;

import java.util.List;

/** The words sharing one baseline on a page, left to right, and their text joined by single spaces. */
record PdfLine(int page, float y, List<PdfWord> words, String text) {

    static PdfLine of(int page, float y, List<PdfWord> words) {
        return new PdfLine(page, y, List.copyOf(words), join(words));
    }

    float x0() {
        return words.getFirst().x0();
    }

    float x1() {
        return words.getLast().x1();
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
