package ai.sorot.desktop.report;

import static ai.sorot.desktop.testing.Ui.dropFiles;
import static ai.sorot.desktop.testing.Ui.onFx;
import static ai.sorot.desktop.testing.Ui.runFx;
import static ai.sorot.desktop.testing.Ui.screenshot;
import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.Backoff;
import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.connection.EmbeddedBackend;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.queue.SubmissionState;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.shell.MainWindow;
import ai.sorot.desktop.testing.TestScripts;
import ai.sorot.desktop.testing.Ui;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.Evidence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A report of a Fountain script, in the real window on the real embedded backend: its evidence opens the cited scene. */
@ExtendWith(ApplicationExtension.class)
class FountainEvidenceTest {

    @TempDir
    static Path dir;

    private SorotDesktop app;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        var home = Files.createTempDirectory(dir, "home");
        app = new SorotDesktop(
                new SorotDesktop.Options(Map.of("SOROT_HOME", home.toString()), EmbeddedBackend::new, false));
        app.queue().setPollBackoff(() -> new Backoff(Duration.ofMillis(40), Duration.ofMillis(250), 1.5));
        ThemeManager.apply(Settings.Theme.LIGHT);
        window = new MainWindow(app);
        scene = new Scene(window, 1360, 860);
        stage.setScene(scene);
        stage.show();
        app.start();
    }

    private static String shownText(FxRobot robot) {
        return onFx(() -> robot.lookup("#scene-text").queryAs(TextFlow.class).getChildren().stream()
                .map(n -> ((Text) n).getText())
                .collect(Collectors.joining()));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void anEvidenceLinkOpensTheCitedSceneFromTheFountainTextWithTheQuoteMarked(FxRobot robot) throws Exception {
        waitUntil(30, "online", () -> app.connection().stateProperty().get() == ConnectionState.ONLINE);
        var fountain = TestScripts.cyberBobFountain(dir);
        dropFiles(window, List.of(fountain));
        waitUntil(20, "a row", () -> app.queue().items().size() == 1);
        var item = onFx(() -> app.queue().items().getFirst());
        waitUntil(
                90,
                "completed",
                () -> item.state() == SubmissionState.COMPLETED || item.state() == SubmissionState.FAILED);
        assertThat(item.state()).isEqualTo(SubmissionState.COMPLETED);
        robot.clickOn(Ui.row(robot, item));
        waitUntil(
                20,
                "report shown",
                () -> window.detailProperty().get() == MainWindow.Detail.REPORT
                        && app.report().reportProperty().get() != null
                        && !app.report().loadingProperty().get());

        // the offline analyser cites scenes: one opens the scene, drawn from the Fountain text kept with the analysis
        var sceneLink = onFx(() -> window.reportView().lookupAll(".evidence-link").stream()
                .map(Hyperlink.class::cast)
                .filter(h -> !h.isDisabled() && h.getText().startsWith("sc. 3"))
                .findFirst()
                .orElseThrow());
        runFx(sceneLink::fire);
        waitUntil(
                10,
                "the scene shown",
                () -> window.pageViewer().isVisible() && !shownText(robot).isEmpty());
        assertThat(shownText(robot))
                .as("the scene, from its heading")
                .startsWith("EXT. GETTYSBURG--DAY")
                .contains("MODERATOR")
                .contains("Welcome to the debate of ages!");
        assertThat(onFx(() -> robot.lookup("#page-scroller").query().isVisible()))
                .as("no empty page image")
                .isFalse();
        screenshot(scene, "fountain-evidence-scene-heading");
        runFx(() -> window.pageViewer().close());

        // a claim quoting the script's words across a line break of the source: the words are marked
        var quote = "view them through the Rift, alongside everyone else from this era";
        var saved = app.archive().report(item.analysisId()).orElseThrow();
        var curation = saved.curation();
        var claims = new java.util.ArrayList<>(curation.claims());
        claims.add(Claim.of("The audience of every era watches.", Evidence.quoted(quote, 2, 3, null)));
        var withQuote = new AnalysisReport(
                saved.analysisId(),
                saved.title(),
                saved.authors(),
                saved.fileName(),
                saved.trailerUrl(),
                saved.createdAt(),
                saved.completedAt(),
                saved.screenplay(),
                saved.coverage(),
                saved.trailer(),
                new Curation(
                        curation.overallScore(),
                        curation.recommendation(),
                        curation.summary(),
                        curation.notes(),
                        claims),
                saved.audio(),
                saved.steps(),
                saved.usage(),
                saved.checks());
        app.archive().save(withQuote, null, null, null, fountain);
        runFx(() -> app.report().open(item.analysisId(), null));
        waitUntil(
                20,
                "report again",
                () -> !app.report().loadingProperty().get()
                        && app.report().reportProperty().get() != null
                        && app.report()
                                        .reportProperty()
                                        .get()
                                        .curation()
                                        .claims()
                                        .size()
                                == claims.size());
        Ui.pause(300);
        var quoted = onFx(() -> window.reportView().lookupAll(".evidence-link").stream()
                .map(Hyperlink.class::cast)
                .filter(h -> h.getTooltip() != null && h.getTooltip().getText().contains("“" + quote))
                .findFirst()
                .orElseThrow());
        runFx(quoted::fire);
        waitUntil(
                10,
                "the quoted scene shown",
                () -> window.pageViewer().isVisible() && !shownText(robot).isEmpty());
        var flow = robot.lookup("#scene-text").queryAs(TextFlow.class);
        assertThat(shownText(robot)).startsWith("EXT. GETTYSBURG--DAY");
        var marked = onFx(() -> flow.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("quoted"))
                .map(n -> ((Text) n).getText())
                .toList());
        assertThat(marked).hasSize(1);
        assertThat(marked.getFirst().replaceAll("\\s+", " ")).isEqualTo(quote);
        assertThat(onFx(() -> robot.lookup("#page-viewer")
                        .lookup(".quote-mark")
                        .queryAs(javafx.scene.shape.Path.class)
                        .getElements()
                        .size()))
                .as("the highlight drawn under the words")
                .isPositive();
        screenshot(scene, "fountain-evidence-scene");
    }
}
