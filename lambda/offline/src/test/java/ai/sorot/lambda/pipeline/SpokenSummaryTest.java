package ai.sorot.lambda.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.offline.OfflineCoverageAnalyst;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.TestScripts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The audio script is written for the ear and sized for one to two minutes; content flags cite pages. */
class SpokenSummaryTest {

    private final ScreenplayReader reader = new ScreenplayReader();

    @Test
    void theScriptHasNoPageAbbreviationsSymbolsOrBracketsAndFitsItsBudget() {
        var screenplay = reader.read(TestScripts.cyberBobPdf(), "bob.pdf");
        var coverage = new OfflineCoverageAnalyst()
                .analyse(new CoverageRequest("a", null, screenplay, Duration.ofSeconds(5)))
                .output();
        var curation = new Curator().curate(screenplay, coverage, null);
        var writer = new SummaryWriter();
        var script = writer.write(
                screenplay.title(),
                screenplay.authors(),
                screenplay,
                coverage,
                null,
                curation,
                SummaryWriter.DEFAULT_TARGET_WORDS);
        var text = script.plainText();
        assertThat(text)
                .doesNotContain("pp.", "p. ", "%", "×", "(", ")", "–", "/10", "/100", "/8", "INT.", "EXT.", "--");
        // right after the title, before any figure, it says that no model read the script
        assertThat(text.lines().filter(l -> !l.isBlank()).skip(1).findFirst().orElseThrow())
                .startsWith("Not judged: no model read this script.");
        assertThat(text).doesNotContain("Verdict").contains("No trailer was submitted.");
        assertThat(script.words()).isBetween(140, (int) (SummaryWriter.DEFAULT_TARGET_WORDS * 1.3));
        var shorter = writer.write(screenplay.title(), screenplay.authors(), screenplay, coverage, null, curation, 120);
        assertThat(shorter.words()).isLessThan(script.words());
        assertThat(shorter.plainText()).contains("Not judged");
    }

    @Test
    void forEarRewritesReportNotation() {
        assertThat(SummaryWriter.forEar("MARY is absent from pp. 40–58 (19 pages)."))
                .isEqualTo("MARY is absent from pages 40 to 58, 19 pages.");
        assertThat(SummaryWriter.forEar("Dialogue is 74% of the words; trailer 6/10"))
                .isEqualTo("Dialogue is 74 percent of the words; trailer 6 out of 10.");
        assertThat(SummaryWriter.forEar("Long scene: scene 6 (EXT. GETTYSBURG--DAY) runs 6 6/8 pages."))
                .isEqualTo("Long scene: scene 6, GETTYSBURG, DAY, runs 6 and three quarter pages.");
        assertThat(SummaryWriter.forEar("scenes average 6/8 pages, against 3/8 overall; about 12 min"))
                .isEqualTo("scenes average three quarters of a page, against 3 eighths overall; about 12 minutes.");
    }

    @Test
    void contentFlagsCitePagesAndIgnoreCharacterNames() {
        var fountain = """
                INT. BAR - NIGHT

                DICK STEEL drinks. Dick looks at the door.

                STEEL
                Shit. Damn it. This is a fucking mess, you bastard.

                A gun on the table. He grabs the gun and fires. Blood on the wall. The killer runs.
                """;
        var text = new ScriptWords(reader.readFountain(fountain));
        var flags = ContentFlags.scan(text);
        assertThat(flags).extracting(ContentFlags.Flag::name).contains("strong language", "mild language", "violence");
        var mild = flags.stream()
                .filter(f -> f.name().equals("mild language"))
                .findFirst()
                .orElseThrow();
        assertThat(mild.hits().terms())
                .containsOnlyKeys("shit", "damn", "bastard"); // "Dick" is a name, not a word to flag
        assertThat(mild.claim().evidence())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.page()).isEqualTo(1));
        assertThat(ContentFlags.audience(flags)).startsWith("Adult audiences");
        assertThat(ContentFlags.audience(java.util.List.of())).startsWith("General audiences");
    }
}
