package ai.sorot.lambda.screenplay;

import static ai.sorot.lambda.screenplay.PdfLayoutRulesTest.ACTION_X;
import static ai.sorot.lambda.screenplay.PdfLayoutRulesTest.CUE_X;
import static ai.sorot.lambda.screenplay.PdfLayoutRulesTest.DIALOGUE_X;
import static ai.sorot.model.screenplay.ElementType.SCENE_HEADING;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.Screenplay;
import org.junit.jupiter.api.Test;

/** The title a reader finds when the cover does not simply give it, and which pages are the script. */
class TitleFinderTest {

    private static Screenplay read(ScriptPdf pdf) {
        return new ScreenplayReader().read(pdf.bytes(), "test.pdf");
    }

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
    void withoutACoverTheRunningHeaderGivesTheTitleLessItsDraftAndDate() {
        var pdf = ScriptPdf.letter();
        for (int page = 1; page <= 4; page++) {
            pdf.page()
                    .at(1.4, 0.6, "THE LETTERS SHOOTING SCRIPT - BLUE AMENDED 18/04/26")
                    .at(7.2, 0.6, page + ".");
            scene(pdf, "INT. ROOM " + page + " - DAY");
        }
        var screenplay = read(pdf);
        assertThat(screenplay.title()).isEqualTo("THE LETTERS");
        assertThat(screenplay.pageCount()).isEqualTo(4);
    }

    @Test
    void aPlaceholderCoverIsNotTheTitle() {
        var pdf = ScriptPdf.letter()
                .page()
                .centredAt(3.5, "TITLE")
                .centredAt(4.0, "Written by")
                .centredAt(4.17, "Name");
        for (int page = 1; page <= 3; page++) {
            pdf.page().at(1.5, 0.6, "The Letters - draft 3").at(7.2, 0.6, page + ".");
            scene(pdf, "INT. ROOM " + page + " - DAY");
        }
        var screenplay = read(pdf);
        assertThat(screenplay.title()).isEqualTo("The Letters");
        assertThat(screenplay.pageCount()).isEqualTo(3);
    }

    @Test
    void aFlushLeftCoverWithATitleInLargeTypeAndNotesPagesBeforeTheScript() {
        var pdf = ScriptPdf.letter()
                .page()
                .sized(1.0, 4.0, 18, "THE LETTERS")
                .at(1.0, 4.4, "Pilot")
                .at(1.0, 4.8, "Script by Ana Ruiz");
        for (String number : new String[] {"ii.", "iii."}) {
            pdf.page().at(7.0, 0.6, number);
            for (int i = 0; i < 12; i++) {
                pdf.at(1.0, 1.5 + i * 0.17, "A note on the house, where every room keeps a letter " + i + ".");
            }
        }
        for (int page = 1; page <= 2; page++) {
            scene(pdf.page(), "INT. ROOM " + page + " - DAY");
        }
        var screenplay = read(pdf);
        assertThat(screenplay.title()).isEqualTo("THE LETTERS");
        assertThat(screenplay.pageCount()).isEqualTo(2);
        assertThat(screenplay.elements())
                .filteredOn(e -> e.type() == SCENE_HEADING)
                .extracting(Element::text)
                .containsExactly("INT. ROOM 1 - DAY", "INT. ROOM 2 - DAY");
    }

    @Test
    void aLogoLetterAndLetterSpacingAreNotPartOfTheTitle() {
        var pdf = ScriptPdf.letter()
                .page()
                .sized(3.0, 3.5, 30, "F")
                .sized(3.6, 3.5, 12, "T H E   L E T T E R S")
                .centredAt(4.0, "Written by")
                .centredAt(4.17, "Ana Ruiz");
        scene(pdf.page(), "INT. ROOM - DAY");
        assertThat(read(pdf).title()).isEqualTo("THE LETTERS");
    }
}
