package ai.sorot.lambda.screenplay;

import ai.sorot.model.screenplay.ElementType;

/**
 * Lays Fountain paragraphs out on US Letter pages with the standard widths (action 61
 * characters, dialogue 35, parentheticals 25) and 55 lines a page, so that a Fountain script's
 * page count, runtime and scene eighths match what its PDF would show.
 */
final class FountainPaginator {

    static final int LINES_PER_PAGE = 55;

    record Placement(int page, double start, double end) {}

    private int page = 1;
    private int line;
    private boolean inSpeech;
    private boolean anything;

    Placement place(ElementType type, String text) {
        int height = wrap(text, width(type));
        boolean speechPart = type == ElementType.DIALOGUE
                || type == ElementType.PARENTHETICAL
                || (type == ElementType.LYRICS && inSpeech);
        int gap = (line == 0 || (speechPart && inSpeech)) ? 0 : 1;
        if (type == ElementType.SCENE_HEADING && line > 0) {
            gap = 1;
        }
        if (line + gap + height + (type == ElementType.CHARACTER ? 1 : 0) > LINES_PER_PAGE && line > 0) {
            page++;
            line = 0;
            gap = 0;
        }
        line += gap;
        double start = page + line / (double) LINES_PER_PAGE;
        line += height;
        double end = page + Math.min(line, LINES_PER_PAGE) / (double) LINES_PER_PAGE;
        inSpeech = type == ElementType.CHARACTER || speechPart;
        anything = true;
        return new Placement(page, start, end);
    }

    void endSpeech() {
        inSpeech = false;
    }

    void pageBreak() {
        if (line > 0) {
            page++;
            line = 0;
        }
    }

    int pageCount() {
        return anything ? page : 0;
    }

    private static int width(ElementType type) {
        return switch (type) {
            case DIALOGUE, LYRICS -> 35;
            case PARENTHETICAL -> 25;
            case CHARACTER -> 38;
            default -> 61;
        };
    }

    /** Lines the text takes when wrapped at word boundaries to {@code width} characters. */
    static int wrap(String text, int width) {
        int lines = 1;
        int column = 0;
        for (String word : text.split(" ")) {
            int length = word.length();
            if (column == 0) {
                column = Math.min(length, width);
            } else if (column + 1 + length <= width) {
                column += 1 + length;
            } else {
                lines++;
                column = Math.min(length, width);
            }
        }
        return lines;
    }
}
