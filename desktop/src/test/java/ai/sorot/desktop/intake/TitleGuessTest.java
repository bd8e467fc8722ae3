package ai.sorot.desktop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleGuessTest {

    @Test
    void titleLinesBeforeTheBylineMakeTheTitle() {
        assertThat(TitleGuess.fromFirstPage("BRICK & STEEL\nFULL RETIRED\nWritten by\nStu Maschwitz\nStory by KTM\n"))
                .hasValue("BRICK & STEEL FULL RETIRED");
    }

    @Test
    void aFirstPageThatIsAlreadyScriptHasNoTitle() {
        assertThat(TitleGuess.fromFirstPage("1 INT. THE FIRST PLACE - DAY 1\nThis is scene 1.\n"))
                .isEmpty();
        assertThat(TitleGuess.fromFirstPage("FADE IN:\nA road.\n")).isEmpty();
    }

    @Test
    void placeholderMetadataIsIgnored() {
        assertThat(TitleGuess.fromMetadata("Microsoft Word - draft3.docx")).isEmpty();
        assertThat(TitleGuess.fromMetadata("(anonymous)")).isEmpty();
        assertThat(TitleGuess.fromMetadata("Лорем ипсум")).hasValue("Лорем ипсум");
    }

    @Test
    void fileNamesBecomeReadable() {
        assertThat(TitleGuess.fromFileName("the_last-ferry.pdf")).isEqualTo("the last ferry");
    }
}
