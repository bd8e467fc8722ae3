package ai.sorot.lambda.screenplay;

import static ai.sorot.lambda.screenplay.PdfLayoutRulesTest.ACTION_X;
import static ai.sorot.lambda.screenplay.PdfLayoutRulesTest.CUE_X;
import static ai.sorot.lambda.screenplay.PdfLayoutRulesTest.DIALOGUE_X;
import static ai.sorot.model.screenplay.ElementType.SCENE_HEADING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.Screenplay;
import org.junit.jupiter.api.Test;

/** Scene numbers leave the heading text for the scene number, however long or close they are. */
class SceneNumberStripperTest {

    private static Screenplay read(ScriptPdf pdf) {
        return new ScreenplayReader().read(pdf.bytes(), "test.pdf");
    }

    private static ScriptPdf scene(ScriptPdf pdf, String heading, String number, double left, double right) {
        return pdf.line(ACTION_X, heading)
                .beside(left, number)
                .beside(right, number)
                .blank()
                .line(ACTION_X, "Rain hammers the window of a small office.")
                .blank()
                .line(CUE_X, "MARA")
                .line(DIALOGUE_X, "You kept the letters.")
                .blank();
    }

    @Test
    void longNumbersCloseToTheTextAreSceneNumbers() {
        // four and five characters at Final Draft's number positions leave a character or two of gap
        var pdf = ScriptPdf.letter().page();
        scene(pdf, "INT. OFFICE - NIGHT", "101A", 1.0, 7.4);
        scene(pdf, "EXT. STREET - DAY", "130J9", 0.85, 7.4);
        scene(pdf, "INT. A VERY LONG CORRIDOR OF THE OLD HOSPITAL WING B - NIGHT", "1155", 1.0, 7.4);
        assertThat(read(pdf).elements())
                .filteredOn(e -> e.type() == SCENE_HEADING)
                .extracting(Element::text, Element::sceneNumber)
                .containsExactly(
                        tuple("INT. OFFICE - NIGHT", "101A"),
                        tuple("EXT. STREET - DAY", "130J9"),
                        tuple("INT. A VERY LONG CORRIDOR OF THE OLD HOSPITAL WING B - NIGHT", "1155"));
    }

    @Test
    void decimalNumbersAndNumberedContinuedLinesAreNotHeadings() {
        var pdf = ScriptPdf.letter().page();
        scene(pdf, "INT. OFFICE - NIGHT", "2.1", 0.5, 6.85);
        scene(pdf, "EXT. STREET - DAY", "2.2", 0.5, 6.85).right(7.5, "(CONTINUED)");
        pdf.page().at(7.25, 0.5, "2.");
        pdf.line(ACTION_X, "CONTINUED: (2)")
                .beside(0.5, "2.2")
                .beside(6.85, "2.2")
                .blank()
                .line(ACTION_X, "The street empties.")
                .blank();
        scene(pdf, "INT. CAR - DAY", "2.15", 0.5, 6.75);
        assertThat(read(pdf).elements())
                .filteredOn(e -> e.type() == SCENE_HEADING)
                .extracting(Element::text, Element::sceneNumber)
                .containsExactly(
                        tuple("INT. OFFICE - NIGHT", "2.1"),
                        tuple("EXT. STREET - DAY", "2.2"),
                        tuple("INT. CAR - DAY", "2.15"));
    }
}
