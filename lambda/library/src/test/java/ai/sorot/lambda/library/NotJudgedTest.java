package ai.sorot.lambda.library;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.offline.OfflineCoverageAnalyst;
import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.lambda.pipeline.Curator;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.report.Verdicts;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report no model read is listed, exported and ranked as "Not judged", beside judged ones, never among them. */
class NotJudgedTest {

    @TempDir
    Path dir;

    /** What the pipeline writes with no model: the real analyst and curator on a real script. */
    private static AnalysisReport noModelReport(String id) {
        var screenplay = new ScreenplayReader().read(TestScripts.cyberBobPdf(), "cyber-bob.pdf");
        var coverage = new OfflineCoverageAnalyst()
                .analyse(new CoverageRequest(id, screenplay.title(), screenplay, Duration.ofSeconds(30)))
                .output();
        var curation = new Curator().curate(screenplay, coverage, null);
        return new AnalysisReport(
                id,
                "Cyber Bob",
                screenplay.authors(),
                "cyber-bob.pdf",
                null,
                Instant.now(),
                Instant.now(),
                screenplay.withoutElements(),
                coverage,
                null,
                curation,
                null,
                List.of(),
                null);
    }

    private Library libraryWithThree() {
        var library = Library.open(dir.resolve("lib"));
        library.save(
                Reports.report(
                        "judged-1",
                        "The Letters",
                        "Ana Ruiz",
                        "Letters.",
                        List.of("Drama"),
                        Recommendation.RECOMMEND,
                        82,
                        104),
                Library.Attachments.NONE);
        // saved by an older Sorot: a heuristic CONSIDER at 75 that no model gave
        library.save(
                Reports.report(
                        "legacy-1",
                        "Old Offline",
                        "Lee Park",
                        "Old.",
                        List.of(),
                        Recommendation.CONSIDER,
                        75,
                        12,
                        Reports.LEGACY_OFFLINE),
                Library.Attachments.NONE);
        library.save(noModelReport("nomodel-1"), Library.Attachments.NONE);
        return library;
    }

    @Test
    void noModelAndLegacyOfflineReportsListWithNoVerdictAndAreNeverRanked() {
        try (var library = libraryWithThree()) {
            for (var id : List.of("legacy-1", "nomodel-1")) {
                var entry = library.entry(id).orElseThrow();
                assertThat(entry.recommendation()).as(id).isNull();
                assertThat(entry.aiScore()).as(id).isNull();
                assertThat(library.percentileInLibrary(id)).as(id).isEmpty();
                var report = library.report(id);
                assertThat(report.curation().isJudged()).as(id).isFalse();
                assertThat(report.coverage().grid()).as(id).isEmpty();
            }
            // the one model score is ranked among model scores only
            assertThat(library.percentileInLibrary("judged-1").orElseThrow().label())
                    .isEqualTo("top 100% of 1");
        }
    }

    @Test
    void theChecksOfASavedReportAreListedAsFlags() {
        try (var library = libraryWithThree()) {
            library.save(
                    noModelReport("flagged-1")
                            .withChecks(List.of(ai.sorot.model.report.Check.of(
                                    ai.sorot.model.report.CheckCode.INCOHERENT_TEXT,
                                    ai.sorot.model.report.Check.Severity.WARNING,
                                    "Random words."))),
                    Library.Attachments.NONE);
            assertThat(library.entry("flagged-1").orElseThrow().checks()).containsExactly("INCOHERENT_TEXT");
            assertThat(library.entry("judged-1").orElseThrow().checks()).isEmpty();
        }
    }

    @Test
    void anOldLibraryRowWithAHeuristicScoreIsClearedWhenTheLibraryOpens() throws Exception {
        libraryWithThree().close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lib/library.db"));
                var st = c.createStatement()) {
            // as an older Sorot left it
            st.executeUpdate("UPDATE analyses SET recommendation = 'CONSIDER', ai_score = 75 WHERE id = 'legacy-1'");
        }
        try (var library = Library.open(dir.resolve("lib"))) {
            assertThat(library.entry("legacy-1").orElseThrow().aiScore()).isNull();
            assertThat(library.entry("judged-1").orElseThrow().aiScore()).isEqualTo(82.0);
        }
    }

    @Test
    void exportsNameColumnsForWhatTheyAreAndSayNotJudged() throws Exception {
        try (var library = libraryWithThree()) {
            var csv = dir.resolve("all.csv");
            library.exportCsv(null, csv);
            var text = Files.readString(csv, StandardCharsets.UTF_8);
            var header = text.substring(1, text.indexOf('\n'));
            assertThat(header)
                    .doesNotContain("ai_")
                    .contains(
                            "provenance",
                            "model_score",
                            "model_rank",
                            "indicator_pages",
                            "indicator_dialogue_share",
                            "indicator_lead_share",
                            "indicator_format");
            var rows = new ArrayList<Map<String, String>>();
            var mapper = new CsvMapper();
            try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                    .with(mapper.schemaWithHeader())
                    .readValues(text.substring(1))) {
                it.forEachRemaining(rows::add);
            }
            var noModel = rows.stream()
                    .filter(r -> r.get("analysis_id").equals("nomodel-1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(noModel)
                    .containsEntry("provenance", "no model")
                    .containsEntry("model_recommendation", "Not judged")
                    .containsEntry("model_score", "")
                    .containsEntry("model_rank", "");
            assertThat(Double.parseDouble(noModel.get("indicator_pages"))).isPositive();
            var legacy = rows.stream()
                    .filter(r -> r.get("analysis_id").equals("legacy-1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(legacy).containsEntry("model_score", "").containsEntry("model_structure", "");

            var pdf = dir.resolve("nomodel.pdf");
            library.exportAnalysisPdf("nomodel-1", pdf);
            try (var doc = Loader.loadPDF(pdf.toFile())) {
                var pdfText = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(pdfText)
                        .contains(Verdicts.NOT_JUDGED)
                        .contains("Craft indicators")
                        .doesNotContain("/100");
            }
        }
    }
}
