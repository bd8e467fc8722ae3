package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One detector for the CLI, the API and the desktop: the bytes decide, the name only for Fountain. */
class ScriptFormatTest {

    @Test
    void bytesWinOverTheName() throws IOException {
        assertThat(ScriptFormat.detect(
                        ScriptPdf.letter().page().line(1.5, "INT. A - DAY").bytes(), "x.fountain"))
                .contains(ScriptFormat.PDF);
        assertThat(ScriptFormat.detect(FdxReaderTest.fixture(), "x.pdf")).contains(ScriptFormat.FINAL_DRAFT);
        assertThat(ScriptFormat.detect(HighlandReaderTest.highland2(), null)).contains(ScriptFormat.HIGHLAND);
        assertThat(ScriptFormat.detect(HighlandReaderTest.highland2(), "x.txt")).contains(ScriptFormat.HIGHLAND);
    }

    @Test
    void aZipNamedPdfIsAPdfThatIsNot() throws IOException {
        // a Word file saved as .pdf: NOT_A_PDF from the PDF reader says what went wrong
        assertThat(ScriptFormat.detect(HighlandReaderTest.highland2(), "script.pdf"))
                .contains(ScriptFormat.PDF);
    }

    @Test
    void finalDraftXmlIsKnownByItsRootAfterBomDeclarationAndComments() {
        var xml = "\uFEFF<?xml version=\"1.0\"?>\n<!-- saved -->\n<FinalDraft DocumentType=\"Script\">";
        assertThat(ScriptFormat.detect(xml.getBytes(StandardCharsets.UTF_8), null))
                .contains(ScriptFormat.FINAL_DRAFT);
        var other = "<?xml version=\"1.0\"?><svg/>";
        assertThat(ScriptFormat.detect(other.getBytes(StandardCharsets.UTF_8), null))
                .isEmpty();
    }

    @Test
    void textIsFountainOnlyByItsName() {
        var text = "INT. HOUSE - DAY\n\nA door.".getBytes(StandardCharsets.UTF_8);
        assertThat(ScriptFormat.detect(text, "a.fountain")).contains(ScriptFormat.FOUNTAIN);
        assertThat(ScriptFormat.detect(text, "a.docx")).isEmpty();
        assertThat(ScriptFormat.detect(text, null)).isEmpty();
        // a damaged file named for a format gets that format's error from its reader
        assertThat(ScriptFormat.detect(text, "a.fdx")).contains(ScriptFormat.FINAL_DRAFT);
    }
}
