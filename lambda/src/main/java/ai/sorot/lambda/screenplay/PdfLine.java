package ai.sorot.lambda.screenplay;

import java.util.List;

/** The words sharing one baseline on a page, left to right. */
record PdfLine(int page, float y, List<PdfWord> words) {

    float x0() {
        return words.getFirst().x0();
    }

    float x1() {
        return words.getLast().x1();
    }

    String text() {
        return join(words);
    }

    boolean bold() {
        return words.stream().allMatch(PdfWord::bold);
    }

    boolean italic() {
        return words.stream().allMatch(PdfWord::italic);
    }

    PdfLine withWords(List<PdfWord> subset) {
        return new PdfLine(page, y, List.copyOf(subset));
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
