package ai.sorot.desktop.library;

import static ai.sorot.desktop.testing.Ui.onFx;
import static ai.sorot.desktop.testing.Ui.runFx;
import static ai.sorot.desktop.testing.Ui.screenshot;
import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.EmbeddedBackend;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.shell.MainWindow;
import ai.sorot.desktop.testing.LibraryFixtures;
import ai.sorot.desktop.testing.Ui;
import ai.sorot.desktop.ui.Desktop;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.ReviewSession;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The library page in the real window over a real library file: search, filters, sort, compare, exports. */
@ExtendWith(ApplicationExtension.class)
class LibraryViewTest {

    @TempDir
    static Path dir;

    private SorotDesktop app;
    private MainWindow window;
    private Scene scene;
    private final List<Path> answers = new CopyOnWriteArrayList<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();

    /** The export dialogs answered with the next path the test queued. */
    private final FilePicker picker = new FilePicker() {
        @Override
        public Path save(String title, String suggestedName, String description, String extension) {
            return answers.removeFirst();
        }

        @Override
        public Path open(String title, String description, String extension) {
            return answers.removeFirst();
        }

        @Override
        public Path folder(String title) {
            return answers.removeFirst();
        }
    };

    @Start
    void start(Stage stage) throws Exception {
        var home = Files.createTempDirectory(dir, "home");
        app = new SorotDesktop(
                new SorotDesktop.Options(Map.of("SOROT_HOME", home.toString()), EmbeddedBackend::new, false));
        LibraryFixtures.fill(app.archive().library(), 40);
        ThemeManager.apply(Settings.Theme.LIGHT);
        Desktop.setOpener(opened::add);
        window = new MainWindow(app, picker);
        scene = new Scene(window, 1360, 860);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<LibraryEntry> table(FxRobot robot) {
        return robot.lookup("#library-table").queryAs(TableView.class);
    }

    private List<LibraryEntry> rows(FxRobot robot) {
        return onFx(() -> List.copyOf(table(robot).getItems()));
    }

    /**
     * Types into a field as a user does, after giving it the focus and waiting for it: a click can
     * land beside a field that moves while the window settles, and the keys then go elsewhere.
     */
    private void typeInto(FxRobot robot, String query, String text) {
        var field = robot.lookup(query).queryAs(TextInputControl.class);
        runFx(field::requestFocus);
        waitUntil(5, query + " focused", field::isFocused);
        var before = onFx(field::getText);
        robot.write(text);
        waitUntil(
                5,
                query + " holds '" + text + "' (it holds '" + onFx(field::getText) + "', focus on "
                        + onFx(() -> String.valueOf(scene.getFocusOwner())) + ")",
                () -> field.getText().equals(before + text));
    }

    private String count(FxRobot robot) {
        return onFx(() -> robot.lookup("#library-count").queryAs(Label.class).getText());
    }

    @Test
    void anAnalysisNoModelReadListsAsNotJudgedWithItsCheckFlag(FxRobot robot) {
        // as the pipeline saves it with no model: no verdict, and a check raised on the text
        var base = ai.sorot.desktop.testing.ContractFixtures.report(
                "static-1", "Static Noise", "static.fountain", null, 12);
        var c = base.coverage();
        var noModel = new ai.sorot.model.report.Provenance("Sorot's own measures, no model", "sorot-no-model-2", true);
        var coverage = new ai.sorot.model.report.Coverage(
                c.logline(),
                c.synopsis(),
                c.genres(),
                c.tone(),
                c.themes(),
                List.of(),
                c.protagonist(),
                List.of(),
                List.of(),
                List.of(),
                null,
                "Not judged.",
                noModel);
        var curation = new ai.sorot.model.report.Curation(
                null, null, "Not judged.", base.curation().notes(), List.of());
        var report = new ai.sorot.model.report.AnalysisReport(
                base.analysisId(),
                base.title(),
                base.authors(),
                base.fileName(),
                null,
                base.createdAt(),
                base.completedAt(),
                base.screenplay(),
                coverage,
                null,
                curation,
                base.audio(),
                base.steps(),
                base.usage(),
                List.of(ai.sorot.model.report.Check.of(
                        ai.sorot.model.report.CheckCode.INCOHERENT_TEXT,
                        ai.sorot.model.report.Check.Severity.WARNING,
                        "Random words.")));
        app.archive().library().save(report, ai.sorot.lambda.library.Library.Attachments.NONE);
        robot.clickOn("#show-library");
        waitUntil(10, "all rows", () -> rows(robot).size() == 41);
        typeInto(robot, "#library-search", "static");
        waitUntil(5, "one row", () -> rows(robot).size() == 1);
        waitUntil(
                5,
                "cells drawn",
                () -> robot.lookup((javafx.scene.control.TableCell<?, ?> cell) ->
                                "⚑ Incoherent text".equals(cell.getText()))
                        .tryQuery()
                        .isPresent());
        assertThat(robot.lookup((javafx.scene.control.TableCell<?, ?> cell) -> "Not judged".equals(cell.getText())
                                && cell.getStyleClass().contains("not-judged"))
                        .tryQuery())
                .isPresent();
        assertThat(rows(robot).getFirst().aiScore()).isNull();
        screenshot(scene, "library-not-judged");
    }

    @Test
    void searchAndFiltersNarrowTheTableAndColumnsSort(FxRobot robot) {
        robot.clickOn("#show-library");
        waitUntil(10, "all rows", () -> rows(robot).size() == 40);
        Ui.settled(robot, "#compare", "#library-search", "#filter-clear", "#session-list", "#export-menu");
        assertThat(count(robot)).isEqualTo("40 analyses");
        screenshot(scene, "library-list");

        // typing searches as you type: prefix words over titles and loglines
        typeInto(robot, "#library-search", "ligh");
        waitUntil(5, "search narrows", () -> rows(robot).size() == 8);
        assertThat(rows(robot))
                .extracting(LibraryEntry::title)
                .allMatch(t -> t.toLowerCase().contains("light"));
        assertThat(count(robot)).isEqualTo("8 of 40 analyses");
        robot.write(" keep");
        waitUntil(5, "both words", () -> rows(robot).size() == 4);
        assertThat(rows(robot)).extracting(LibraryEntry::title).allMatch(t -> t.startsWith("The Lighthouse Keeper"));

        // filters combine with the search and with each other
        robot.clickOn("#filter-clear");
        waitUntil(5, "cleared", () -> rows(robot).size() == 40);
        runFx(() -> robot.lookup("#filter-recommendation")
                .queryAs(ComboBox.class)
                .getSelectionModel()
                .select("RECOMMEND"));
        waitUntil(5, "recommend only", () -> rows(robot).size() == 10);
        assertThat(rows(robot)).extracting(LibraryEntry::recommendation).containsOnly("RECOMMEND");
        typeInto(robot, "#filter-min-score", "60");
        waitUntil(
                5,
                "score ≥ 60",
                () -> !rows(robot).isEmpty()
                        && rows(robot).size() < 10
                        && rows(robot).stream().allMatch(e -> e.aiScore() >= 60));
        var recommendedAbove60 = rows(robot).size();
        typeInto(robot, "#filter-genre", "drama");
        waitUntil(
                5,
                "drama",
                () -> rows(robot).size() < recommendedAbove60
                        || rows(robot).stream().allMatch(e -> e.genres().equals("drama")));
        assertThat(rows(robot))
                .allMatch(e -> e.genres().equals("drama")
                        && e.aiScore() >= 60
                        && e.recommendation().equals("RECOMMEND"));
        robot.clickOn("#filter-clear");
        waitUntil(5, "cleared", () -> rows(robot).size() == 40);

        // shortlisted and rated reflect the curator's review
        var library = app.archive().library();
        library.setShortlisted("lib-00003", true);
        library.rate("lib-00004", 5);
        robot.clickOn("#filter-shortlisted");
        waitUntil(5, "shortlisted", () -> rows(robot).size() == 1);
        assertThat(rows(robot).getFirst().id()).isEqualTo("lib-00003");
        robot.clickOn("#filter-shortlisted");
        runFx(() -> robot.lookup("#filter-rated")
                .queryAs(ComboBox.class)
                .getSelectionModel()
                .select(Boolean.TRUE));
        waitUntil(
                5,
                "rated",
                () -> rows(robot).size() == 1 && rows(robot).getFirst().id().equals("lib-00004"));
        robot.clickOn("#filter-clear");
        waitUntil(5, "cleared", () -> rows(robot).size() == 40);

        // tags in use are offered in the tag filter; the date filter is by day saved
        library.tag("lib-00011", "local talent");
        library.tag("lib-00012", "Local Talent");
        runFx(() -> window.libraryPage().model().refresh());
        waitUntil(
                5,
                "tag offered",
                () -> onFx(() -> robot.lookup("#filter-tag")
                        .queryAs(ComboBox.class)
                        .getItems()
                        .contains("local-talent")));
        runFx(() -> robot.lookup("#filter-tag")
                .queryAs(ComboBox.class)
                .getSelectionModel()
                .select("local-talent"));
        waitUntil(
                5,
                "tagged",
                () -> rows(robot).stream().map(LibraryEntry::id).toList().equals(List.of("lib-00012", "lib-00011"))
                        || rows(robot).stream()
                                .map(LibraryEntry::id)
                                .sorted()
                                .toList()
                                .equals(List.of("lib-00011", "lib-00012")));
        robot.clickOn("#filter-clear");
        waitUntil(5, "cleared", () -> rows(robot).size() == 40);
        var today = java.time.LocalDate.now();
        runFx(() -> robot.lookup("#filter-from")
                .queryAs(javafx.scene.control.DatePicker.class)
                .setValue(today.plusDays(1)));
        waitUntil(5, "nothing saved tomorrow", () -> rows(robot).isEmpty());
        runFx(() -> robot.lookup("#filter-from")
                .queryAs(javafx.scene.control.DatePicker.class)
                .setValue(today));
        runFx(() -> robot.lookup("#filter-to")
                .queryAs(javafx.scene.control.DatePicker.class)
                .setValue(today));
        waitUntil(5, "all saved today", () -> rows(robot).size() == 40);
        robot.clickOn("#filter-clear");

        // any column sorts, both ways
        robot.clickOn(robot.lookup(".column-header")
                .match(n -> "col-score".equals(n.getId()))
                .queryAs(Node.class));
        var ascending = rows(robot).stream().map(LibraryEntry::aiScore).toList();
        assertThat(ascending).isSorted();
        robot.clickOn(robot.lookup(".column-header")
                .match(n -> "col-score".equals(n.getId()))
                .queryAs(Node.class));
        var descending =
                new ArrayList<>(rows(robot).stream().map(LibraryEntry::aiScore).toList());
        assertThat(descending.reversed()).isSorted();
        robot.clickOn(robot.lookup(".column-header")
                .match(n -> "col-title".equals(n.getId()))
                .queryAs(Node.class));
        assertThat(rows(robot).stream().map(e -> e.title().toLowerCase()).toList())
                .isSorted();
    }

    @Test
    void aSearchInsideASessionThatFindsNothingSaysSoNotNothingHereYet(FxRobot robot) {
        var library = app.archive().library();
        var session = library.createSession("Shorts · Round 3", List.of());
        library.addToSession(session.id(), List.of("lib-00010", "lib-00001"));
        robot.clickOn("#show-library");
        waitUntil(
                10,
                "sessions listed",
                () -> onFx(() -> window.libraryPage().model().sessions().size()) == 1);
        Ui.settled(robot, "#compare", "#library-search", "#filter-clear", "#session-list", "#export-menu");
        robot.clickOn(Ui.sessionCell(robot));
        waitUntil(5, "session rows", () -> rows(robot).size() == 2);

        typeInto(robot, "#library-search", "zebrafinch");
        waitUntil(5, "no row", () -> rows(robot).isEmpty());
        waitUntil(
                5,
                "the empty list says why",
                () -> robot.lookup("#library-empty").queryAs(Label.class).isVisible());
        assertThat(onFx(() ->
                        robot.lookup("#library-empty").queryAs(Label.class).getText()))
                .isEqualTo("No match in this session.");
        screenshot(scene, "library-no-match-in-session");

        // the same search over the whole library
        runFx(() -> window.libraryPage().model().sessionFilterProperty().set(null));
        waitUntil(
                5,
                "library-wide",
                () -> onFx(() -> robot.lookup("#library-empty")
                                .queryAs(Label.class)
                                .getText())
                        .equals("No match in the library."));
    }

    @Test
    void twoSelectedAnalysesCompareSideBySideAndOneOpensInTheReport(FxRobot robot) {
        robot.clickOn("#show-library");
        waitUntil(10, "all rows", () -> rows(robot).size() == 40);
        Ui.settled(robot, "#compare", "#library-search", "#filter-clear", "#session-list", "#export-menu");
        runFx(() -> {
            var t = table(robot);
            t.getSelectionModel().clearSelection();
            t.getSelectionModel().select(0);
            t.getSelectionModel().select(1);
        });
        var chosen = onFx(() -> List.copyOf(table(robot).getSelectionModel().getSelectedItems()));
        robot.clickOn("#compare");
        waitUntil(
                5,
                "compare shown",
                () -> window.libraryPage().modeProperty().get() == LibraryPage.Mode.COMPARE
                        && robot.lookup("#compare-grid")
                                        .lookup(".compare-title")
                                        .queryAll()
                                        .size()
                                == 2);
        var titles = onFx(() -> robot.lookup("#compare-grid").lookup(".compare-title").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList());
        assertThat(titles).containsExactly(chosen.get(0).title(), chosen.get(1).title());
        var labels = onFx(() -> robot.lookup("#compare-grid").lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList());
        assertThat(labels).containsOnlyOnce("festival fit", "Model score", "Dialogue share", "Verdict");
        assertThat(labels.stream().filter(t -> t.matches("\\d+/10")).count()).isEqualTo(12);
        screenshot(scene, "library-compare");
        robot.clickOn("#compare-back");
        waitUntil(5, "list again", () -> window.libraryPage().modeProperty().get() == LibraryPage.Mode.LIST);

        // a saved analysis opens in the report view from the library file alone (the app is not connected)
        runFx(() -> table(robot).getSelectionModel().clearAndSelect(0));
        robot.clickOn("#open-report");
        waitUntil(
                10,
                "report shown",
                () -> window.detailProperty().get() == MainWindow.Detail.REPORT
                        && app.report().reportProperty().get() != null);
        assertThat(app.report().reportProperty().get().analysisId())
                .isEqualTo(chosen.getFirst().id());
        assertThat(app.report().audioProperty().get()).isNotNull().exists();
    }

    @Test
    void sessionExportsAreWrittenAndReadBack(FxRobot robot) throws Exception {
        var library = app.archive().library();
        var session = library.createSession("Features · Round 2", List.of(new ReviewSession.Criterion("Story", 5)));
        library.addToSession(session.id(), List.of("lib-00010", "lib-00001", "lib-00022"));
        library.rate("lib-00001", 4);
        library.setNotes("lib-00001", "Keep, with a note, \"quoted\".");
        library.scoreCriterion(session.id(), "lib-00001", "Story", 5);
        robot.clickOn("#show-library");
        waitUntil(
                10,
                "sessions listed",
                () -> onFx(() -> window.libraryPage().model().sessions().size()) == 1);
        Ui.settled(robot, "#compare", "#library-search", "#filter-clear", "#session-list", "#export-menu");
        robot.clickOn(Ui.sessionCell(robot));
        waitUntil(5, "session rows", () -> rows(robot).size() == 3);
        assertThat(count(robot)).isEqualTo("3 of 40 analyses in \"Features · Round 2\"");

        var csv = dir.resolve("round2.csv");
        answers.add(csv);
        robot.clickOn("#export-menu").clickOn("#export-session-csv");
        waitUntil(10, "csv written", () -> Files.exists(csv));
        var text = Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        var mapper = new CsvMapper();
        List<Map<String, String>> lines = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(mapper.schemaWithHeader())
                .readValues(text)) {
            it.forEachRemaining(lines::add);
        }
        assertThat(lines).extracting(m -> m.get("analysis_id")).containsExactly("lib-00010", "lib-00001", "lib-00022");
        var second = lines.get(1);
        assertThat(second.get("curator_rating")).isEqualTo("4");
        assertThat(second.get("notes")).isEqualTo("Keep, with a note, \"quoted\".");
        assertThat(second.get("card_Story")).isEqualTo("5");
        assertThat(second.get("model_rank")).matches("top \\d+% of 3");

        var pdf = dir.resolve("round2.pdf");
        answers.add(pdf);
        robot.clickOn("#export-menu").clickOn("#export-session-pdf");
        waitUntil(10, "pdf written", () -> Files.exists(pdf));
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            var content = new PDFTextStripper().getText(doc);
            assertThat(content).contains("Round 2");
            for (var id : List.of("lib-00010", "lib-00001", "lib-00022")) {
                assertThat(content).contains(library.entry(id).orElseThrow().title());
            }
        }

        var one = dir.resolve("one.pdf");
        answers.add(one);
        runFx(() -> table(robot).getSelectionModel().clearAndSelect(0));
        var selected = onFx(() -> table(robot).getSelectionModel().getSelectedItem());
        robot.clickOn("#export-menu").clickOn("#export-analysis-pdf");
        waitUntil(10, "analysis pdf written", () -> Files.exists(one));
        try (var doc = Loader.loadPDF(one.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains(selected.title());
        }

        // the bundle goes to a co-programmer's library and opens there as the same session
        var bundle = dir.resolve("round2.zip");
        answers.add(bundle);
        robot.clickOn("#export-menu").clickOn("#export-bundle");
        waitUntil(10, "bundle written", () -> Files.exists(bundle));
        try (var other = ai.sorot.lambda.library.Library.open(Files.createTempDirectory(dir, "colleague"))) {
            var imported = other.importBundle(bundle);
            assertThat(other.sessionItems(imported.id())).containsExactly("lib-00010", "lib-00001", "lib-00022");
            assertThat(other.entry("lib-00001").orElseThrow().rating()).isEqualTo(4);
            assertThat(other.audio("lib-00001")).isPresent();
        }
        assertThat(Files.list(dir)
                        .filter(p -> p.getFileName().toString().endsWith(".part"))
                        .toList())
                .isEmpty();
        screenshot(scene, "library-session");
    }

    @Test
    void rowsDroppedOnASessionJoinItAndADroppedFolderMatchesWhatIsKnownAndQueuesTheRest(FxRobot robot)
            throws Exception {
        var library = app.archive().library();
        var session = library.createSession("Shorts · Round 1", List.of());
        robot.clickOn("#show-library");
        waitUntil(
                10,
                "sessions listed",
                () -> onFx(() -> window.libraryPage().model().sessions().size()) == 1);
        Ui.settled(robot, "#compare", "#library-search", "#filter-clear", "#session-list", "#export-menu");

        // rows dragged from the table carry their ids
        var rows = new javafx.scene.input.ClipboardContent();
        rows.put(LibraryView.ANALYSIS_IDS, "lib-00007\nlib-00003");
        assertThat(Ui.drop(Ui.sessionCell(robot), rows)).isTrue();
        waitUntil(5, "added", () -> library.sessionItems(session.id()).size() == 2);
        assertThat(library.sessionItems(session.id())).containsExactly("lib-00007", "lib-00003");

        // a folder: one script the library knows by its file name, one by its title, one new
        var folder = java.nio.file.Files.createDirectories(dir.resolve("drop-" + System.nanoTime()));
        ai.sorot.desktop.testing.TestPdfs.screenplay(folder.resolve("quiet-hours.pdf"), "Quiet Hours", "B", 4);
        ai.sorot.desktop.testing.TestPdfs.screenplay(folder.resolve("SALT_HARBOUR_final.pdf"), "Salt Harbour", "C", 4);
        ai.sorot.desktop.testing.TestPdfs.screenplay(
                folder.resolve("a-brand-new-script.pdf"), "A Brand New Script", "D", 4);
        assertThat(Ui.dropFiles(Ui.sessionCell(robot), List.of(folder))).isTrue();
        // quiet-hours.pdf is lib-00007 (already in, stays where it is); SALT_HARBOUR_final.pdf is lib-00001
        waitUntil(10, "matched", () -> library.sessionItems(session.id()).size() == 3);
        assertThat(library.sessionItems(session.id())).containsExactly("lib-00007", "lib-00003", "lib-00001");
        waitUntil(
                10,
                "the new one queued for analysis",
                () -> onFx(() -> app.queue().items().size()) == 1);
        assertThat(onFx(() ->
                        app.queue().items().getFirst().file().getFileName().toString()))
                .isEqualTo("a-brand-new-script.pdf");
        waitUntil(
                5,
                "message",
                () -> onFx(() -> robot.lookup("#library-message")
                                .queryAs(Label.class)
                                .getText())
                        .startsWith("2 matched in \"Shorts · Round 1\"; 1 not in the library yet"));
    }
}
