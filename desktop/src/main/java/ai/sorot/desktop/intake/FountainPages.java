package ai.sorot.desktop.intake;

/**
 * A Fountain file has no pages until printed; this estimates them as a screenplay printer lays
 * them out (about 55 lines a page, blank lines included, long lines wrapping at 60 characters),
 * skipping the title page block, notes and boneyard. Good to a page or two: the server's count wins.
 */
final class FountainPages {

    private static final int LINES_PER_PAGE = 55;
    private static final int CHARS_PER_LINE = 60;

    private FountainPages() {}

    static int estimate(String text) {
        var body = text.replace("\uFEFF", "").replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?s)\\[\\[.*?]]", "");
        var lines = body.lines().toList();
        int start = 0;
        if (!lines.isEmpty() && lines.getFirst().matches("^[A-Za-z][A-Za-z ]*:.*")) {
            while (start < lines.size() && !lines.get(start).isBlank()) {
                start++;
            }
        }
        long printed = 0;
        for (int i = start; i < lines.size(); i++) {
            var line = lines.get(i);
            printed += Math.max(1, (line.length() + CHARS_PER_LINE - 1) / CHARS_PER_LINE);
        }
        return (int) Math.max(1, (printed + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
    }
}
