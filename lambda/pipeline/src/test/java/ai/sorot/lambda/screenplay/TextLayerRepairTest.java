package ai.sorot.lambda.screenplay;

import static ai.sorot.lambda.screenplay.PdfLayoutRulesTest.ACTION_X;
import static ai.sorot.lambda.screenplay.PdfLayoutRulesTest.CUE_X;
import static ai.sorot.lambda.screenplay.PdfLayoutRulesTest.DIALOGUE_X;
import static ai.sorot.model.screenplay.ElementType.CHARACTER;
import static ai.sorot.model.screenplay.ElementType.DIALOGUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.Screenplay;
import org.junit.jupiter.api.Test;

/** A text layer garbled in a known way reads as the page shows, and the screenplay says it was repaired. */
class TextLayerRepairTest {

    private static Screenplay read(ScriptPdf pdf) {
        return new ScreenplayReader().read(pdf.bytes(), "test.pdf");
    }

    @Test
    void macRomanApostrophesAndQuotesReadAsWinAnsiAreRepaired() {
        // what old Final Draft for Mac wrote: the bytes of ’ “ ” decode as Õ Ò Ó
        var pdf = ScriptPdf.letter()
                .page()
                .line(ACTION_X, "INT. MARAÕS OFFICE - NIGHT")
                .blank()
                .line(ACTION_X, "Rain. The sign says ÒclosedÓ.")
                .blank()
                .line(CUE_X, "MARA")
                .line(DIALOGUE_X, "ItÕs late.")
                .blank()
                .line(CUE_X, "MARA (CONTÕD)")
                .line(DIALOGUE_X, "IsnÕt it?")
                .blank();
        var screenplay = read(pdf);
        assertThat(screenplay.elements())
                .extracting(Element::type, Element::text)
                .containsSubsequence(
                        tuple(CHARACTER, "MARA"), tuple(DIALOGUE, "It’s late."),
                        tuple(CHARACTER, "MARA (CONT’D)"), tuple(DIALOGUE, "Isn’t it?"));
        assertThat(screenplay.elements().getFirst().text()).isEqualTo("INT. MARA’S OFFICE - NIGHT");
        assertThat(screenplay.stats().characters()).extracting(c -> c.name()).containsExactly("MARA");
        assertThat(screenplay.isTextLayerRepaired()).isTrue();
        // and the report says so, as a check a reader sees before the figures
        assertThat(ai.sorot.lambda.checks.ScriptChecks.run(screenplay).checks())
                .extracting(c -> c.code())
                .contains("TEXT_LAYER_GARBLED");
    }

    @Test
    void spacesGivenAsExclamationMarksOnATitlePageAreSpaces() {
        var pdf = ScriptPdf.letter().page();
        for (int i = 0; i < 6; i++) {
            pdf.centredAt(1.5 + i * 0.33, "!");
        }
        pdf.centredAt(3.5, "THE!LETTERS!").centredAt(4.0, "BY!").centredAt(4.33, "Ana!Ruiz!&!Lee!Park!");
        pdf.page()
                .line(ACTION_X, "INT. OFFICE - NIGHT")
                .blank()
                .line(ACTION_X, "Rain!")
                .blank()
                .line(CUE_X, "MARA")
                .line(DIALOGUE_X, "Hello!");
        var screenplay = read(pdf);
        assertThat(screenplay.title()).isEqualTo("THE LETTERS");
        assertThat(screenplay.authors()).containsExactly("Ana Ruiz & Lee Park");
        assertThat(screenplay.elements()).extracting(Element::text).contains("Rain!", "Hello!");
        assertThat(screenplay.isTextLayerRepaired()).isTrue();
    }

    @Test
    void aCleanTextLayerIsNotMarkedRepaired() {
        var pdf = ScriptPdf.letter()
                .page()
                .line(ACTION_X, "INT. OFFICE - NIGHT")
                .blank()
                .line(ACTION_X, "Mara’s desk. Bang! Bang!")
                .blank()
                .line(ACTION_X, "Go!Go!Go!Go! Now! Run!Run!Run!")
                .blank()
                .line(CUE_X, "MARA")
                .line(DIALOGUE_X, "It’s late.");
        var screenplay = read(pdf);
        assertThat(screenplay.isTextLayerRepaired()).isFalse();
        assertThat(ai.sorot.lambda.checks.ScriptChecks.run(screenplay).checks())
                .extracting(c -> c.code())
                .doesNotContain("TEXT_LAYER_GARBLED");
    }
}
