package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.Dual;
import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import ai.sorot.model.screenplay.ScreenplayStats.CharacterStat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Final Draft files read into the same screenplay as a PDF: every typed paragraph where the writer put it. */
class FdxReaderTest {

    private final ScreenplayReader reader = new ScreenplayReader();

    @TempDir
    Path dir;

    static byte[] fixture() {
        return ai.sorot.lambda.support.FormatFixtures.finalDraft();
    }

    @Test
    void everySceneHeadingParagraphIsOneSceneWithItsNumber() throws Exception {
        var bytes = fixture();
        var screenplay = reader.read(bytes, "night-ferry.fdx");
        assertThat(screenplay.format()).isEqualTo(Screenplay.SourceFormat.FINAL_DRAFT);
        assertThat(screenplay.scenes()).hasSize(truth(bytes).headings());
        assertThat(screenplay.scenes()).extracting(s -> s.sceneNumber()).containsExactly("1", "2A", "3", "4");
        // Final Draft prints headings in capitals whatever was typed; the number is not in the text
        assertThat(screenplay.scenes())
                .extracting(s -> s.heading())
                .containsExactly(
                        "EXT. HARBOUR QUAY - NIGHT",
                        "INT. FERRY CABIN - CONTINUOUS",
                        "EXT. FERRY DECK - NIGHT",
                        "INT./EXT. HARBOUR OFFICE - DAWN");
    }

    @Test
    void characterSpeechesAgreeWithTheFile() throws Exception {
        var bytes = fixture();
        var screenplay = reader.read(bytes, "night-ferry.fdx");
        assertThat(agreement(truth(bytes).speeches(), screenplay)).isEqualTo(1.0);
        assertThat(speeches(screenplay))
                .containsEntry("ILSE", 3)
                .containsEntry("BRAM", 3)
                .containsEntry("DECKHAND", 1);
    }

    @Test
    void dualDialogueIsLeftSpeakerThenRight() throws Exception {
        var elements = reader.read(fixture(), "night-ferry.fdx").elements();
        var dual = elements.stream().filter(e -> e.dual() != null).toList();
        assertThat(dual)
                .extracting(Element::type, Element::text, Element::dual)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ElementType.CHARACTER, "ILSE", Dual.LEFT),
                        org.assertj.core.groups.Tuple.tuple(ElementType.DIALOGUE, "Mine.", Dual.LEFT),
                        org.assertj.core.groups.Tuple.tuple(ElementType.CHARACTER, "BRAM", Dual.RIGHT),
                        org.assertj.core.groups.Tuple.tuple(
                                ElementType.PARENTHETICAL, "(at the same time)", Dual.RIGHT),
                        org.assertj.core.groups.Tuple.tuple(ElementType.DIALOGUE, "Mine.", Dual.RIGHT));
    }

    @Test
    void textRunsJoinAndOnlyPrintedTextIsKept() throws Exception {
        var screenplay = reader.read(fixture(), "night-ferry.fdx");
        var texts = screenplay.elements().stream().map(Element::text).toList();
        assertThat(texts)
                .contains(
                        "Fog rolls over the water. A lone ferry sounds its horn.",
                        "CLOSE ON THE TICKET",
                        "THE ENGINE SHUDDERS",
                        "FADE IN:",
                        "(calling)");
        assertThat(String.join(" ", texts)).doesNotContain("never printed").doesNotContain("Blue revision");
        assertThat(screenplay.elements().stream()
                        .filter(e -> e.text().equals("CLOSE ON THE TICKET"))
                        .findFirst()
                        .orElseThrow()
                        .type())
                .as("a shot is inside its scene, not a new one")
                .isEqualTo(ElementType.ACTION);
    }

    @Test
    void titlePageIsReadFromItsParagraphs() throws Exception {
        var screenplay = reader.read(fixture(), "night-ferry.fdx");
        assertThat(screenplay.title()).isEqualTo("THE NIGHT FERRY");
        assertThat(screenplay.authors()).containsExactly("Wren Halvorsen");
        var cover = screenplay.titlePage();
        assertThat(cover.credit()).isEqualTo("Written by");
        assertThat(cover.source()).isEqualTo("Based on a story by Oda Lind");
        assertThat(cover.draftDate()).isEqualTo("Second draft, 3/14/2026");
        assertThat(cover.contact()).isEqualTo("wren@example.org\n+1 555 0100 2000");
    }

    @Test
    void pagesAreLaidOutAndANewPageParagraphStartsOne() throws Exception {
        var screenplay = reader.read(fixture(), "night-ferry.fdx");
        assertThat(screenplay.pageCount()).isEqualTo(2);
        assertThat(screenplay.scenes().get(2).startPage()).isEqualTo(2);
        assertThat(screenplay.stats().runtimeMinutes()).isPositive();
    }

    @Test
    void theFormatComesFromTheBytesNotTheName() throws Exception {
        var file = Files.write(dir.resolve("draft.txt"), fixture());
        assertThat(reader.read(file).format()).isEqualTo(Screenplay.SourceFormat.FINAL_DRAFT);
    }

    @Test
    void malformedXmlIsFdxInvalid() throws Exception {
        var text = new String(fixture(), StandardCharsets.UTF_8);
        var truncated = text.substring(0, text.indexOf("<Paragraph Type=\"Character\">") + 30);
        assertThat(codeOf(truncated.getBytes(StandardCharsets.UTF_8), "cut.fdx"))
                .isEqualTo(ErrorCode.FDX_INVALID);
        assertThat(codeOf(
                        "<FinalDraft><Content><Paragraph Type=\"Action\"><Text>a &amp b</Text></Paragraph></Content></FinalDraft>"
                                .getBytes(StandardCharsets.UTF_8),
                        "amp.fdx"))
                .isEqualTo(ErrorCode.FDX_INVALID);
    }

    @Test
    void xmlThatIsNotFinalDraftIsFdxInvalid() {
        var html = "<?xml version=\"1.0\"?><html><body>INT. HOUSE - DAY</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(codeOf(html, "script.fdx")).isEqualTo(ErrorCode.FDX_INVALID);
    }

    @Test
    void anEntityBombIsRefusedBeforeItExpands() {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE FinalDraft [\n<!ENTITY a \"aaaaaaaaaa\">\n");
        for (int i = 1; i <= 12; i++) {
            bomb.append("<!ENTITY ").append((char) ('a' + i)).append(" \"");
            bomb.append(("&" + (char) ('a' + i - 1) + ";").repeat(10)).append("\">\n");
        }
        bomb.append(
                "]>\n<FinalDraft><Content><Paragraph Type=\"Action\"><Text>&m;</Text></Paragraph></Content></FinalDraft>");
        long start = System.nanoTime();
        var error = error(bomb.toString().getBytes(StandardCharsets.UTF_8), "bomb.fdx");
        assertThat(error.code()).isEqualTo(ErrorCode.ARCHIVE_TOO_LARGE);
        assertThat(error.getMessage()).contains("entities");
        assertThat(System.nanoTime() - start).as("nothing expanded").isLessThan(5_000_000_000L);
    }

    @Test
    void anExternalEntityIsNeverRead() throws Exception {
        var secret = Files.writeString(dir.resolve("secret.txt"), "TOP SECRET CONTENT");
        var xxe = ("<?xml version=\"1.0\"?><!DOCTYPE FinalDraft [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                        + "<FinalDraft><Content><Paragraph Type=\"Scene Heading\"><Text>INT. ROOM - DAY</Text></Paragraph>"
                        + "<Paragraph Type=\"Action\"><Text>&x;</Text></Paragraph></Content></FinalDraft>")
                .getBytes(StandardCharsets.UTF_8);
        var error = error(xxe, "xxe.fdx");
        assertThat(error.getMessage()).doesNotContain("TOP SECRET");
    }

    @Test
    void aFileWithNoTextIsEmpty() {
        var empty = "<FinalDraft DocumentType=\"Script\"><Content/></FinalDraft>".getBytes(StandardCharsets.UTF_8);
        assertThat(codeOf(empty, "empty.fdx")).isEqualTo(ErrorCode.EMPTY_FILE);
    }

    /** The corpus's converter-made files (no dual dialogue, title pages or numbers): same rule, same agreement. */
    @Test
    void corpusFdxFilesParseToTheirHeadingsAndSpeeches() throws Exception {
        var corpus = Path.of("../../../shared/corpus");
        if (!Files.isDirectory(corpus)) {
            corpus = Path.of("/work/shared/corpus");
        }
        assumeTrue(Files.isDirectory(corpus), "the shared corpus is not here");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".fdx")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "no .fdx files in the corpus");
        for (var file : files) {
            var bytes = Files.readAllBytes(file);
            var truth = truth(bytes);
            Screenplay screenplay;
            try {
                screenplay = reader.read(file);
            } catch (SorotException e) {
                assertThat(e.code())
                        .as(file + ": only a file with no text may fail")
                        .isEqualTo(ErrorCode.EMPTY_FILE);
                assertThat(truth.headings() + truth.speeches().size()).isZero();
                continue;
            }
            assertThat(screenplay.scenes()).as(file.toString()).hasSize(truth.headings());
            assertThat(agreement(truth.speeches(), screenplay))
                    .as(file.toString())
                    .isGreaterThanOrEqualTo(0.99);
        }
    }

    // ---- the truth, counted from the XML by another parser ----------------------------------

    record Truth(int headings, Map<String, Integer> speeches) {}

    static Truth truth(byte[] fdx) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(fdx));
        var paragraphs = document.getElementsByTagName("Paragraph");
        int headings = 0;
        var speeches = new HashMap<String, Integer>();
        for (int i = 0; i < paragraphs.getLength(); i++) {
            var paragraph = (org.w3c.dom.Element) paragraphs.item(i);
            if (!isBody(paragraph)) {
                continue;
            }
            switch (paragraph.getAttribute("Type")) {
                case "Scene Heading" -> headings++;
                case "Character" -> speeches.merge(speaker(paragraph.getTextContent()), 1, Integer::sum);
                default -> {}
            }
        }
        return new Truth(headings, speeches);
    }

    /** Paragraphs of the script itself: under FinalDraft/Content, possibly in a DualDialogue. */
    private static boolean isBody(org.w3c.dom.Element paragraph) {
        for (var node = paragraph.getParentNode();
                node instanceof org.w3c.dom.Element parent;
                node = parent.getParentNode()) {
            switch (parent.getTagName()) {
                case "Content" -> {
                    return parent.getParentNode() instanceof org.w3c.dom.Element root
                            && root.getTagName().equals("FinalDraft");
                }
                case "DualDialogue", "Paragraph" -> {}
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    private static String speaker(String cue) {
        return cue.replaceAll("\\(.*?\\)", "").replaceAll("\\s+", " ").strip().toUpperCase(Locale.ROOT);
    }

    static Map<String, Integer> speeches(Screenplay screenplay) {
        return screenplay.stats().characters().stream()
                .collect(Collectors.toMap(CharacterStat::name, CharacterStat::speeches));
    }

    /** Pooled agreement: speeches both count, over speeches either counts. */
    static double agreement(Map<String, Integer> truth, Screenplay screenplay) {
        var parsed = speeches(screenplay);
        var names = new java.util.HashSet<>(truth.keySet());
        names.addAll(parsed.keySet());
        int both = 0;
        int either = 0;
        for (var name : names) {
            int a = truth.getOrDefault(name, 0);
            int b = parsed.getOrDefault(name, 0);
            both += Math.min(a, b);
            either += Math.max(a, b);
        }
        return either == 0 ? 1.0 : both / (double) either;
    }

    private ErrorCode codeOf(byte[] bytes, String name) {
        return error(bytes, name).code();
    }

    private SorotException error(byte[] bytes, String name) {
        try {
            reader.read(bytes, name);
        } catch (SorotException e) {
            assertThat(e.getMessage()).isNotBlank();
            return e;
        }
        throw new AssertionError("no error raised for " + name);
    }

    @Test
    void bytesThatAreNotTextAreRefusedInSorotsWordsAndTheXmlParserPrintsNothing() {
        var noise = new byte[3000];
        new java.util.Random(7).nextBytes(noise);
        var stderr = System.err;
        var captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> new FdxReader().read(noise))
                    .isInstanceOf(SorotException.class)
                    .satisfies(e -> assertThat(((SorotException) e).code()).isEqualTo(ErrorCode.FDX_INVALID))
                    .hasMessageContaining("not readable text");
        } finally {
            System.setErr(stderr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("[Fatal Error]");
    }
}
