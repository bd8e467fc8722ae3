package ai.sorot.lambda.screenplay;

/**
 * A run of glyphs with no gap between them, where the page put it. Coordinates are in PDF points
 * with the origin at the top-left of the page; {@code y} is the baseline.
 */
record PdfWord(String text, float x0, float x1, float y, float fontSize, boolean bold, boolean italic) {

    float center() {
        return (x0 + x1) / 2;
    }
}
