package ai.sorot.desktop.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.screenplay.ScreenplayReader;
import org.junit.jupiter.api.Test;

/** A Fountain scene laid out as a script page, and its quoted words found. */
class ScriptSceneTest {

    private static final String SCRIPT = """
            Title: Harbour

            INT. FERRY CABIN - NIGHT

            The engines hum. Rain runs down the porthole while MARA counts the tickets, twice.

            MARA
            (quietly)
            Nobody’s coming back for these.

            EXT. HARBOUR WALL - DAY

            Gulls.
            """;

    @Test
    void theCitedSceneIsLaidOutWithItsQuoteFoundAcrossWrapsAndApostrophes() {
        var screenplay = new ScreenplayReader().readFountain(SCRIPT);

        var scene = ScriptScene.of(screenplay, 1, null, "nobody's coming back").orElseThrow();

        assertThat(scene.text()).startsWith("INT. FERRY CABIN - NIGHT").doesNotContain("Gulls");
        assertThat(scene.text()).contains("\n" + " ".repeat(22) + "MARA\n");
        assertThat(scene.text().substring(scene.quoteStart(), scene.quoteEnd())).isEqualTo("Nobody’s coming back");
        // the action wraps at 60 characters; a quote across the wrap is still found
        var across = ScriptScene.of(screenplay, 1, null, "while MARA counts the tickets, twice")
                .orElseThrow();
        assertThat(across.text().substring(across.quoteStart(), across.quoteEnd()))
                .contains("\n");
        assertThat(ScriptScene.of(screenplay, 1, null, "words not in the scene")
                        .orElseThrow()
                        .quoteFound())
                .isFalse();
        // by page when the evidence names no scene; none past the end
        assertThat(ScriptScene.of(screenplay, null, 1, null)).isPresent();
        assertThat(ScriptScene.of(screenplay, 9, null, null)).isEmpty();
    }
}
