package ai.sorot.lambda.screenplay;

import ai.sorot.model.screenplay.Dual;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.TitlePage;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns page geometry into screenplay paragraphs the way a reader's eye does: a line's indent
 * says what it is (action at the margin, dialogue an inch in, the cue further still, transitions
 * flush right), blank lines separate paragraphs, and a speech broken by a page turn is put back
 * together.
 */
final class PdfLayoutParser {

    record Parsed(TitlePage titlePage, int titlePages, int bodyPages, List<Block> blocks, LayoutMetrics metrics) {}

    private enum Kind {
        ACTION,
        CUE,
        SPEECH,
        CENTER,
        RIGHT
    }

    private LayoutMetrics m;
    private ColumnModel cols;
    private float pageWidth;
    private float bodyTop;
    private float bodyHeight;
    private HeadingClassifier headings;
    private DualDialogueSplitter duals;
    private ScriptLine nextPageTop;
    private ScriptLine lastCue;

    private final List<Block> blocks = new ArrayList<>();
    // the paragraph being built
    private ElementType openType;
    private StringBuilder openText;
    private ScriptLine openFirst;
    private ScriptLine openLast;
    private Dual openDual;
    // speech state
    private boolean inSpeech;
    private boolean parenOpen;
    private String speaker;

    Parsed parse(List<PdfPage> pages) {
        return parse(pages, null);
    }

    /** {@code metadataTitle}: the title the PDF's own information gives, the last resort for a title. */
    Parsed parse(List<PdfPage> pages, String metadataTitle) {
        m = LayoutMetrics.measure(pages);
        var titleReader = new TitlePageReader(m);
        int titlePages = titleReader.isTitlePage(pages.getFirst(), pages.size()) ? 1 : 0;
        TitlePage titlePage = titlePages == 1 ? titleReader.read(pages.getFirst()) : TitlePage.EMPTY;
        float rawAction = ColumnModel.learn(
                        pages.stream().flatMap(p -> p.lines().stream()).toList(),
                        m,
                        pages.getFirst().width())
                .action();
        while (titlePages < pages.size() - 1
                && (pages.get(titlePages).lines().isEmpty()
                        || TitleFinder.isProseNotes(pages.get(titlePages), rawAction, m))) {
            titlePages++; // front matter: an empty cover, a flyleaf, pages of notes before the script
        }
        var body = pages.subList(titlePages, pages.size());
        pageWidth = body.isEmpty() ? 612 : body.getFirst().width();
        var clean = new PageFurniture(m).clean(body);
        if (TitleFinder.isPlaceholder(titlePage.title())) {
            String title = TitleFinder.fromRunningHeader(body);
            if (title == null && !clean.isEmpty() && titlePages == 0) {
                var first = clean.getFirst().lines().stream()
                        .map(l -> new ScriptLine(l, 1))
                        .toList();
                title = TitleFinder.fromFirstLine(first);
            }
            if (title == null) {
                title = TitleFinder.fromMetadata(metadataTitle);
            }
            titlePage = new TitlePage(
                    title,
                    titlePage.authors(),
                    titlePage.credit(),
                    titlePage.source(),
                    titlePage.draftDate(),
                    titlePage.contact(),
                    titlePage.notes());
        }

        var raw = new ArrayList<PdfLine>();
        clean.forEach(page -> raw.addAll(page.lines()));
        var numbers = SceneNumberStripper.learn(raw, m, pageWidth);
        var pageLines = new ArrayList<List<ScriptLine>>();
        var all = new ArrayList<PdfLine>();
        for (int p = 0; p < clean.size(); p++) {
            var lines = new ArrayList<ScriptLine>();
            for (var pdfLine : clean.get(p).lines()) {
                if (pdfLine.words().getFirst().fontSize() > m.fontSize() * 1.8f) {
                    continue; // display type (a giant watermark or logo), not script text
                }
                var line = numbers.strip(pdfLine, p + 1);
                lines.add(line);
                all.add(line.pdf());
            }
            pageLines.add(lines);
        }
        cols = ColumnModel.learn(all, m, pageWidth);
        measureBody(pageLines);
        headings = HeadingClassifier.learn(all, cols, m);
        duals = new DualDialogueSplitter(m, cols);

        for (int p = 0; p < pageLines.size(); p++) {
            boolean continuesSpeech = p > 0 && clean.get(p - 1).endsWithMore();
            nextPageTop = p + 1 < pageLines.size() && !pageLines.get(p + 1).isEmpty()
                    ? pageLines.get(p + 1).getFirst()
                    : null;
            readPage(pageLines.get(p), continuesSpeech);
        }
        flush();
        return new Parsed(titlePage, titlePages, body.size(), List.copyOf(blocks), m);
    }

    // ---- page grid -----------------------------------------------------------------------

    private void measureBody(List<List<ScriptLine>> pageLines) {
        var tops = new LayoutMetrics.FloatList();
        var bottoms = new LayoutMetrics.FloatList();
        for (var lines : pageLines) {
            if (!lines.isEmpty()) {
                tops.add(lines.getFirst().y());
                bottoms.add(lines.getLast().y());
            }
        }
        bodyTop = tops.percentile(0.1, 80);
        float bottom = bottoms.percentile(0.9, bodyTop + 54 * m.lineHeight());
        int linesPerPage = Math.max(40, Math.round((bottom - bodyTop) / m.lineHeight()) + 1);
        bodyHeight = linesPerPage * m.lineHeight();
    }

    private double position(ScriptLine line) {
        return line.page() + Math.max(0, Math.min(0.999, (line.y() - bodyTop) / bodyHeight));
    }

    private double endPosition(ScriptLine line) {
        return line.page() + Math.max(0, Math.min(1.0, (line.y() - bodyTop + m.lineHeight()) / bodyHeight));
    }

    // ---- reading a page --------------------------------------------------------------------

    private void readPage(List<ScriptLine> lines, boolean continuesSpeech) {
        boolean firstSpeechOnPage = true;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var dual = duals.at(lines, i);
            if (dual != null) {
                flush();
                readDualColumn(dual.left(), Dual.LEFT);
                readDualColumn(dual.right(), Dual.RIGHT);
                i = dual.end() - 1;
                firstSpeechOnPage = false;
                continue;
            }
            Kind kind = classify(lines, i);
            switch (kind) {
                case CUE -> {
                    int end = cueEnd(lines, i);
                    String cue = joinText(lines, i, end);
                    boolean continuation = continuesSpeech
                            && firstSpeechOnPage
                            && i <= 1
                            && speaker != null
                            && ScreenplayText.speaker(cue).equals(speaker)
                            && cue.toUpperCase().contains("CONT");
                    firstSpeechOnPage = false;
                    i = end;
                    if (continuation) {
                        inSpeech = true;
                        openLast = lines.get(end); // the speech resumes from here
                        continue;
                    }
                    flush();
                    emit(ElementType.CHARACTER, cue, line, lines.get(end), null, null);
                    lastCue = lines.get(end);
                    speaker = ScreenplayText.speaker(cue);
                    inSpeech = true;
                    parenOpen = false;
                    openLast = lines.get(end);
                }
                case SPEECH -> {
                    firstSpeechOnPage = false;
                    speech(line, null);
                }
                case ACTION -> i = action(lines, i);
                case CENTER -> paragraph(ElementType.CENTERED, line);
                case RIGHT -> paragraph(ElementType.TRANSITION, line);
            }
        }
    }

    private Kind classify(List<ScriptLine> lines, int i) {
        var line = lines.get(i);
        float off = m.chars(line.x0() - cols.action());
        String text = line.text();
        if (Math.abs(off) <= 1.5f || off < 0) {
            return Kind.ACTION;
        }
        var next = i + 1 < lines.size() ? lines.get(i + 1) : null;
        boolean cueLike = line.x0() >= cols.dialogue() + 3 * m.charWidth()
                && off <= 40
                && ScreenplayText.isMostlyUpper(text)
                && text.length() <= 50
                && !text.startsWith("(");
        if (cueLike && cueEnd(lines, i) >= 0) {
            return Kind.CUE;
        }
        boolean right = m.chars(Math.abs(cols.rightEdge() - line.x1())) <= 1.5f && off >= 3
                || m.chars(cols.rightEdge() - line.x1()) <= 2f && off >= 24;
        if (right && ScreenplayText.isUpper(text)) {
            return Kind.RIGHT;
        }
        if (isCentred(line) && !(inSpeech && isSpeechColumn(line))) {
            return Kind.CENTER;
        }
        if (isSpeechColumn(line)) {
            return Kind.SPEECH;
        }
        if (right || off >= 30) {
            return ScreenplayText.isUpper(text) ? Kind.RIGHT : Kind.CENTER;
        }
        return off < m.chars(cols.dialogue() - cols.action()) / 2 ? Kind.ACTION : Kind.SPEECH;
    }

    private boolean isSpeechAfter(ScriptLine cue, ScriptLine next) {
        if (next.page() != cue.page() || m.lines(next.y() - cue.y()) > 1.3f) {
            return false;
        }
        // Word-made scripts set a cue's parenthetical at the cue's own indent
        boolean parenUnderCue = next.text().startsWith("(") && Math.abs(next.x0() - cue.x0()) < 1.5f * m.charWidth();
        return parenUnderCue || isSpeechColumn(next) && next.x0() < cue.x0() + m.charWidth();
    }

    /** A cue at the foot of a page whose speech starts at the top of the next one. */
    private boolean speechStartsOverleaf(ScriptLine cue) {
        return nextPageTop != null
                && nextPageTop.y() - bodyTop < 2 * m.lineHeight()
                && (isSpeechColumn(nextPageTop) || nextPageTop.text().startsWith("("))
                && nextPageTop.x0() < cue.x0() + m.charWidth()
                && nextPageTop.x0() > cols.action() + 2 * m.charWidth();
    }

    private boolean isSpeechColumn(ScriptLine line) {
        float dialogueOff = m.chars(Math.abs(line.x0() - cols.dialogue()));
        boolean paren = line.text().startsWith("(")
                && line.x0() >= cols.dialogue() - m.charWidth()
                && (line.x0() < cols.cue() - m.charWidth() / 2 || followsCue(line)); // Word sets it at the cue indent
        boolean parenWrap = parenOpen && Math.abs(line.x0() - cols.parenthetical()) < 2.5f * m.charWidth();
        return dialogueOff <= 3f || paren || parenWrap;
    }

    private boolean followsCue(ScriptLine line) {
        return lastCue != null
                && lastCue.page() == line.page()
                && m.lines(line.y() - lastCue.y()) <= 1.3f
                && Math.abs(line.x0() - lastCue.x0()) < 1.5f * m.charWidth();
    }

    private boolean isCentred(ScriptLine line) {
        float center = (line.x0() + line.x1()) / 2;
        float columnCenter = (cols.action() + cols.rightEdge()) / 2;
        boolean pageCentred = m.chars(Math.abs(center - pageWidth / 2)) <= 0.6f;
        boolean columnCentred = m.chars(Math.abs(center - columnCenter)) <= 0.6f;
        return (pageCentred || columnCentred) && m.chars(line.x0() - cols.action()) >= 2;
    }

    /** An action-margin line: a heading (maybe wrapped), or part of an action paragraph. Returns the last line used. */
    private int action(List<ScriptLine> lines, int i) {
        inSpeech = false;
        parenOpen = false;
        var line = lines.get(i);
        String text = line.text();
        boolean standalone = headings.isHeading(lines, i, isLoneLine(lines, i));
        if (!standalone) {
            paragraph(ElementType.ACTION, line);
            return i;
        }
        // a heading too long for one line wraps onto the next, still in capitals
        int end = i;
        while (end + 1 < lines.size()
                && m.chars(cols.rightEdge() - lines.get(end).x1()) < 12
                && m.lines(lines.get(end + 1).y() - lines.get(end).y()) <= 1.3f
                && m.chars(Math.abs(lines.get(end + 1).x0() - cols.action())) <= 1.5f
                && ScreenplayText.isUpper(lines.get(end + 1).text())
                && !ScreenplayText.isSceneHeading(lines.get(end + 1).text())) {
            end++;
        }
        flush();
        emit(ElementType.SCENE_HEADING, joinText(lines, i, end), line, lines.get(end), line.sceneNumber(), null);
        return end;
    }

    /**
     * If line i starts a character cue, the index of its last line (a very long name wraps), provided
     * a speech follows at single spacing; -1 otherwise.
     */
    private int cueEnd(List<ScriptLine> lines, int i) {
        int end = i;
        while (end + 1 < lines.size()
                && Math.abs(lines.get(end + 1).x0() - lines.get(i).x0()) < m.charWidth() / 2
                && m.lines(lines.get(end + 1).y() - lines.get(end).y()) <= 1.3f
                && ScreenplayText.isMostlyUpper(lines.get(end + 1).text())
                && end - i < 8) {
            end++;
        }
        for (int last = end; last >= i; last--) {
            if (last + 1 < lines.size() && isSpeechAfter(lines.get(last), lines.get(last + 1))) {
                return last;
            }
        }
        return end + 1 == lines.size() && speechStartsOverleaf(lines.get(end)) ? end : -1;
    }

    private static String joinText(List<ScriptLine> lines, int from, int to) {
        var text = new StringBuilder(lines.get(from).text());
        for (int k = from + 1; k <= to; k++) {
            text.append(' ').append(lines.get(k).text());
        }
        return text.toString();
    }

    private boolean isLoneLine(List<ScriptLine> lines, int i) {
        var line = lines.get(i);
        boolean gapBefore = i == 0 || m.lines(line.y() - lines.get(i - 1).y()) > 1.5f;
        boolean gapAfter = i + 1 >= lines.size() || m.lines(lines.get(i + 1).y() - line.y()) > 1.5f;
        return gapBefore && gapAfter;
    }

    /** Adds a line to the open paragraph of that type if it follows at single spacing, else opens one. */
    private void paragraph(ElementType type, ScriptLine line) {
        if (type != ElementType.ACTION) {
            inSpeech = false;
            parenOpen = false;
        }
        if (openType == type && openDual == null && follows(line)) {
            append(line);
            return;
        }
        flush();
        open(type, line, null);
    }

    private void speech(ScriptLine line, Dual dual) {
        String text = line.text();
        if (!inSpeech) {
            // no cue before it: a speech the page break cut (without (MORE)), or an indented action line
            if (openLast != null
                    && openLast.page() == line.page() - 1
                    && (openType == ElementType.DIALOGUE || openType == ElementType.PARENTHETICAL)
                    && line.y() - bodyTop < 2 * m.lineHeight()) {
                inSpeech = true;
            } else {
                paragraph(ElementType.ACTION, line);
                return;
            }
        }
        // "(" at the dialogue indent, where this script sets parentheticals further in, is spoken text
        boolean parenColumn = m.chars(cols.parenthetical() - cols.dialogue()) < 2.5f
                || m.chars(Math.abs(line.x0() - cols.dialogue())) > 1f
                || dual != null;
        if (text.startsWith("(") && !parenOpen && parenColumn) {
            flush();
            open(ElementType.PARENTHETICAL, line, dual);
            parenOpen = !text.endsWith(")");
            return;
        }
        if (parenOpen && openType == ElementType.PARENTHETICAL) {
            append(line);
            parenOpen = !text.endsWith(")");
            return;
        }
        parenOpen = false;
        if (openType == ElementType.DIALOGUE && (follows(line) || line.page() != openLast.page())) {
            append(line);
            return;
        }
        flush();
        open(ElementType.DIALOGUE, line, dual);
    }

    private boolean follows(ScriptLine line) {
        return openLast != null && openLast.page() == line.page() && m.lines(line.y() - openLast.y()) <= 1.3f;
    }

    // ---- dual dialogue ------------------------------------------------------------------------

    private void readDualColumn(List<ScriptLine> column, Dual side) {
        var cue = column.getFirst();
        emit(ElementType.CHARACTER, cue.text(), cue, cue, null, side);
        speaker = ScreenplayText.speaker(cue.text());
        inSpeech = true;
        parenOpen = false;
        openLast = cue;
        for (var line : column.subList(1, column.size())) {
            speech(line, side);
        }
        flush();
        inSpeech = false;
    }

    // ---- emitting ------------------------------------------------------------------------------

    private void open(ElementType type, ScriptLine line, Dual dual) {
        openType = type;
        openText = new StringBuilder(line.text());
        openFirst = line;
        openLast = line;
        openDual = dual;
    }

    private void append(ScriptLine line) {
        if (openText.length() > 0
                && openText.charAt(openText.length() - 1) == '-'
                && openText.length() > 1
                && Character.isLetter(openText.charAt(openText.length() - 2))
                && !line.text().isEmpty()
                && Character.isLowerCase(line.text().charAt(0))) {
            openText.append(line.text()); // a word the renderer hyphenated at the line end
        } else {
            openText.append(' ').append(line.text());
        }
        openLast = line;
    }

    private void flush() {
        if (openType == null) {
            return;
        }
        var type = openType;
        var text = openText.toString().strip();
        if (type == ElementType.ACTION && openFirst == openLast && ScreenplayText.isTransition(text)) {
            type = ElementType.TRANSITION;
        }
        emit(type, text, openFirst, openLast, null, openDual);
        openType = null;
        openText = null;
        openDual = null;
    }

    private void emit(ElementType type, String text, ScriptLine first, ScriptLine last, String sceneNumber, Dual dual) {
        blocks.add(new Block(type, text, first.page(), position(first), endPosition(last), sceneNumber, dual));
    }
}
