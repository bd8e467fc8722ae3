package ai.sorot.lambda.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Recommendation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryExportTest {

    @TempDir
    Path dir;

    Library library;
    long session;

    @BeforeEach
    void open() {
        library = Library.open(dir.resolve("mine"));
        library.save(
                Reports.report(
                        "analysis-1",
                        "The Letters",
                        "Ana Ruiz",
                        "A detective reopens her mother's letters, \"one by one\".",
                        List.of("Drama"),
                        Recommendation.RECOMMEND,
                        82,
                        104),
                new Library.Attachments(
                        new byte[] {'R', 'I', 'F', 'F'},
                        "audio/wav",
                        null,
                        new byte[] {'%', 'P', 'D', 'F'},
                        "letters.pdf"));
        library.save(
                Reports.report(
                        "analysis-2",
                        "Brick & Steel",
                        "Stu Maschwitz",
                        "Two retired cops, hunted.",
                        List.of("Action"),
                        Recommendation.CONSIDER,
                        64,
                        12),
                Library.Attachments.NONE);
        session = library.createSession("Shorts 2027 · Round 1", List.of(new ReviewSession.Criterion("Story", 10)))
                .id();
        library.addToSession(session, List.of("analysis-2", "analysis-1"));
        library.rate("analysis-1", 5);
        library.setVerdict("analysis-1", CuratorVerdict.ACCEPT);
        library.setNotes("analysis-1", "Ending lands.\nSecond act, page 40, drags; cut?");
        library.tag("analysis-1", "festival-opener");
        library.scoreCriterion(session, "analysis-1", "Story", 9);
        library.markReviewed(session, "analysis-1", true);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private static List<Map<String, String>> readCsv(Path file) throws Exception {
        var text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        var mapper = new CsvMapper();
        var rows = new ArrayList<Map<String, String>>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(mapper.schemaWithHeader())
                .readValues(text.substring(1))) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void aSessionExportsAsCsvInReviewOrderWithBothVerdictsAndTheScoreCard() throws Exception {
        var out = dir.resolve("round1.csv");
        library.exportCsv(session, out);
        var rows = readCsv(out);
        assertThat(rows).extracting(r -> r.get("title")).containsExactly("Brick & Steel", "The Letters");
        var letters = rows.get(1);
        assertThat(letters)
                .containsEntry("authors", "Ana Ruiz")
                .containsEntry("pages", "104")
                .containsEntry("model_recommendation", "RECOMMEND")
                .containsEntry("model_score", "82.0")
                .containsEntry("model_rank", "top 50% of 2")
                .containsEntry("provenance", "DeepSeek-R1 on Amazon Bedrock")
                .containsEntry("curator_rating", "5")
                .containsEntry("curator_verdict", "ACCEPT")
                .containsEntry("notes", "Ending lands.\nSecond act, page 40, drags; cut?")
                .containsEntry("tags", "festival-opener")
                .containsEntry("card_Story", "9")
                .containsEntry("model_premise", "6");
        assertThat(letters.get("logline")).isNull();
    }

    @Test
    void theWholeLibraryExportsWithoutASession() throws Exception {
        var out = dir.resolve("all.csv");
        library.exportCsv(null, out);
        assertThat(readCsv(out)).hasSize(2);
    }

    @Test
    void pdfReportsCarryTheDecisionsAndTheCoverage() throws Exception {
        var sessionPdf = dir.resolve("round1.pdf");
        library.exportSessionPdf(session, sessionPdf);
        var onePdf = dir.resolve("letters.pdf");
        library.exportAnalysisPdf("analysis-1", onePdf);
        try (var doc = Loader.loadPDF(sessionPdf.toFile())) {
            var text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Shorts 2027 · Round 1")
                    .contains("The Letters")
                    .contains("Brick & Steel")
                    .contains("ACCEPT")
                    .contains("Story 9")
                    .contains("top 50% of 2");
        }
        try (var doc = Loader.loadPDF(onePdf.toFile())) {
            var text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("The Letters")
                    .contains("Coverage grid")
                    .contains("premise: 6/10")
                    .contains("Ending lands.");
        }
    }

    @Test
    void aBundleCarriesTheSessionToACoProgrammerWhoOpensItOffline() throws Exception {
        var bundle = dir.resolve("round1.zip");
        library.exportBundle(session, bundle);
        try (var theirs = Library.open(dir.resolve("theirs"))) {
            var imported = theirs.importBundle(bundle);
            assertThat(imported.name()).isEqualTo("Shorts 2027 · Round 1");
            assertThat(imported.reviewed()).isEqualTo(1);
            assertThat(theirs.sessionItems(imported.id())).containsExactly("analysis-2", "analysis-1");
            var letters = theirs.entry("analysis-1").orElseThrow();
            assertThat(letters.rating()).isEqualTo(5);
            assertThat(letters.verdict()).isEqualTo(CuratorVerdict.ACCEPT);
            assertThat(letters.tags()).containsExactly("festival-opener");
            assertThat(theirs.audio("analysis-1"))
                    .get()
                    .satisfies(p -> assertThat(p).hasBinaryContent(new byte[] {'R', 'I', 'F', 'F'}));
            assertThat(theirs.source("analysis-1")).isPresent();
            assertThat(theirs.criterionScores(imported.id(), "analysis-1")).containsEntry("Story", 9);
            assertThat(theirs.search(LibraryQuery.ALL.withText("detective"))).hasSize(1);

            // their own decisions are never overwritten by a second import
            theirs.rate("analysis-1", 2);
            theirs.importBundle(bundle);
            assertThat(theirs.entry("analysis-1").orElseThrow().rating()).isEqualTo(2);
        }
    }

    @Test
    void aZipThatIsNotABundleIsRefusedClearly() throws Exception {
        var notBundle = Files.write(dir.resolve("x.zip"), new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThatThrownBy(() -> library.importBundle(notBundle))
                .isInstanceOf(SorotException.class)
                .hasMessageContaining("bundle");
    }

    @Test
    void filmFreewaySubmissionsBecomeASessionMatchedToScriptsAndDecisionsGoBack() throws Exception {
        var export = Files.writeString(dir.resolve("filmfreeway.csv"), """
                Submission ID,Project Title,Submitter First Name,Submitter Last Name,Trailer URL,Submission Status
                FF-1001,The Letters,Ana,Ruiz,https://vimeo.com/123,In Consideration
                FF-1002,"Brick and Steel: Full Retired",Stu,Maschwitz,,In Consideration
                FF-1003,Nobody Sent This,Ada,Byron,,In Consideration
                """);
        var round = FilmFreeway.importSubmissions(library, export, "FilmFreeway Round 1");
        var submissions = FilmFreeway.submissions(library, round.id());
        assertThat(submissions)
                .extracting(FilmFreeway.Submission::id, FilmFreeway.Submission::analysisId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("FF-1001", "analysis-1"),
                        org.assertj.core.groups.Tuple.tuple("FF-1002", null),
                        org.assertj.core.groups.Tuple.tuple("FF-1003", null));
        assertThat(submissions.getFirst().submitter()).isEqualTo("Ana Ruiz");
        assertThat(submissions.getFirst().links()).isEqualTo("https://vimeo.com/123");

        // a script whose file name carries the submission id is matched by it
        library.save(
                Reports.withFileName(
                        Reports.report(
                                "analysis-3",
                                "Untitled draft",
                                "Ada Byron",
                                "?",
                                List.of(),
                                Recommendation.PASS,
                                20,
                                9),
                        "FF-1003_final.pdf"),
                Library.Attachments.NONE);
        assertThat(FilmFreeway.match(library, round.id())).isEqualTo(1);
        assertThat(library.sessionItems(round.id())).containsExactly("analysis-1", "analysis-3");

        var decisions = dir.resolve("decisions.csv");
        FilmFreeway.exportDecisions(library, round.id(), decisions);
        var rows = readCsv(decisions);
        assertThat(rows.getFirst())
                .containsEntry("Submission ID", "FF-1001")
                .containsEntry("Judging Status", "Selected")
                .containsEntry("Rating", "5")
                .containsEntry("Sorot Recommendation", "RECOMMEND");
        assertThat(rows.get(1)).containsEntry("Judging Status", "Undecided").containsEntry("Rating", "");
    }

    @Test
    void aCsvThatIsNotAFilmFreewayExportSaysWhichColumnsItHas() throws Exception {
        var other = Files.writeString(dir.resolve("other.csv"), "Name,Email\nAna,a@b.c\n");
        assertThatThrownBy(() -> FilmFreeway.importSubmissions(library, other, "x"))
                .isInstanceOf(SorotException.class)
                .hasMessageContaining("columns: Name, Email");
    }
}
