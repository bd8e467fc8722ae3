package ai.sorot.desktop.library;

import static ai.sorot.desktop.testing.Ui.onFx;
import static ai.sorot.desktop.testing.Ui.runFx;
import static ai.sorot.desktop.testing.Ui.screenshot;
import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.EmbeddedBackend;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.shell.MainWindow;
import ai.sorot.desktop.testing.Ui;
import ai.sorot.desktop.ui.Desktop;
import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.SemanticLibrary;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.ProgrammingNotes;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Recommendation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The library searched by meaning in the real window: "More like this" on a row, and a phrase in
 * the search box, over a real library file of open-licence corpus scripts and the real model.
 */
@ExtendWith(ApplicationExtension.class)
class MoreLikeThisTest {

    @TempDir
    static Path dir;

    private SorotDesktop app;
    private MainWindow window;
    private Scene scene;
    private final List<String> opened = new CopyOnWriteArrayList<>();

    static Path corpus() {
        for (var candidate : List.of(
                Path.of("..", "..", "shared", "corpus"),
                Path.of("..", "shared", "corpus"),
                Path.of("/work/shared/corpus"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** A no-model analysis of a corpus script saved with the script, as the app saves it. */
    private static void save(Library library, Path corpus, String id, String file) throws Exception {
        var path = corpus.resolve(file);
        var screenplay = new ScreenplayReader().read(path);
        var coverage = new Coverage(
                "A short script.",
                null,
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                new Provenance("offline heuristics", "sorot-offline", true));
        var report = new AnalysisReport(
                id,
                screenplay.title() != null ? screenplay.title() : id,
                screenplay.authors(),
                path.getFileName().toString(),
                null,
                Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-01T10:01:00Z"),
                screenplay.withoutElements(),
                coverage,
                null,
                // judged, so the report view on main (which does not yet show "Not judged") opens it
                new Curation(
                        60.0, Recommendation.CONSIDER, "", new ProgrammingNotes("short", "all", List.of()), List.of()),
                null,
                List.of(),
                null);
        library.save(
                report,
                new Library.Attachments(
                        null,
                        null,
                        null,
                        Files.readAllBytes(path),
                        path.getFileName().toString()));
    }

    @Start
    void start(Stage stage) throws Exception {
        var corpus = corpus();
        var home = Files.createTempDirectory(dir, "home");
        app = new SorotDesktop(
                new SorotDesktop.Options(Map.of("SOROT_HOME", home.toString()), EmbeddedBackend::new, false));
        if (corpus != null) {
            var library = app.archive().library();
            save(library, corpus, "episode-1", "ebscreenplays-pd/cyber_bob/Cyber_Bob_ep00001.fountain");
            save(
                    library,
                    corpus,
                    "episode-lincoln",
                    "ebscreenplays-pd/cyber_bob/Cyber_Bob_epWinDebateAgainstLincoln.fountain");
            save(library, corpus, "brick", "screenplain/examples/Brick-and-Steel.fountain");
            save(library, corpus, "guru", "ebscreenplays-pd/various/ASCENT_TO_GURU_PEAK.fountain");
        }
        ThemeManager.apply(Settings.Theme.LIGHT);
        Desktop.setOpener(opened::add);
        window = new MainWindow(app, new FilePicker() {
            @Override
            public Path save(String title, String suggestedName, String description, String extension) {
                return null;
            }

            @Override
            public Path open(String title, String description, String extension) {
                return null;
            }

            @Override
            public Path folder(String title) {
                return null;
            }
        });
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

    @Test
    void moreLikeThisListsTheOtherEpisodeFirstWithItsSimilarityAndOpensIt(FxRobot robot) {
        assumeTrue(corpus() != null, "the shared corpus is not on this machine");
        robot.clickOn("#show-library");
        waitUntil(10, "all rows", () -> rows(robot).size() == 4);
        Ui.settled(robot, "#compare", "#library-search", "#export-menu");
        int index = onFx(() -> {
            var items = table(robot).getItems();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id().equals("episode-1")) {
                    return i;
                }
            }
            return -1;
        });
        runFx(() -> table(robot).getSelectionModel().clearAndSelect(index));
        javafx.scene.Node row = onFx(() -> robot.lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.getIndex() == index && r.getItem() != null)
                .query());
        // the row's context menu item, fired as a click on it does (Monocle's robot raises no context-menu event)
        assertThat(onFx(() -> row.isVisible())).isTrue();
        var item = onFx(() -> table(robot).getContextMenu().getItems().stream()
                .filter(i -> "ctx-more-like-this".equals(i.getId()))
                .findFirst()
                .orElseThrow());
        assertThat(onFx(item::getText)).isEqualTo("More like this");
        runFx(item::fire);

        waitUntil(
                60,
                "the dialog lists the neighbours",
                () -> onFx(() -> robot.lookup("#more-like-this-list")
                                .tryQuery()
                                .map(n -> ((ListView<?>) n).getItems().size())
                                .orElse(0))
                        == 3);
        @SuppressWarnings("unchecked")
        var list = (ListView<SemanticLibrary.Neighbour>)
                robot.lookup("#more-like-this-list").queryAs(ListView.class);
        var neighbours = onFx(() -> List.copyOf(list.getItems()));
        assertThat(neighbours.getFirst().entry().id()).isEqualTo("episode-lincoln");
        assertThat(neighbours.getFirst().similarity())
                .isGreaterThan(neighbours.getLast().similarity());
        assertThat(MoreLikeThisDialog.label(neighbours.getFirst())).matches("similarity 0\\.\\d\\d   .*CYBER.*");
        screenshot(robot.lookup("#more-like-this").query().getScene(), "library-more-like-this");

        runFx(() -> list.getSelectionModel().select(0));
        robot.clickOn("#more-like-this-open");
        waitUntil(
                10,
                "report shown",
                () -> window.detailProperty().get() == MainWindow.Detail.REPORT
                        && app.report().reportProperty().get() != null);
        assertThat(app.report().reportProperty().get().analysisId()).isEqualTo("episode-lincoln");
    }

    @Test
    void aPhraseInTheSearchBoxListsTheScriptItDescribes(FxRobot robot) {
        assumeTrue(corpus() != null, "the shared corpus is not on this machine");
        robot.clickOn("#show-library");
        waitUntil(10, "all rows", () -> rows(robot).size() == 4);
        Ui.settled(robot, "#compare", "#library-search", "#export-menu");
        var field = robot.lookup("#library-search").queryAs(TextInputControl.class);
        runFx(() -> field.setText("a hike up a mountain trail"));

        waitUntil(
                60,
                "found by meaning",
                () -> onFx(() ->
                                window.libraryPage().model().byMeaningProperty().get())
                        > 0);
        assertThat(rows(robot).getFirst().id()).isEqualTo("guru");
        assertThat(onFx(() ->
                        robot.lookup("#library-count").queryAs(Label.class).getText()))
                .contains("close in meaning, after the word matches");

        // one or two words look up words only
        runFx(() -> field.setText("mountain"));
        waitUntil(
                10,
                "words only",
                () -> onFx(() -> window.libraryPage()
                                        .model()
                                        .byMeaningProperty()
                                        .get())
                                == 0
                        && onFx(() -> robot.lookup("#library-count")
                                        .queryAs(Label.class)
                                        .getText())
                                .startsWith("0 of 4"));
    }
}
