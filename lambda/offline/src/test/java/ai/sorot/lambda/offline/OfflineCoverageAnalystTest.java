package ai.sorot.lambda.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.Indicator;
import ai.sorot.model.report.Verdicts;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OfflineCoverageAnalystTest {

    private final ScreenplayReader reader = new ScreenplayReader();
    private final OfflineCoverageAnalyst analyst = new OfflineCoverageAnalyst();

    private Coverage cover(Screenplay screenplay) {
        var result = analyst.analyse(
                new CoverageRequest("analysis-1-x", screenplay.title(), screenplay, Duration.ofSeconds(30)));
        assertThat(result.provenance().offline()).isTrue();
        assertThat(result.provenance().modelRead()).isFalse();
        assertThat(result.provenance().label()).contains("no model");
        return result.output();
    }

    @Test
    void coversARealScriptFromItsStatisticsAndLabelsItselfOffline() {
        var screenplay = reader.read(TestScripts.brickAndSteelPdf(), "brick-and-steel.pdf");
        var coverage = cover(screenplay);
        assertThat(coverage.provenance().offline()).isTrue();
        assertThat(coverage.protagonist()).isEqualTo("STEEL");
        assertThat(coverage.logline())
                .matches("An? " + screenplay.pageCount() + "-page short.*")
                .contains("led by STEEL (");
        assertThat(coverage.recommendation()).isNull();
        assertThat(coverage.rationale()).startsWith(Verdicts.NOT_JUDGED).contains("SOROT_LLM_URL");
    }

    @Test
    void givesNoVerdictNoScoreAndNoGridOnlyIndicatorsWithTheirFiguresAndMeaning() {
        var coverage = cover(reader.read(TestScripts.cyberBobPdf(), "cyber-bob.pdf"));
        // premise, originality and quality need a reader; comparable titles need knowledge no model brought
        assertThat(coverage.grid()).isEmpty();
        assertThat(coverage.recommendation()).isNull();
        assertThat(coverage.comparables()).isEmpty();
        assertThat(coverage.indicators())
                .extracting(Indicator::code)
                .containsExactly("pages", "scenes", "dialogue_share", "lead_share", "format");
        assertThat(coverage.indicators()).allSatisfy(i -> {
            assertThat(i.value()).isNotNull();
            assertThat(i.figure()).isNotBlank();
            assertThat(i.meaning()).isNotBlank();
            assertThat(i.evidence()).isNotEmpty();
        });
    }

    @Test
    void everyEvidenceItemSaysHowItWasVerifiedAndNoneIsAPlaceholderPage() {
        var screenplay = reader.read(TestScripts.cyberBobPdf(), "cyber-bob.pdf");
        var coverage = cover(screenplay);
        var evidence = new java.util.ArrayList<Evidence>();
        concat(coverage).forEach(c -> evidence.addAll(c.evidence()));
        coverage.indicators().forEach(i -> evidence.addAll(i.evidence()));
        assertThat(evidence).isNotEmpty().allSatisfy(e -> {
            assertThat(e.verification())
                    .isIn(Evidence.Verification.QUOTED, Evidence.Verification.LOCATED, Evidence.Verification.STATISTIC);
            if (e.verification() == Evidence.Verification.STATISTIC) {
                assertThat(e.page()).isNull();
            } else {
                assertThat(e.page()).isBetween(1, screenplay.pageCount());
            }
        });
        // the whole-script figures (length, dialogue share, format) are statistics, not page 1 or the last page
        assertThat(coverage.indicators().stream()
                        .filter(i -> List.of("pages", "format").contains(i.code())))
                .allSatisfy(i -> assertThat(i.evidence())
                        .extracting(Evidence::verification)
                        .containsOnly(Evidence.Verification.STATISTIC));
    }

    @Test
    void theSynopsisQuotesTheScriptsOwnActionLinesInOrder() {
        var screenplay = reader.readFountain(TestScripts.cyberBobDebateFountain());
        var coverage = cover(screenplay);
        var action = screenplay.elements().stream()
                .filter(e -> e.type() == ElementType.ACTION)
                .map(e -> e.text().replaceAll("\\s+", " "))
                .collect(Collectors.joining(" "));
        var lines = coverage.synopsis().split("\n");
        assertThat(lines[0]).startsWith("Key lines");
        assertThat(lines.length).isGreaterThanOrEqualTo(3);
        int previousPage = 0;
        for (int i = 1; i < lines.length; i++) {
            var m = java.util.regex.Pattern.compile("^Act [123], p\\. (\\d+): (.*)$")
                    .matcher(lines[i]);
            assertThat(m.matches()).as(lines[i]).isTrue();
            int page = Integer.parseInt(m.group(1));
            assertThat(page).isGreaterThanOrEqualTo(previousPage);
            previousPage = page;
            var quote = m.group(2).replace("…", "");
            assertThat(action).contains(quote.strip());
        }
    }

    @Test
    void theLoglineSaysOnlyWhatIsKnownAndNamesAPlaceOnlyWhenItHoldsAFifthOfTheScenes() {
        var text = new StringBuilder("Title: Rooms\n\n");
        for (int i = 1; i <= 20; i++) {
            // twenty rooms, one scene each: none holds 15% of the scenes
            text.append("INT. ROOM ")
                    .append(i)
                    .append(" - NIGHT\n\nMara opens the door and looks at the empty bed.\n\n")
                    .append("MARA\nNobody sleeps here any more.\n\n");
        }
        var coverage = cover(reader.readFountain(text.toString()));
        assertThat(coverage.logline())
                .contains("mostly at night")
                .contains("led by MARA (100% of dialogue)")
                .doesNotContain("ROOM");
    }

    @Test
    void aTitleAbbreviationDoesNotEndASentenceAndHousekeepingIsNotNudity() {
        var text = """
                Title: Rounds

                INT. WARD - DAY

                Dr. Morgan checks the chart and frowns at the numbers. Nurse Ada strips the bed and folds the sheets.

                ADA
                She was here all night, waiting for you to come back.
                """;
        var screenplay = reader.readFountain(text);
        assertThat(ai.sorot.lambda.pipeline.ScriptWords.sentences("Dr. Morgan checks the chart. Ada strips the bed."))
                .containsExactly("Dr. Morgan checks the chart.", "Ada strips the bed.");
        var curation = new ai.sorot.lambda.pipeline.Curator().curate(screenplay, cover(screenplay), null);
        assertThat(curation.notes().contentFlags()).noneMatch(c -> c.text().startsWith("Sexual"));
        assertThat(curation.notes().audience()).doesNotContain("Adult");
    }

    @Test
    void findsGenreOnlyWhenTheVocabularyClearlyShowsIt() {
        var horror = """
                Title: Night Shift

                INT. MORGUE - NIGHT

                A corpse on the slab. Blood pools beneath it. MARA screams.

                MARA
                Something is haunting this place.

                The ghost drifts through the wall. A demon's shadow. Terror. Mara screams again.

                INT. CORRIDOR - NIGHT

                Blood on the floor. The creature crawls. A monster in the dark, a curse on the flesh.

                MARA
                It's evil. It's possessed.

                Another corpse. More blood. A grave dug in the basement. A coffin.
                """;
        var coverage = cover(reader.readFountain(horror));
        assertThat(coverage.genres()).contains("Horror");
        assertThat(coverage.tone()).containsIgnoringCase("dark");

        var plain = cover(reader.read(TestScripts.brickAndSteelPdf(), "brick-and-steel.pdf"));
        assertThat(plain.genres()).doesNotContain("Horror", "Science fiction", "Western");
    }

    @Test
    void refusesAnEmptyScreenplay() {
        var empty = new Screenplay("x", null, 1, Screenplay.SourceFormat.FOUNTAIN, null, null, null, null);
        assertThatThrownBy(() -> cover(empty))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_A_SCREENPLAY));
    }

    private static java.util.List<Claim> concat(Coverage c) {
        var all = new java.util.ArrayList<>(c.strengths());
        all.addAll(c.concerns());
        return all;
    }
}
