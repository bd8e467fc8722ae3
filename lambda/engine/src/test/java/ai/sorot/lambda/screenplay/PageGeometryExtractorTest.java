package ai.sorot.lambda.screenplay;

import static ai.sorot.lambda.screenplay.PdfLayoutRulesTest.ACTION_X;
import static ai.sorot.lambda.screenplay.PdfLayoutRulesTest.CUE_X;
import static ai.sorot.lambda.screenplay.PdfLayoutRulesTest.DIALOGUE_X;
import static ai.sorot.model.screenplay.ElementType.ACTION;
import static ai.sorot.model.screenplay.ElementType.CHARACTER;
import static ai.sorot.model.screenplay.ElementType.DIALOGUE;
import static ai.sorot.model.screenplay.ElementType.SCENE_HEADING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.Screenplay;
import org.junit.jupiter.api.Test;

/** What the glyph reader keeps: everything a reader sees on the page, and nothing else. */
class PageGeometryExtractorTest {

    private static Screenplay read(ScriptPdf pdf) {
        return new ScreenplayReader().read(pdf.bytes(), "test.pdf");
    }

    @Test
    void skewedItalicAndStrokedBoldItalicTextIsRead() {
        var pdf = ScriptPdf.letter()
                .page()
                .line(ACTION_X, "INT. OFFICE - NIGHT")
                .blank()
                .line(ACTION_X, "Rain hammers the window.")
                .blank()
                .line(CUE_X, "MARA")
                .skewed(DIALOGUE_X, "You kept every letter.", false)
                .blank()
                .line(CUE_X, "JONAS")
                .skewed(DIALOGUE_X, "I TOLD YOU I WOULD.", true)
                .blank()
                .skewed(ACTION_X, "She reads the first one aloud.", false);
        assertThat(read(pdf).elements())
                .extracting(Element::type, Element::text)
                .containsSubsequence(
                        tuple(CHARACTER, "MARA"),
                        tuple(DIALOGUE, "You kept every letter."),
                        tuple(CHARACTER, "JONAS"),
                        tuple(DIALOGUE, "I TOLD YOU I WOULD."),
                        tuple(ACTION, "She reads the first one aloud."));
    }

    @Test
    void aGlyphDrawnOffThePageInAnEmptyClipIsNotText() {
        var pdf = ScriptPdf.letter()
                .page()
                .line(ACTION_X, "INT. OFFICE - NIGHT")
                .blank()
                .line(ACTION_X, "Rain hammers the window.")
                .hiddenGlyph("\u2020")
                .blank()
                .line(CUE_X, "MARA")
                .line(DIALOGUE_X, "Hello.");
        assertThat(read(pdf).elements()).extracting(Element::text).noneMatch(t -> t.contains("\u2020"));
    }

    @Test
    void aSceneNumberPrintedOverTheEndOfALongHeadingIsTakenApart() {
        // the right-hand number "2.3" lands on the last letters of CONTINUOUS, as in a merged production draft
        String heading = "INT. THE BUILDING - FIRST FLOOR HALLWAY - CONTINUOUS";
        double numberX = ACTION_X + (heading.length() - 3) * 0.1;
        var pdf = ScriptPdf.letter()
                .page()
                .line(ACTION_X, heading)
                .beside(0.5, "2.3")
                .beside(numberX, "2.3")
                .blank()
                .line(ACTION_X, "Rain hammers the window.")
                .blank()
                .line(CUE_X, "MARA")
                .line(DIALOGUE_X, "Hello.");
        assertThat(read(pdf).elements())
                .filteredOn(e -> e.type() == SCENE_HEADING)
                .extracting(Element::text, Element::sceneNumber)
                .containsExactly(tuple(heading, "2.3"));
    }
}
