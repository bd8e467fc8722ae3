package ai.sorot.lambda.screenplay;

import ai.sorot.model.screenplay.TitlePage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a cover page by its layout: the title is the first centred block, the credit line
 * ("Written by") introduces the authors, a source line ("Based on", "Story by") may follow,
 * and the blocks at the bottom corners hold the draft date, contact details and notes.
 */
final class TitlePageReader {

    private static final Pattern CREDIT = Pattern.compile(
            "^(?:(?:an? )?(?:original )?(?:screenplay|teleplay|script|story|written|adapted|adaptation)"
                    + "(?: and (?:screenplay|teleplay|story))?\\s*)?by:?$",
            Pattern.CASE_INSENSITIVE);
    /** "Story by", "Based on the novel by", "From an idea by": the source line, not an author. */
    private static final Pattern SOURCE = Pattern.compile(
            "^(?:story by|based on|from (?:a|an|the)\\b|adapted from|inspired by)", Pattern.CASE_INSENSITIVE);

    private static final Pattern DATE = Pattern.compile(
            "(?i)\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2},? \\d{4}"
                    + "|\\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \\d{4}|\\b(?:19|20)\\d{2}\\b|draft)");

    private final LayoutMetrics metrics;

    TitlePageReader(LayoutMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * A cover page has no screenplay on it: no scene heading, no speech, few lines, and its
     * text is centred or sits in the corners.
     */
    boolean isTitlePage(PdfPage page, int totalPages) {
        var lines = page.lines();
        if (totalPages < 2 || lines.isEmpty() || lines.size() > 40) {
            return false;
        }
        int centred = 0;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (ScreenplayText.isSceneHeading(line.text())) {
                return false;
            }
            if (isCentred(page, line)) {
                centred++;
            }
        }
        if (centred == 0 && !(lines.size() <= 20 && hasDisplayType(lines))) {
            return false; // a cover set flush left still shows its title in larger type
        }
        // a speech is a short capitalised line followed at one line's distance by a wider, left-shifted one
        for (int i = 0; i + 2 < lines.size(); i++) {
            var cue = lines.get(i);
            var next = lines.get(i + 1);
            var after = lines.get(i + 2);
            if (ScreenplayText.isMostlyUpper(cue.text())
                    && metrics.lines(next.y() - cue.y()) < 1.3f
                    && metrics.chars(cue.x0() - next.x0()) > 4
                    && !isCentred(page, next)
                    && metrics.lines(after.y() - next.y()) < 1.3f
                    && Math.abs(after.x0() - next.x0()) < metrics.charWidth()) {
                return false;
            }
        }
        return true;
    }

    private boolean hasDisplayType(List<PdfLine> lines) {
        return lines.stream()
                .anyMatch(l -> l.words().stream().anyMatch(w -> w.fontSize() >= 1.3f * metrics.fontSize()));
    }

    /** The block set in the largest type, when it is larger than the rest: a flush-left cover's title. */
    private static String largestType(List<List<PdfLine>> blocks) {
        List<PdfLine> best = null;
        float bestSize = 0;
        float otherSize = 0;
        for (var block : blocks) {
            float size = 0;
            for (var line : block) {
                for (var word : line.words()) {
                    size = Math.max(size, word.fontSize());
                }
            }
            if (size > bestSize) {
                otherSize = Math.max(otherSize, bestSize);
                bestSize = size;
                best = block;
            } else {
                otherSize = Math.max(otherSize, size);
            }
        }
        return best != null && bestSize >= 1.2f * otherSize ? joinBlock(best) : null;
    }

    boolean isCentred(PdfPage page, PdfLine line) {
        float center = (line.x0() + line.x1()) / 2;
        return metrics.chars(Math.abs(center - page.width() / 2)) <= 2.5f
                && metrics.chars(line.x0()) > 12; // a full-width line is centred by accident
    }

    TitlePage read(PdfPage page) {
        var blocks = blocks(page);
        String title = null;
        String credit = null;
        String source = null;
        var authors = new ArrayList<String>();
        String draftDate = null;
        var contact = new ArrayList<String>();
        var notes = new ArrayList<String>();
        boolean expectAuthors = false;
        int centredBlocks = 0;
        for (var block : blocks) {
            boolean centred = block.stream().allMatch(l -> isCentred(page, l))
                    || block.stream().anyMatch(l -> isCentred(page, l))
                            && block.getFirst().y() < page.height() * 0.6f;
            if (centred) {
                centredBlocks++;
                for (var line : block) {
                    String text = line.text().strip();
                    if (title == null) {
                        title = joinBlock(block);
                        break;
                    }
                    if (CREDIT.matcher(text).matches()) {
                        credit = text;
                        expectAuthors = true;
                        continue;
                    }
                    if (SOURCE.matcher(text).find()) {
                        source = source == null ? text : source + " " + text;
                        expectAuthors = false;
                    } else if (expectAuthors) {
                        authors.add(text);
                    } else if (authors.isEmpty() && credit == null && centredBlocks == 2 && block.size() <= 3) {
                        // no credit line: the block under the title names the writers
                        boolean by = text.toLowerCase(java.util.Locale.ROOT).startsWith("by ");
                        authors.add(by ? text.substring(3).strip() : text);
                    } else {
                        source = source == null ? text : source + " " + text;
                    }
                }
                if (!authors.isEmpty()) {
                    expectAuthors = false;
                }
            } else {
                // a corner block: a date line is the draft date; a block with an address, phone,
                // e-mail or agency (or on the right, where Final Draft puts it) is the contact
                var rest = new ArrayList<String>();
                for (var line : block) {
                    String text = line.text().strip();
                    if (draftDate == null && DATE.matcher(text).find() && text.length() < 40) {
                        draftDate = text;
                    } else {
                        rest.add(text);
                    }
                }
                boolean right = block.getFirst().x0() > page.width() / 2 - metrics.charWidth() * 4;
                if (right || rest.stream().anyMatch(TitlePageReader::looksLikeContact)) {
                    contact.addAll(rest);
                } else {
                    notes.addAll(rest);
                }
            }
        }
        String display = largestType(blocks);
        if (display != null && (title == null || centredBlocks == 0)) {
            title = display;
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
        return text.contains("@")
                || text.matches(".*\\d{3}.*\\d{4}.*")
                || text.matches("(?i).*(agent|management|productions|street|st\\.|ave|road|suite).*");
    }

    private static String joinBlock(List<PdfLine> block) {
        var parts = new ArrayList<String>();
        for (var line : block) {
            if (CREDIT.matcher(line.text().strip()).matches()) {
                break;
            }
            parts.add(readable(line).strip());
        }
        return String.join(" ", parts);
    }

    /**
     * A cover line as a reader reads it: a logo letter in another size before the title is not
     * part of it, and letter-spaced capitals ("T H E   L E T T E R S") are words.
     */
    private static String readable(PdfLine line) {
        var words = line.words();
        if (words.size() >= 2
                && words.getFirst().text().length() == 1
                && Math.abs(words.getFirst().fontSize() - words.get(1).fontSize())
                        > 0.3f * words.get(1).fontSize()) {
            words = words.subList(1, words.size());
        }
        if (words.size() >= 4
                && words.stream()
                        .allMatch(w -> w.text().codePointCount(0, w.text().length()) == 1)) {
            float narrowest = Float.MAX_VALUE;
            for (int i = 1; i < words.size(); i++) {
                narrowest =
                        Math.min(narrowest, words.get(i).x0() - words.get(i - 1).x1());
            }
            var text = new StringBuilder(words.getFirst().text());
            for (int i = 1; i < words.size(); i++) {
                if (words.get(i).x0() - words.get(i - 1).x1() > 1.6f * narrowest + 1f) {
                    text.append(' ');
                }
                text.append(words.get(i).text());
            }
            return text.toString();
        }
        return PdfLine.join(words);
    }

    /**
     * Text grouped the way the eye groups a cover: into the centred column, the left corner and
     * the right corner (pieces of one baseline far apart are separate), then by vertical gaps.
     */
    private List<List<PdfLine>> blocks(PdfPage page) {
        var columns = new java.util.EnumMap<Column, List<PdfLine>>(Column.class);
        for (var line : page.lines()) {
            for (var segment : segments(line)) {
                var column = isCentred(page, segment)
                        ? Column.CENTRE
                        : segment.x0() < page.width() / 2 ? Column.LEFT : Column.RIGHT;
                columns.computeIfAbsent(column, c -> new ArrayList<>()).add(segment);
            }
        }
        var blocks = new ArrayList<List<PdfLine>>();
        for (var lines : columns.values()) {
            List<PdfLine> current = null;
            PdfLine previous = null;
            for (var line : lines) {
                float size = Math.max(
                        line.words().getFirst().fontSize(),
                        previous == null ? 0 : previous.words().getFirst().fontSize());
                boolean sameBlock = previous != null
                        && (line.y() - previous.y()) < 1.6f * Math.max(metrics.lineHeight(), size)
                        && Math.abs(line.words().getFirst().fontSize()
                                        - previous.words().getFirst().fontSize())
                                < 1f;
                if (!sameBlock) {
                    current = new ArrayList<>();
                    blocks.add(current);
                }
                current.add(line);
                previous = line;
            }
        }
        blocks.sort(java.util.Comparator.comparingDouble(
                        (List<PdfLine> b) -> b.getFirst().y())
                .thenComparingDouble(b -> b.getFirst().x0()));
        return blocks;
    }

    private enum Column {
        CENTRE,
        LEFT,
        RIGHT
    }

    private List<PdfLine> segments(PdfLine line) {
        var segments = new ArrayList<PdfLine>();
        var words = line.words();
        int from = 0;
        for (int i = 1; i <= words.size(); i++) {
            if (i == words.size()
                    || metrics.chars(words.get(i).x0() - words.get(i - 1).x1()) >= 4) {
                segments.add(line.withWords(words.subList(from, i)));
                from = i;
            }
        }
        return segments;
    }
}
