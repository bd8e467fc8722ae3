package ai.sorot.lambda.screenplay;

import static ai.sorot.model.screenplay.ElementType.ACTION;
import static ai.sorot.model.screenplay.ElementType.CENTERED;
import static ai.sorot.model.screenplay.ElementType.CHARACTER;
import static ai.sorot.model.screenplay.ElementType.DIALOGUE;
import static ai.sorot.model.screenplay.ElementType.PARENTHETICAL;
import static ai.sorot.model.screenplay.ElementType.SCENE_HEADING;
import static ai.sorot.model.screenplay.ElementType.TRANSITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.sorot.model.screenplay.Dual;
import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.Screenplay;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each layout rule of a real screenplay page, on PDFs written the way Final Draft sets them. */
class PdfLayoutRulesTest {

    // Final Draft's grid, in inches from the left edge
    static final double ACTION_X = 1.5;
    static final double DIALOGUE_X = 2.5;
    static final double PAREN_X = 3.1;
    static final double CUE_X = 3.7;

    private static Screenplay read(ScriptPdf pdf) {
        return new ScreenplayReader().read(pdf.bytes(), "test.pdf");
    }

    /** A little scene that teaches the reader the columns. */
    private static ScriptPdf scene(ScriptPdf pdf, String heading) {
        return pdf.line(ACTION_X, heading)
                .blank()
                .line(ACTION_X, "Rain hammers the window of a small office.")
                .blank()
                .line(CUE_X, "MARA")
                .line(DIALOGUE_X, "You kept the letters.")
                .blank()
                .line(CUE_X, "JONAS")
                .line(DIALOGUE_X, "Every one of them.")
                .blank();
    }

    @Test
    void speechIsKnownByIndentAndAWrappedSpeechIsOneElement() {
        var pdf = scene(ScriptPdf.letter().page(), "INT. OFFICE - NIGHT")
                .line(CUE_X, "MARA (V.O.)")
                .line(PAREN_X, "(quietly)")
                .line(DIALOGUE_X, "Then you know why I came back, and")
                .line(DIALOGUE_X, "why I will not leave again.")
                .blank()
                .line(ACTION_X, "She turns away.");
        var elements = read(pdf).elements();
        assertThat(elements)
                .extracting(Element::type, Element::text)
                .containsSubsequence(
                        tuple(CHARACTER, "MARA (V.O.)"),
                        tuple(PARENTHETICAL, "(quietly)"),
                        tuple(DIALOGUE, "Then you know why I came back, and why I will not leave again."),
                        tuple(ACTION, "She turns away."));
    }

    @Test
    void sceneNumbersOnEitherSideBecomeTheSceneNumberNotText() {
        var pdf = ScriptPdf.letter()
                .page()
                .line(ACTION_X, "INT. OFFICE - NIGHT")
                .beside(0.75, "12")
                .beside(7.4, "12")
                .blank()
                .line(ACTION_X, "Rain.")
                .blank()
                .line(CUE_X, "MARA")
                .line(DIALOGUE_X, "Hello.")
                .blank()
                .line(ACTION_X, "EXT. STREET - DAY")
                .beside(7.4, "13A")
                .blank()
                .line(ACTION_X, "Sun.")
                .blank()
                .line(ACTION_X, "INT. CAR - DAY")
                .beside(0.75, "14")
                .blank()
                .line(ACTION_X, "Engine.");
        var headings = read(pdf).elements().stream()
                .filter(e -> e.type() == SCENE_HEADING)
                .toList();
        assertThat(headings)
                .extracting(Element::text, Element::sceneNumber)
                .containsExactly(
                        tuple("INT. OFFICE - NIGHT", "12"),
                        tuple("EXT. STREET - DAY", "13A"),
                        tuple("INT. CAR - DAY", "14"));
    }

    @Test
    void pageNumbersHeadersAndFootersAreNotScreenplayText() {
        var pdf = ScriptPdf.letter();
        for (int page = 1; page <= 3; page++) {
            pdf.page()
                    .at(1.5, 0.5, "BLUE REVISION - 11/28/26")
                    .at(7.25, 0.5, page + ".")
                    .at(1.5, 10.6, "Confidential - do not circulate");
            scene(pdf, "INT. ROOM " + page + " - DAY");
        }
        var screenplay = read(pdf);
        assertThat(screenplay.elements())
                .extracting(Element::text)
                .noneMatch(t -> t.contains("REVISION") || t.contains("Confidential") || t.matches("\\d+\\.?"));
        assertThat(screenplay.pageCount()).isEqualTo(3);
        assertThat(screenplay.elements())
                .filteredOn(e -> e.type() == SCENE_HEADING)
                .extracting(Element::page)
                .containsExactly(1, 2, 3);
    }

    @Test
    void moreAndContdAcrossAPageBreakMergeTheSpeechIntoOneElement() {
        var pdf = scene(ScriptPdf.letter().page(), "INT. OFFICE - NIGHT")
                .line(CUE_X, "MARA")
                .line(DIALOGUE_X, "I waited at the station until the")
                .line(DIALOGUE_X, "last train had gone,")
                .line(CUE_X, "(MORE)")
                .page()
                .at(7.25, 0.5, "2.")
                .line(CUE_X, "MARA (CONT'D)")
                .line(DIALOGUE_X, "and then I walked home in the snow.")
                .blank()
                .line(ACTION_X, "Silence.");
        var elements = read(pdf).elements();
        assertThat(elements)
                .extracting(Element::type, Element::text)
                .containsSubsequence(
                        tuple(CHARACTER, "MARA"),
                        tuple(
                                DIALOGUE,
                                "I waited at the station until the last train had gone, and then I walked home in the snow."),
                        tuple(ACTION, "Silence."));
        assertThat(elements).extracting(Element::text).noneMatch(t -> t.contains("MORE") || t.contains("CONT'D"));
    }

    @Test
    void continuedLinesAtPageBreaksAreDropped() {
        var pdf = scene(ScriptPdf.letter().page(), "INT. OFFICE - NIGHT")
                .right(7.5, "(CONTINUED)")
                .page()
                .at(7.25, 0.5, "2.")
                .line(ACTION_X, "CONTINUED:")
                .blank()
                .line(ACTION_X, "Mara opens the drawer.");
        assertThat(read(pdf).elements())
                .extracting(Element::text)
                .noneMatch(t -> t.contains("CONTINUED"))
                .contains("Mara opens the drawer.");
    }

    @Test
    void dualDialogueReadsTheLeftColumnThenTheRight() {
        var pdf = scene(ScriptPdf.letter().page(), "EXT. PATIO - DAY")
                .line(2.9, "STEEL")
                .beside(5.6, "BRICK")
                .line(2.0, "Screw retirement.")
                .beside(4.75, "Screw retirement,")
                .line(4.75, "I said.")
                .blank()
                .line(ACTION_X, "They drink.");
        var elements = read(pdf).elements();
        assertThat(elements)
                .extracting(Element::type, Element::text, Element::dual)
                .containsSubsequence(
                        tuple(CHARACTER, "STEEL", Dual.LEFT),
                        tuple(DIALOGUE, "Screw retirement.", Dual.LEFT),
                        tuple(CHARACTER, "BRICK", Dual.RIGHT),
                        tuple(DIALOGUE, "Screw retirement, I said.", Dual.RIGHT),
                        tuple(ACTION, "They drink.", null));
    }

    @Test
    void dualDialogueWhoseLeftColumnStartsAtTheActionMarginIsTwoSpeeches() {
        // Final Draft for Windows: left speech at the action margin, right speech from the page's middle
        var pdf = scene(ScriptPdf.letter().page(), "EXT. BEACH - DAY")
                .line(2.7, "MARA")
                .beside(5.8, "JONAS")
                .line(ACTION_X, "I have been waiting for")
                .beside(4.6, "Since when?")
                .line(ACTION_X, "an hour at least-")
                .blank()
                .line(ACTION_X, "They walk on.");
        assertThat(read(pdf).elements())
                .extracting(Element::type, Element::text, Element::dual)
                .containsSubsequence(
                        tuple(CHARACTER, "MARA", Dual.LEFT),
                        tuple(DIALOGUE, "I have been waiting for an hour at least-", Dual.LEFT),
                        tuple(CHARACTER, "JONAS", Dual.RIGHT),
                        tuple(DIALOGUE, "Since when?", Dual.RIGHT),
                        tuple(ACTION, "They walk on.", null));
    }

    @Test
    void aCapitalsSpeechLineWithAWideGapIsNotADualDialogueRow() {
        var pdf = scene(ScriptPdf.letter().page(), "EXT. BEACH - DAY")
                .line(CUE_X, "MARA")
                .line(DIALOGUE_X, "Listen to me.")
                .line(DIALOGUE_X, "CAN YOU")
                .beside(3.9, "NOT SHOUT")
                .line(DIALOGUE_X, "for once?")
                .blank()
                .line(ACTION_X, "They walk on.");
        var elements = read(pdf).elements();
        assertThat(only(elements, CHARACTER)).extracting(Element::text).containsExactly("MARA", "JONAS", "MARA");
    }

    @Test
    void wordLayoutWithTheParentheticalAtTheCueIndentAndACueAtThePageFoot() {
        // a script typed in Word: cue and parenthetical share one indent, no (MORE) at page breaks
        double cue = 3.5;
        var pdf = ScriptPdf.letter()
                .page()
                .line(ACTION_X, "INT. OFFICE - NIGHT")
                .blank()
                .line(ACTION_X, "Rain hammers the window of a small office.")
                .blank()
                .line(cue, "MARA")
                .line(cue, "(quietly)")
                .line(DIALOGUE_X, "You kept the letters.")
                .blank()
                .line(cue, "JONAS")
                .line(DIALOGUE_X, "Every one of them.")
                .blank()
                .line(cue, "MARA (CONT'D)")
                .line(cue, "(turning away)")
                .line(DIALOGUE_X, "Then burn them.")
                .blank();
        for (int i = 0; i < 40; i++) {
            pdf.line(ACTION_X, "She waits by the window and counts the cars " + i + ".");
        }
        pdf.blank()
                .line(cue, "JONAS")
                .page()
                .line(DIALOGUE_X, "Not tonight.")
                .blank()
                .line(ACTION_X, "He sits.");
        var elements = read(pdf).elements();
        assertThat(elements)
                .extracting(Element::type, Element::text)
                .containsSubsequence(
                        tuple(CHARACTER, "MARA"),
                        tuple(PARENTHETICAL, "(quietly)"),
                        tuple(DIALOGUE, "You kept the letters."),
                        tuple(CHARACTER, "JONAS"),
                        tuple(DIALOGUE, "Every one of them."),
                        tuple(CHARACTER, "MARA (CONT'D)"),
                        tuple(PARENTHETICAL, "(turning away)"),
                        tuple(DIALOGUE, "Then burn them."),
                        tuple(CHARACTER, "JONAS"),
                        tuple(DIALOGUE, "Not tonight."),
                        tuple(ACTION, "He sits."));
    }

    @Test
    void characterExtensionsStayOnTheCueAndNameTheSameSpeaker() {
        var pdf = scene(ScriptPdf.letter().page(), "INT. OFFICE - NIGHT")
                .line(CUE_X, "MARA (O.S.)")
                .line(DIALOGUE_X, "Jonas?")
                .blank()
                .line(CUE_X, "MARA (O.C.)")
                .line(DIALOGUE_X, "Are you there?")
                .blank();
        var screenplay = read(pdf);
        assertThat(screenplay.elements()).extracting(Element::text).contains("MARA (O.S.)", "MARA (O.C.)");
        var mara = screenplay.stats().characters().stream()
                .filter(c -> c.name().equals("MARA"))
                .findFirst()
                .orElseThrow();
        assertThat(mara.speeches()).isEqualTo(3);
    }

    @Test
    void transitionsAtSixInchesOrFlushRightAreTransitions() {
        var pdf = scene(ScriptPdf.letter().page(), "INT. OFFICE - NIGHT")
                .line(6.0, "CUT TO:")
                .blank();
        scene(pdf, "EXT. STREET - DAY").right(7.5, "SMASH CUT TO:").blank();
        scene(pdf, "INT. CAR - DAY");
        assertThat(read(pdf).elements())
                .filteredOn(e -> e.type() == TRANSITION)
                .extracting(Element::text)
                .containsExactly("CUT TO:", "SMASH CUT TO:");
    }

    @Test
    void centredTextIsCentred() {
        var pdf = scene(ScriptPdf.letter().page(), "INT. OFFICE - NIGHT").centred("THE END");
        assertThat(read(pdf).elements())
                .last()
                .extracting(Element::type, Element::text)
                .containsExactly(CENTERED, "THE END");
    }

    @Test
    void loneCapitalisedSlugLinesAreForcedHeadings() {
        var pdf = scene(ScriptPdf.letter().page(), "INT. OFFICE - NIGHT")
                .line(ACTION_X, "FLASHBACK")
                .blank()
                .line(ACTION_X, "A younger Mara at the same desk.")
                .blank()
                .line(ACTION_X, "MONTAGE - THE LETTERS")
                .blank()
                .line(ACTION_X, "Envelopes, stamps, a post box.")
                .blank()
                .line(ACTION_X, "BANG!")
                .blank()
                .line(ACTION_X, "The door slams.");
        var types = read(pdf).elements().stream()
                .filter(e -> e.type() == SCENE_HEADING)
                .map(Element::text)
                .toList();
        assertThat(types).containsExactly("INT. OFFICE - NIGHT", "FLASHBACK", "MONTAGE - THE LETTERS");
    }

    @Test
    void boldHeadingsWithoutIntOrExtAreHeadingsWhenTheScriptBoldsItsHeadings() {
        var pdf = ScriptPdf.letter()
                .page()
                .bold(ACTION_X, "INT. OFFICE - NIGHT")
                .blank()
                .line(ACTION_X, "Rain.")
                .blank()
                .line(CUE_X, "MARA")
                .line(DIALOGUE_X, "Hello.")
                .blank()
                .bold(ACTION_X, "THE ROOFTOP")
                .blank()
                .line(ACTION_X, "Wind.")
                .blank()
                .line(CUE_X, "JONAS")
                .line(DIALOGUE_X, "Hello.")
                .blank()
                .bold(ACTION_X, "MARA SCREAMS.")
                .blank()
                .line(ACTION_X, "Pigeons scatter.")
                .blank();
        assertThat(read(pdf).elements())
                .filteredOn(e -> e.type() == SCENE_HEADING)
                .extracting(Element::text)
                .containsExactly("INT. OFFICE - NIGHT", "THE ROOFTOP");
    }

    @Test
    void titlePageGivesTitleAuthorsCreditDateAndContact() {
        var pdf = ScriptPdf.letter()
                .page()
                .centredAt(3.5, "THE LETTERS")
                .centredAt(4.0, "Written by")
                .centredAt(4.17, "Ana Ruiz")
                .centredAt(4.33, "Story by Lee Park")
                .at(1.5, 9.0, "ana@example.com")
                .at(1.5, 9.17, "+1 555 0100 2222")
                .at(5.5, 9.0, "Draft 11/28/2026");
        scene(pdf.page(), "INT. OFFICE - NIGHT");
        var screenplay = read(pdf);
        assertThat(screenplay.title()).isEqualTo("THE LETTERS");
        assertThat(screenplay.authors()).containsExactly("Ana Ruiz");
        assertThat(screenplay.titlePage().credit()).isEqualTo("Written by");
        assertThat(screenplay.titlePage().source()).isEqualTo("Story by Lee Park");
        assertThat(screenplay.titlePage().draftDate()).isEqualTo("Draft 11/28/2026");
        assertThat(screenplay.titlePage().contact()).contains("ana@example.com");
        assertThat(screenplay.pageCount()).isEqualTo(1);
        assertThat(screenplay.elements().getFirst().page()).isEqualTo(1);
    }

    @Test
    void a4PagesReadTheSameAsLetter() {
        var letter =
                read(scene(ScriptPdf.letter().page(), "INT. OFFICE - NIGHT")).elements();
        var a4 = read(scene(ScriptPdf.a4().page(), "INT. OFFICE - NIGHT")).elements();
        assertThat(a4)
                .extracting(Element::type, Element::text)
                .containsExactlyElementsOf(
                        letter.stream().map(e -> tuple(e.type(), e.text())).toList());
    }

    @Test
    void revisionAsterisksInTheRightMarginAreNotText() {
        var pdf = scene(ScriptPdf.letter().page(), "INT. OFFICE - NIGHT")
                .line(ACTION_X, "Mara tears the letter in half.")
                .beside(7.6, "*");
        assertThat(read(pdf).elements())
                .extracting(Element::text)
                .contains("Mara tears the letter in half.")
                .noneMatch(t -> t.contains("*"));
    }

    @Test
    void scenesHaveLengthsInEighthsAndTheStatisticsAddUp() {
        var pdf = ScriptPdf.letter().page();
        scene(pdf, "INT. OFFICE - NIGHT");
        for (int i = 0; i < 20; i++) {
            pdf.line(ACTION_X, "Line " + i + " of a long description of the room.");
        }
        pdf.blank();
        scene(pdf, "EXT. STREET - DAY");
        var screenplay = read(pdf);
        assertThat(screenplay.scenes()).hasSize(2);
        assertThat(screenplay.scenes().get(0).eighths())
                .isGreaterThan(screenplay.scenes().get(1).eighths());
        var stats = screenplay.stats();
        assertThat(stats.settings()).containsEntry("INT", 1).containsEntry("EXT", 1);
        assertThat(stats.timesOfDay()).containsEntry("DAY", 1).containsEntry("NIGHT", 1);
        assertThat(stats.speakingRoles()).isEqualTo(2);
        assertThat(stats.dialogueWords()).isEqualTo(16);
        assertThat(stats.pages()).hasSize(1);
        assertThat(stats.characters()).extracting(c -> c.name()).containsExactlyInAnyOrder("MARA", "JONAS");
        assertThat(stats.longestScenes().getFirst().heading()).isEqualTo("INT. OFFICE - NIGHT");
        assertThat(stats.locations()).extracting(l -> l.name()).containsExactly("OFFICE", "STREET");
    }

    @Test
    void capitalsActionCardsSignsAndTextMessagesAreNotSceneHeadings() {
        var pdf = scene(ScriptPdf.letter().page(), "INT. OFFICE - NIGHT")
                .line(ACTION_X, "Her phone buzzes. A text.")
                .blank()
                .line(ACTION_X, "WHERE ARE YOU")
                .blank()
                .line(ACTION_X, "BEAT")
                .blank()
                .line(ACTION_X, "MARA DROPS THE PHONE.")
                .blank()
                .line(ACTION_X, "A sign over the door reads --")
                .blank()
                .line(ACTION_X, "NO ENTRY AFTER DARK")
                .blank()
                .line(ACTION_X, "SUBTITLED:")
                .blank()
                .line(ACTION_X, "SAME OFFICE -- MOMENTS LATER")
                .blank()
                .line(ACTION_X, "The phone again.")
                .blank()
                .line(ACTION_X, "FADE TO BLACK.")
                .blank();
        var elements = read(pdf).elements();
        assertThat(elements)
                .filteredOn(e -> e.type() == SCENE_HEADING)
                .extracting(Element::text)
                .containsExactly("INT. OFFICE - NIGHT", "SAME OFFICE -- MOMENTS LATER");
        assertThat(elements)
                .filteredOn(e -> e.type() == ACTION)
                .extracting(Element::text)
                .contains("WHERE ARE YOU", "BEAT", "MARA DROPS THE PHONE.", "NO ENTRY AFTER DARK", "SUBTITLED:");
        assertThat(elements).last().extracting(Element::type).isEqualTo(TRANSITION);
    }

    static List<Element> only(List<Element> elements, ai.sorot.model.screenplay.ElementType type) {
        return elements.stream().filter(e -> e.type() == type).toList();
    }
}
