package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A Fountain text meets the same limits and the same hygiene as a PDF before it is analysed. */
class FountainLimitsTest {

    private static String scenes(int count) {
        var text = new StringBuilder("Title: Phone Book\n\n");
        for (int i = 1; i <= count; i++) {
            text.append("INT. ROOM ")
                    .append(i)
                    .append(" - DAY\n\nBob waits by the door, then sits.\n\nBOB\nHello.\n\n");
        }
        return text.toString();
    }

    @Test
    void aFountainThatLaysOutOverThePageLimitIsRefusedLikeAPdf() {
        var reader = new ScreenplayReader();
        // about 4,000 short scenes: under the early line bound, over 400 pages once laid out
        assertThatThrownBy(() -> reader.read(scenes(4_000).getBytes(StandardCharsets.UTF_8), "book.fountain"))
                .isInstanceOf(SorotException.class)
                .satisfies(e -> assertThat(((SorotException) e).code()).isEqualTo(ErrorCode.TOO_MANY_PAGES))
                .hasMessageContaining("at most 400");
    }

    @Test
    void aFountainFarTooLongIsRefusedBeforeItIsLaidOut() {
        var reader = new ScreenplayReader();
        var huge = scenes(40_000); // about 8 MB: the outsider's 13,637-page file
        assertThatThrownBy(() -> reader.readFountain(huge))
                .isInstanceOf(SorotException.class)
                .satisfies(e -> assertThat(((SorotException) e).code()).isEqualTo(ErrorCode.TOO_MANY_PAGES));
    }

    @Test
    void aFeatureLengthFountainIsStillRead() {
        var play = new ScreenplayReader().readFountain(scenes(1_000));
        assertThat(play.pageCount()).isBetween(90, 400);
    }

    @Test
    void terminalControlCodesNeverReachTheScreenplay() {
        var text =
                "Title: EVIL\u001b[2J\u001b]0;pwned\u0007\nAuthor: Someone\n\nINT. ROOM - DAY\n\nBob\u001b[31m waits.\n\nBOB\nHello.\n";
        var play = new ScreenplayReader().readFountain(text);
        assertThat(play.title())
                .doesNotContain("\u001b")
                .doesNotContain("\u0007")
                .startsWith("EVIL");
        assertThat(play.elements()).allSatisfy(e -> assertThat(e.text()).doesNotContain("\u001b"));
    }
}
