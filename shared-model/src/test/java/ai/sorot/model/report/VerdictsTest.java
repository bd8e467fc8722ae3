package ai.sorot.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A verdict stands only where a model read the script, whatever a saved report carries. */
class VerdictsTest {

    /** A report as an older Sorot saved it: "offline heuristics" coverage with a CONSIDER at 64 and a grid. */
    private static final String LEGACY = """
            {"analysisId":"analysis-1","title":"Old",
             "coverage":{"logline":"A 12-page screenplay.","grid":[{"criterion":"structure","score":6,"reason":"Indicator score"}],
               "recommendation":"CONSIDER","rationale":"Offline heuristics read the structure.",
               "provenance":{"provider":"offline heuristics","model":"sorot-offline-coverage-1","offline":true}},
             "curation":{"overallScore":64.0,"recommendation":"CONSIDER","summary":"Old: CONSIDER at 64/100."}}
            """;

    @Test
    void aSavedReportWhoseCoverageNoModelWroteIsShownNotJudged() throws Exception {
        var saved = Json.mapper().readValue(LEGACY, AnalysisReport.class);
        assertThat(saved.curation().isJudged()).isTrue();
        var shown = Verdicts.shown(saved);
        assertThat(shown.curation().isJudged()).isFalse();
        assertThat(shown.curation().overallScore()).isNull();
        assertThat(shown.coverage().recommendation()).isNull();
        assertThat(shown.coverage().grid()).isEmpty();
        assertThat(shown.coverage().rationale()).startsWith(Verdicts.NOT_JUDGED);
        assertThat(Verdicts.line(shown.curation())).isEqualTo("Not judged: no model read this script");
        var json = Json.mapper().readTree(Json.mapper().writeValueAsString(shown));
        assertThat(json.path("curation").has("overallScore")).isFalse();
        assertThat(json.path("curation").has("recommendation")).isFalse();
    }

    @Test
    void aModelsVerdictStands() {
        var coverage = new Coverage(
                "x",
                "y",
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(new GridScore("premise", 7, "r", List.of())),
                Recommendation.RECOMMEND,
                "Because.",
                Provenance.localModel("qwen3:8b", "Ollama", null, true));
        var report = new AnalysisReport(
                "a",
                "t",
                List.of(),
                "f.pdf",
                null,
                null,
                null,
                null,
                coverage,
                null,
                new Curation(80.0, Recommendation.RECOMMEND, "s", null, List.of()),
                null,
                List.of(),
                null);
        assertThat(Verdicts.shown(report)).isSameAs(report);
        assertThat(Verdicts.line(report.curation())).isEqualTo("RECOMMEND, 80/100");
    }
}
