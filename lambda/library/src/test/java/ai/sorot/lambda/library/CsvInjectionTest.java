package ai.sorot.lambda.library;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.report.Recommendation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No CSV Sorot writes makes a spreadsheet run a formula, and Sorot reads its own cells back intact. */
class CsvInjectionTest {

    private static final String LINK = "=HYPERLINK(\"https://example.invalid/x\",\"Open\")";

    @TempDir
    Path dir;

    Library library;
    long session;

    @BeforeEach
    void open() {
        library = Library.open(dir.resolve("library"));
        library.save(
                Reports.report(
                        "analysis-1", LINK, "-2+3", "A logline.", List.of("Drama"), Recommendation.RECOMMEND, 82, 104),
                Library.Attachments.NONE);
        library.setNotes("analysis-1", "+cmd|' /C calc'!A0");
        library.tag("analysis-1", "@sum(1)");
        library.save(
                Reports.report(
                        "analysis-2", "\tTabbed", "\rReturn", "Another.", List.of(), Recommendation.PASS, 30, 10),
                Library.Attachments.NONE);
        session = library.createSession("Round 1", List.of()).id();
        library.addToSession(session, List.of("analysis-1", "analysis-2"));
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void libraryAndSessionCsvsQuoteEveryCellASpreadsheetWouldRun() throws Exception {
        for (var sessionId : new Long[] {null, session}) {
            var out = dir.resolve("export-" + sessionId + ".csv");
            library.exportCsv(sessionId, out);
            var rows = read(out);
            var first = rows.stream()
                    .filter(r -> r.get("analysis_id").equals("analysis-1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(first)
                    .containsEntry("title", "'" + LINK)
                    .containsEntry("authors", "'-2+3")
                    .containsEntry("notes", "'+cmd|' /C calc'!A0")
                    .containsEntry("tags", "'@sum(1)")
                    .containsEntry("pages", "104");
            var second = rows.stream()
                    .filter(r -> r.get("analysis_id").equals("analysis-2"))
                    .findFirst()
                    .orElseThrow();
            assertThat(second)
                    .containsEntry("title", "'\tTabbed")
                    .containsEntry("authors", "'\rReturn")
                    .containsEntry("pages", "10");
        }
    }

    @Test
    void filmFreewayDecisionsAreQuotedAndReadBackWithoutTheQuote() throws Exception {
        var export = Files.writeString(dir.resolve("filmfreeway.csv"), """
                Submission ID,Project Title,Submitter First Name,Submitter Last Name
                -1001,"=1+1",Ana,Ruiz
                FF-1002,"@SUM(1)",Stu,Maschwitz
                """);
        var round = FilmFreeway.importSubmissions(library, export, "FilmFreeway Round 1");
        var decisions = dir.resolve("decisions.csv");
        FilmFreeway.exportDecisions(library, round.id(), decisions);

        var rows = read(decisions);
        assertThat(rows.get(0)).containsEntry("Submission ID", "'-1001").containsEntry("Project Title", "'=1+1");
        assertThat(rows.get(1)).containsEntry("Submission ID", "FF-1002").containsEntry("Project Title", "'@SUM(1)");

        // Sorot's decisions file, imported as a submissions list, gives back the cells as they were
        var again = FilmFreeway.importSubmissions(library, decisions, "Round 2");
        assertThat(FilmFreeway.submissions(library, again.id()))
                .extracting(FilmFreeway.Submission::id, FilmFreeway.Submission::title)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("-1001", "=1+1"),
                        org.assertj.core.groups.Tuple.tuple("FF-1002", "@SUM(1)"));
    }

    @Test
    void numbersStayNumbersAndOnlyFormulaStartsAreQuoted() {
        assertThat(CsvCells.neutralise(-2)).isEqualTo(-2);
        assertThat(CsvCells.neutralise(-2.5)).isEqualTo(-2.5);
        assertThat(CsvCells.neutralise(null)).isNull();
        assertThat(CsvCells.neutralise("")).isEqualTo("");
        assertThat(CsvCells.neutralise("Night Shift")).isEqualTo("Night Shift");
        assertThat(CsvCells.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.restore("'-2+3")).isEqualTo("-2+3");
        assertThat(CsvCells.restore("'tis the season")).isEqualTo("'tis the season");
        assertThat(CsvCells.restore("'")).isEqualTo("'");
    }

    private static List<Map<String, String>> read(Path file) throws Exception {
        var text = Files.readString(file, StandardCharsets.UTF_8).substring(1);
        var mapper = new CsvMapper();
        var rows = new ArrayList<Map<String, String>>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(mapper.schemaWithHeader())
                .readValues(text)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
