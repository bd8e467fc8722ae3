package ai.sorot.desktop.library;

import static ai.sorot.desktop.testing.Ui.onFx;
import static ai.sorot.desktop.testing.Ui.runFx;
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
import ai.sorot.lambda.library.LibraryQuery;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A session's scripts grouped by theme, and the library filter's "Not judged", in the real window. */
@ExtendWith(ApplicationExtension.class)
class ThemeGroupsTest {

    @TempDir
    static Path dir;

    private SorotDesktop app;
    private MainWindow window;

    /** A corpus script saved with the script; {@code judged} gives it a model's verdict, else none (no model read it). */
    private static void save(Library library, Path corpus, String id, String file, boolean judged) throws Exception {
        var path = corpus.resolve(file);
        var screenplay = new ScreenplayReader().read(path);
        // a model read the judged one (in the cloud); the others were analysed with no model
        var provenance = judged
                ? new Provenance("Amazon Bedrock", "deepseek-r1", false)
                : new Provenance("Sorot's own measures, no model", "sorot-no-model-2", true);
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
                judged ? Recommendation.CONSIDER : null,
                null,
                provenance);
        var curation = judged
                ? new Curation(
                        60.0, Recommendation.CONSIDER, "", new ProgrammingNotes("short", "all", List.of()), List.of())
                : new Curation(null, null, "", new ProgrammingNotes("short", "all", List.of()), List.of());
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
                curation,
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
        var corpus = MoreLikeThisTest.corpus();
        var home = Files.createTempDirectory(dir, "home");
        app = new SorotDesktop(
                new SorotDesktop.Options(Map.of("SOROT_HOME", home.toString()), EmbeddedBackend::new, false));
        if (corpus != null) {
            var library = app.archive().library();
            save(library, corpus, "episode-1", "ebscreenplays-pd/cyber_bob/Cyber_Bob_ep00001.fountain", true);
            save(
                    library,
                    corpus,
                    "episode-lincoln",
                    "ebscreenplays-pd/cyber_bob/Cyber_Bob_epWinDebateAgainstLincoln.fountain",
                    false);
            save(library, corpus, "brick", "screenplain/examples/Brick-and-Steel.fountain", false);
            var session = library.createSession("Round 1", List.of());
            library.addToSession(session.id(), List.of("episode-1", "episode-lincoln", "brick"));
        }
        ThemeManager.apply(Settings.Theme.LIGHT);
        Desktop.setOpener(path -> {});
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
        stage.setScene(new Scene(window, 1360, 860));
        stage.show();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    private List<String> rowIds(FxRobot robot) {
        return onFx(() -> robot.lookup("#library-table").queryAs(TableView.class).getItems().stream()
                .map(e -> ((LibraryEntry) e).id())
                .toList());
    }

    @Test
    void theSessionsScriptsAreGroupedByThemeWithTheTwoEpisodesTogether(FxRobot robot) {
        assumeTrue(MoreLikeThisTest.corpus() != null, "the shared corpus is not on this machine");
        robot.clickOn("#show-library");
        waitUntil(10, "all rows", () -> rowIds(robot).size() == 3);
        Ui.settled(robot, "#compare", "#library-search", "#export-menu");
        waitUntil(
                10,
                "the session",
                () -> onFx(() -> !window.libraryPage().model().sessions().isEmpty()));
        runFx(() -> window.libraryPage()
                .model()
                .sessionFilterProperty()
                .set(window.libraryPage().model().sessions().getFirst()));
        robot.clickOn("#session-themes");
        waitUntil(
                60,
                "the groups",
                () -> onFx(() -> robot.lookup("#theme-groups-tree").tryQuery().isPresent()));
        @SuppressWarnings("unchecked")
        var tree = (TreeView<Object>) robot.lookup("#theme-groups-tree").queryAs(TreeView.class);
        var groups = onFx(() -> {
            var out = new ArrayList<List<String>>();
            for (TreeItem<Object> group : tree.getRoot().getChildren()) {
                out.add(group.getChildren().stream()
                        .map(i -> i.getValue().toString())
                        .toList());
            }
            return out;
        });
        assertThat(groups).isNotEmpty();
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(3);
        // the two episodes of one series share a group
        assertThat(groups)
                .anySatisfy(g -> assertThat(g)
                        .filteredOn(t -> t.toUpperCase().contains("CYBER"))
                        .hasSize(2));
    }

    @Test
    void theRecommendationFilterOffersNotJudged(FxRobot robot) {
        assumeTrue(MoreLikeThisTest.corpus() != null, "the shared corpus is not on this machine");
        robot.clickOn("#show-library");
        waitUntil(10, "all rows", () -> rowIds(robot).size() == 3);
        @SuppressWarnings("unchecked")
        var filter = (ComboBox<String>) robot.lookup("#filter-recommendation").queryAs(ComboBox.class);
        assertThat(onFx(() -> filter.getConverter().toString(LibraryQuery.NOT_JUDGED)))
                .isEqualTo("Not judged");
        runFx(() -> filter.setValue(LibraryQuery.NOT_JUDGED));
        waitUntil(10, "only the analyses no model judged", () -> rowIds(robot).size() == 2);
        assertThat(rowIds(robot)).containsExactlyInAnyOrder("episode-lincoln", "brick");
        runFx(() -> filter.setValue("CONSIDER"));
        waitUntil(10, "the judged one", () -> rowIds(robot).equals(List.of("episode-1")));
    }
}
