package ai.sorot.lambda.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Scene;
import ai.sorot.model.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoveragePromptTest {

    static final Screenplay BRICK = new ScreenplayReader().read(TestScripts.brickAndSteelPdf(), "brick.pdf");

    @Test
    void aFeatureLengthScriptGoesInWholeWithItsFiguresSceneMarkersAndSpeakers() {
        var prompt = CoveragePrompt.build("Brick and Steel", BRICK, 90_000);
        assertThat(prompt.level()).isEqualTo(CoveragePrompt.Level.FULL);
        var text = prompt.text();
        assertThat(text)
                .contains("SCREENPLAY FIGURES")
                .contains("Pages: " + BRICK.pageCount())
                .contains("Leading characters: ")
                .contains("[S1 p." + BRICK.scenes().getFirst().startPage() + "] ")
                .contains("[S" + BRICK.scenes().size() + " p.");
        var lead = BRICK.stats().characters().getFirst().name();
        assertThat(text).contains(lead + ": ");
        // the instructions come after the script, and the grid names every criterion
        assertThat(text.indexOf("TASK")).isGreaterThan(text.indexOf("[S1 p."));
        assertThat(text)
                .contains(
                        "\"premise\", \"structure\", \"characters\", \"dialogue\", \"originality\", \"festival fit\"");
        assertThat(prompt.estimatedTokens()).isEqualTo(CoveragePrompt.estimateTokens(text));
    }

    @Test
    void aScriptOverTheBudgetIsCondensedSceneBySceneAndKeepsEveryScene() {
        var full = CoveragePrompt.build("Brick and Steel", BRICK, 90_000);
        int budget = full.estimatedTokens() * 85 / 100;
        var condensed = CoveragePrompt.build("Brick and Steel", BRICK, budget);
        assertThat(condensed.level()).isNotEqualTo(CoveragePrompt.Level.FULL);
        assertThat(condensed.estimatedTokens()).isLessThanOrEqualTo(budget);
        assertThat(condensed.text()).doesNotContain("did not fit");
        for (var scene : BRICK.scenes()) {
            assertThat(condensed.text()).contains("[S" + scene.index() + " p." + scene.startPage() + "] ");
        }
        var outline = CoveragePrompt.build(
                "Brick and Steel",
                BRICK,
                CoveragePrompt.estimateTokens(
                                CoveragePrompt.header("Brick and Steel", BRICK) + CoveragePrompt.instructions(BRICK))
                        + BRICK.scenes().size() * 45);
        assertThat(outline.level()).isIn(CoveragePrompt.Level.DIGEST, CoveragePrompt.Level.OUTLINE);
        assertThat(outline.estimatedTokens())
                .isLessThanOrEqualTo(CoveragePrompt.estimateTokens(
                                CoveragePrompt.header("Brick and Steel", BRICK) + CoveragePrompt.instructions(BRICK))
                        + BRICK.scenes().size() * 45);
    }

    @Test
    void anEnormousScriptIsCutToAnOutlineThatFitsAndSaysSo() {
        var elements = new ArrayList<Element>();
        var scenes = new ArrayList<Scene>();
        for (int i = 1; i <= 3_000; i++) {
            int first = elements.size();
            elements.add(Element.of(ElementType.SCENE_HEADING, "INT. ROOM " + i + " - NIGHT", i / 3 + 1));
            elements.add(Element.of(
                    ElementType.ACTION, "Somebody waits in room " + i + ". The clock ticks. Nothing else.", i / 3 + 1));
            elements.add(Element.of(ElementType.CHARACTER, "ANNA", i / 3 + 1));
            elements.add(Element.of(
                    ElementType.DIALOGUE, "We cannot stay here another night, not after what happened.", i / 3 + 1));
            scenes.add(new Scene(
                    i,
                    null,
                    "INT. ROOM " + i + " - NIGHT",
                    "INT",
                    "ROOM " + i,
                    "NIGHT",
                    i / 3 + 1,
                    i / 3 + 1,
                    2,
                    List.of("ANNA"),
                    first,
                    elements.size() - 1));
        }
        var huge = new Screenplay(
                "Endless", List.of(), 1_001, Screenplay.SourceFormat.FOUNTAIN, null, elements, scenes, null);
        var prompt = CoveragePrompt.build("Endless", huge, 20_000);
        assertThat(prompt.level()).isEqualTo(CoveragePrompt.Level.OUTLINE);
        assertThat(prompt.estimatedTokens()).isLessThanOrEqualTo(20_000);
        assertThat(prompt.text()).contains("they did not fit").contains("TASK");
        // the middle goes, never the ending: the last scene is there, after the note
        assertThat(prompt.text()).contains("[S3000 p.").contains("[S1 p.");
        assertThat(prompt.text().indexOf("[S3000 p."))
                .isGreaterThan(prompt.text().indexOf("they did not fit"));
    }

    @Test
    void cuesSpeakUnderTheCharactersName() {
        assertThat(CoveragePrompt.cueName("MARA (V.O.)")).isEqualTo("MARA");
        assertThat(CoveragePrompt.cueName("Dr. Reyes (CONT'D)")).isEqualTo("DR. REYES");
        assertThat(CoveragePrompt.firstSentences("One. Two! Three? Four.", 2, 100))
                .isEqualTo("One. Two! …");
    }
}
