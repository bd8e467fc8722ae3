package ai.sorot.lambda.screenplay;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.Dual;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Final Draft's {@code .fdx} (XML) to screenplay. The writer already typed every paragraph (Scene
 * Heading, Action, Character, Parenthetical, Dialogue, Transition, Shot, General...), so nothing is
 * guessed from layout: paragraphs map to elements, {@code <DualDialogue>} groups become the left and
 * right speeches, {@code Number=} is the scene number, and the title page is read from
 * {@code <TitlePage>}. Pages are laid out as for Fountain ({@link FountainPaginator}), breaking where
 * Final Draft was told to start a new page, so page counts, runtime and eighths mean the same.
 *
 * <p>The XML is read with DTDs and external entities switched off. A document that declares
 * entities (the "billion laughs" bomb expands a few kilobytes into gigabytes) is refused with
 * {@code ARCHIVE_TOO_LARGE} before anything is expanded; malformed XML is {@code FDX_INVALID}.
 */
final class FdxReader {

    /** Paragraph types Final Draft's default template prints in capitals, whatever was typed. */
    private static final Set<String> DEFAULT_CAPS = Set.of("scene heading", "character", "transition", "shot");
    /** Kept in the file for the writer's outline, not printed on the page. */
    private static final Set<String> UNPRINTED = Set.of("outline", "outline body", "summary", "cast list");

    private static final XMLInputFactory XML = secureFactory();

    /** One paragraph as the file holds it, before capitals are applied and pages laid out. */
    private record Paragraph(String type, String text, String number, Dual dual, boolean newPage) {}

    /** Element settings come after the content in the file, so capitals are applied at the end. */
    private final Map<String, Boolean> allCaps = new HashMap<>();

    private final List<Paragraph> body = new ArrayList<>();
    private final List<FdxTitlePage.Line> cover = new ArrayList<>();

    Screenplay read(byte[] content) {
        try {
            XMLStreamReader xml;
            if (declaresOtherEncoding(content)) {
                xml = XML.createXMLStreamReader(new ByteArrayInputStream(content));
            } else {
                var text = utf8(content);
                refuseEntities(text);
                xml = XML.createXMLStreamReader(new java.io.StringReader(text));
            }
            try {
                readDocument(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new SorotException(
                    ErrorCode.FDX_INVALID,
                    "The Final Draft file is not well-formed XML (" + firstLine(e.getMessage()) + ").",
                    e);
        }
        if (body.stream().allMatch(p -> p.text().isBlank()) && cover.isEmpty()) {
            throw new SorotException(ErrorCode.EMPTY_FILE, "The Final Draft file has no text.");
        }
        return build();
    }

    private void readDocument(XMLStreamReader xml) throws XMLStreamException {
        boolean root = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD
                    && xml.getText() != null
                    && xml.getText().contains("<!ENTITY")) {
                throw entityBomb();
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!root) {
                if (!xml.getLocalName().equals("FinalDraft")) {
                    throw new SorotException(
                            ErrorCode.FDX_INVALID,
                            "The XML file is not a Final Draft script (its root is <" + xml.getLocalName()
                                    + ">, not <FinalDraft>).");
                }
                root = true;
                continue;
            }
            switch (xml.getLocalName()) {
                case "Content" -> readContent(xml, body, null);
                case "TitlePage" -> readTitlePage(xml);
                case "ElementSettings" -> readElementSettings(xml);
                default -> skip(xml);
            }
        }
        if (!root) {
            throw new SorotException(ErrorCode.FDX_INVALID, "The Final Draft file has no <FinalDraft> element.");
        }
    }

    /** The paragraphs of a {@code <Content>} (or a {@code <DualDialogue>}), up to its end tag. */
    private void readContent(XMLStreamReader xml, List<Paragraph> into, DualState dual) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("Paragraph")) {
                    readParagraph(xml, into, dual);
                } else {
                    skip(xml);
                }
            }
        }
    }

    private void readParagraph(XMLStreamReader xml, List<Paragraph> into, DualState dual) throws XMLStreamException {
        String type = attribute(xml, "Type");
        String number = attribute(xml, "Number");
        boolean newPage = "Yes".equalsIgnoreCase(attribute(xml, "StartsNewPage"));
        var text = new StringBuilder();
        int position = into.size();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "Text" -> text.append(readText(xml));
                // the two speeches side by side; the paragraph around them holds nothing else
                case "DualDialogue" -> readContent(xml, into, new DualState());
                default -> skip(xml); // scene properties, script notes, dynamic labels: not printed text
            }
        }
        type = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        Dual side = null;
        if (dual != null) {
            if (type.equals("character")) {
                dual.speakers++;
            }
            side = dual.speakers <= 1 ? Dual.LEFT : Dual.RIGHT;
        }
        if (!type.isEmpty() || !text.isEmpty()) {
            into.add(position, new Paragraph(type, text.toString(), blankToNull(number), side, newPage));
        }
    }

    private static final class DualState {
        int speakers;
    }

    /** A text run; a run styled AllCaps prints in capitals. */
    private static String readText(XMLStreamReader xml) throws XMLStreamException {
        String style = attribute(xml, "Style");
        var text = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                skip(xml);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return style != null && style.contains("AllCaps") ? text.toString().toUpperCase(Locale.ROOT) : text.toString();
    }

    private void readTitlePage(XMLStreamReader xml) throws XMLStreamException {
        var paragraphs = new ArrayList<Paragraph>();
        var alignments = new ArrayList<String>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("Content")) {
                    readCover(xml, paragraphs, alignments);
                } else {
                    skip(xml);
                }
            }
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            cover.add(new FdxTitlePage.Line(clean(paragraphs.get(i).text()), alignments.get(i)));
        }
    }

    private void readCover(XMLStreamReader xml, List<Paragraph> paragraphs, List<String> alignments)
            throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("Paragraph")) {
                    String alignment = attribute(xml, "Alignment");
                    int before = paragraphs.size();
                    readParagraph(xml, paragraphs, null);
                    while (alignments.size() < paragraphs.size()) {
                        alignments.add(alignment == null ? "Left" : alignment);
                    }
                    if (paragraphs.size() == before) { // an empty spacer paragraph still separates blocks
                        paragraphs.add(new Paragraph("", "", null, null, false));
                        alignments.add(alignment == null ? "Left" : alignment);
                    }
                } else {
                    skip(xml);
                }
            }
        }
    }

    private void readElementSettings(XMLStreamReader xml) throws XMLStreamException {
        String type = attribute(xml, "Type");
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("FontSpec") && type != null) {
                    var caps = attribute(xml, "AllCaps");
                    if (caps != null) {
                        allCaps.put(type.strip().toLowerCase(Locale.ROOT), caps.equalsIgnoreCase("Yes"));
                    }
                }
                skip(xml);
            }
        }
    }

    // ---- from paragraphs to the screenplay ---------------------------------------------------

    private Screenplay build() {
        var pages = new FountainPaginator();
        var blocks = new ArrayList<Block>();
        for (var paragraph : body) {
            var type = elementType(paragraph.type());
            if (type == null) {
                continue;
            }
            String text = clean(paragraph.text());
            if (allCaps.getOrDefault(paragraph.type(), DEFAULT_CAPS.contains(paragraph.type()))) {
                text = text.toUpperCase(Locale.ROOT);
            }
            if (paragraph.newPage()) {
                pages.pageBreak();
            }
            if (text.isEmpty()) {
                continue;
            }
            if (type != ElementType.CHARACTER && !type.isSpoken()) {
                pages.endSpeech();
            }
            var placed = pages.place(type, text);
            String number = type == ElementType.SCENE_HEADING ? paragraph.number() : null;
            blocks.add(new Block(type, text, placed.page(), placed.start(), placed.end(), number, paragraph.dual()));
        }
        return ScreenplayBuilder.build(
                FdxTitlePage.read(cover), blocks, pages.pageCount(), Screenplay.SourceFormat.FINAL_DRAFT);
    }

    /** Final Draft's paragraph types (and the common custom ones) as the engine's elements; null: not printed. */
    private static ElementType elementType(String type) {
        if (UNPRINTED.contains(type) || type.startsWith("outline")) {
            return null;
        }
        return switch (type) {
            case "scene heading" -> ElementType.SCENE_HEADING;
            case "character" -> ElementType.CHARACTER;
            case "parenthetical" -> ElementType.PARENTHETICAL;
            case "dialogue" -> ElementType.DIALOGUE;
            case "lyrics", "lyric" -> ElementType.LYRICS;
            case "transition" -> ElementType.TRANSITION;
            case "new act", "end of act", "centered", "centred" -> ElementType.CENTERED;
            // a shot is a camera direction inside a scene, not a new scene; General is free text
            default -> ElementType.ACTION;
        };
    }

    // ---- XML helpers --------------------------------------------------------------------------

    /**
     * Final Draft writes UTF-8. Its bytes are decoded here, strictly, so that bytes that are not
     * text get Sorot's own refusal and the XML parser never prints its "[Fatal Error]" line.
     */
    private static String utf8(byte[] content) {
        try {
            var text = java.nio.charset.StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SorotException(
                    ErrorCode.FDX_INVALID,
                    "The Final Draft file is not readable text: its bytes are not "
                            + "UTF-8, as Final Draft writes them. Export it again from Final Draft.");
        }
    }

    private static SorotException entityBomb() {
        return new SorotException(
                ErrorCode.ARCHIVE_TOO_LARGE,
                "The Final Draft file declares XML entities, "
                        + "which can expand a few kilobytes into gigabytes (an \"XML bomb\"); Sorot never expands them. "
                        + "Final Draft itself never writes them: export the script again.");
    }

    /** Entities declared in the prolog, before the root element, are refused before any parsing. */
    private static void refuseEntities(String text) {
        int root = text.indexOf("<FinalDraft");
        var prolog = root < 0 ? text.substring(0, Math.min(text.length(), 65_536)) : text.substring(0, root);
        if (prolog.contains("<!ENTITY")) {
            throw entityBomb();
        }
    }

    /** An XML declaration naming an encoding other than UTF-8 (the parser then reads the bytes itself). */
    private static boolean declaresOtherEncoding(byte[] content) {
        if (content.length >= 2 && ((content[0] & 0xff) == 0xFE || (content[0] & 0xff) == 0xFF)) {
            return true; // a UTF-16 byte-order mark
        }
        var head = new String(content, 0, Math.min(content.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1);
        var declared = java.util.regex.Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"']")
                .matcher(head);
        return declared.find()
                && !declared.group(1).equalsIgnoreCase("UTF-8")
                && !declared.group(1).equalsIgnoreCase("UTF8");
    }

    private static XMLInputFactory secureFactory() {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // the parser's own "[Fatal Error]" lines never reach the terminal: FDX_INVALID says it in words
        factory.setXMLReporter((message, type, info, location) -> {});
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Skips the element just started, children and all. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String attribute(XMLStreamReader xml, String name) {
        return xml.getAttributeValue(null, name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Tabs, line breaks and runs of spaces as one space: the paragraph as printed on one line of text. */
    private static String clean(String text) {
        return text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        var line = message.lines()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .reduce((a, b) -> a + " " + b)
                .orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
