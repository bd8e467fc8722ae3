package ai.sorot.desktop.committee;

import static ai.sorot.desktop.testing.Ui.onFx;
import static ai.sorot.desktop.testing.Ui.runFx;
import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.testing.Ui;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Two members' desktops on one real local server, in one JVM: Ada's committee page driven through
 * its UI, Ben's through his own view model and sync (each with its own Sorot home, library and
 * token). One rates a script; the other sees it after a sync; in a blind session only once they
 * have rated it themselves.
 */
@ExtendWith(ApplicationExtension.class)
class CommitteeViewTest {

    @TempDir
    static Path dir;

    private static CommitteeServer server;
    private static String open;
    private static String blind;
    private static String offline;
    private static String offlineSession;
    private static String twice;
    private static String twiceSession;
    private static String adaToken;
    private static String benToken;
    private static String openSession;
    private static String blindSession;
    private static int run;

    private CommitteeServer.Member ada;
    private CommitteeServer.Member ben;
    private CommitteeViewModel adaModel;
    private CommitteeViewModel benModel;
    private final ExecutorService adaWork = Executors.newSingleThreadExecutor();
    private final ExecutorService benWork = Executors.newSingleThreadExecutor();
    private Scene scene;

    @BeforeAll
    static void serve() throws Exception {
        server = new CommitteeServer(dir);
        open = server.analyse("Harbour Lights", 10);
        blind = server.analyse("The Quiet Field", 8);
        offline = server.analyse("Low Tide", 6);
        twice = server.analyse("Two Kitchens", 6);
        var adaMember = server.addReader("Ada Lind");
        var benMember = server.addReader("Ben Okafor");
        adaToken = adaMember.token();
        benToken = benMember.token();
        var readers = List.of(adaMember.memberId(), benMember.memberId());
        openSession = server.session("Open round", List.of(open), 2, false, readers);
        blindSession = server.session("Blind round", List.of(blind), 2, true, readers);
        offlineSession = server.session("Train round", List.of(offline), 2, false, readers);
        twiceSession = server.session("Second look", List.of(twice), 2, false, readers);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        run++;
        ada = server.member("ada-" + run, adaToken);
        ben = server.member("ben-" + run, benToken);
        adaModel = new CommitteeViewModel(ada.desk, adaWork);
        benModel = new CommitteeViewModel(ben.desk, benWork);
        ThemeManager.apply(Settings.Theme.LIGHT);
        scene = new Scene(new CommitteeView(adaModel), 1280, 760);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        adaWork.shutdownNow();
        benWork.shutdownNow();
    }

    private void openQueue(FxRobot robot, String session) {
        robot.clickOn("#committee-session").write(session);
        robot.clickOn("#committee-open");
        waitUntil(
                20,
                "queue",
                () -> onFx(() -> adaModel.queue().size()) == 1
                        && onFx(() -> adaModel.selectedProperty().get()) != null);
    }

    private String aggregate(FxRobot robot) {
        return onFx(
                () -> robot.lookup("#committee-aggregate").queryAs(Label.class).getText());
    }

    /** Ben, on his own desktop, rates the only script of {@code session}. */
    private void benRates(String session, String analysisId, int stars) {
        runFx(() -> {
            benModel.sessionIdProperty().set(session);
            benModel.openSession();
        });
        waitUntil(
                20, "Ben's queue", () -> onFx(() -> benModel.selectedProperty().get()) != null);
        runFx(() -> benModel.rate(stars));
        waitUntil(
                20,
                "Ben's review on the server",
                () -> server.owner.reviews(analysisId).reviews().stream()
                        .anyMatch(r -> "Ben Okafor".equals(r.memberName())
                                && Integer.valueOf(stars).equals(r.rating())));
        waitUntil(
                10,
                "Ben's outbox empty",
                () -> onFx(() -> benModel.waitingProperty().get()) == 0);
    }

    @Test
    void oneReaderRatesAScriptAndTheOtherSeesItAfterSyncing(FxRobot robot) {
        openQueue(robot, openSession);
        waitUntil(20, "nothing yet", () -> aggregate(robot).startsWith("No one on the committee"));

        benRates(openSession, open, 2);
        robot.clickOn("#committee-sync");
        waitUntil(30, "Ben's rating shown", () -> aggregate(robot).startsWith("1 review · mean 2.0★"));

        robot.clickOn("#my-star-4");
        waitUntil(20, "both", () -> aggregate(robot).startsWith("2 reviews · mean 3.0★"), () -> aggregate(robot));
        assertThat(aggregate(robot)).contains("spread 2");
        assertThat(ada.archive.library().entry(open).orElseThrow().rating())
                .as("kept in Ada's own library")
                .isEqualTo(4);
    }

    @Test
    void inABlindSessionTheCommitteesRatingsShowOnlyAfterTheReadersOwn(FxRobot robot) {
        benRates(blindSession, blind, 5);
        openQueue(robot, blindSession);
        robot.clickOn("#committee-sync");
        waitUntil(
                30,
                "synced",
                () -> onFx(() -> robot.lookup("#committee-message")
                                .queryAs(Label.class)
                                .getText())
                        .startsWith("Synced"));
        assertThat(aggregate(robot)).startsWith("Blind session: the committee's ratings show once you have rated");
        assertThat(onFx(() -> robot.lookup(".committee-review").queryAll().size()))
                .isZero();

        robot.clickOn("#my-star-3");
        waitUntil(
                20,
                "shown after her own",
                () -> aggregate(robot).startsWith("2 reviews · mean 4.0★"),
                () -> aggregate(robot));
        assertThat(onFx(() -> robot.lookup(".committee-review").queryAll().stream()
                        .map(n -> ((Label) n).getText())
                        .toList()))
                .anyMatch(t -> t.startsWith("Ben Okafor: 5★"));
        Ui.screenshot(scene, "committee-blind-after-rating");
    }

    @Test
    void aRatingGivenOfflineWaitsInTheOutboxAndGoesOutOnTheNextSync(FxRobot robot) {
        openQueue(robot, offlineSession);
        ada.online.set(false);
        robot.clickOn("#my-verdict-accept");
        waitUntil(
                20,
                "waiting",
                () -> onFx(() -> robot.lookup("#committee-waiting")
                                .queryAs(Label.class)
                                .getText())
                        .equals("1 waiting to send"));
        assertThat(onFx(() ->
                        robot.lookup("#committee-message").queryAs(Label.class).getText()))
                .contains("Saved on this computer");

        ada.online.set(true);
        robot.clickOn("#committee-sync");
        waitUntil(
                30,
                "sent",
                () -> onFx(() -> robot.lookup("#committee-waiting")
                                .queryAs(Label.class)
                                .getText())
                        .equals("All sent"));
        assertThat(server.owner.reviews(offline).reviews())
                .anyMatch(r -> "Ada Lind".equals(r.memberName())
                        && r.verdict() == ai.sorot.model.committee.CommitteeVerdict.ACCEPT);
        assertThat(onFx(() -> robot.lookup("#committee-session")
                        .queryAs(TextField.class)
                        .getText()))
                .isEqualTo(offlineSession);

        // the next start opens the same session, from what this desktop saved
        var again = new CommitteeViewModel(ada.desk, adaWork);
        ada.online.set(false);
        runFx(again::restore);
        waitUntil(
                20,
                "restored",
                () -> onFx(() -> again.queue().size()) == 1
                        && offlineSession.equals(
                                onFx(() -> again.sessionIdProperty().get())));
        assertThat(onFx(() -> again.messageProperty().get())).startsWith("Offline: your queue as last synced");
    }

    @Test
    void aReviewChangedOnAnotherDeviceMeanwhileAsksWhichToKeepAndKeepingTheOtherPutsItInTheLibrary(FxRobot robot) {
        openQueue(robot, twiceSession);
        // Ada's laptop sends its rating first
        new CommitteeClient(server.http, server.server.url(), adaToken)
                .putMyReview(
                        twice,
                        new ai.sorot.model.committee.ReviewInput(
                                2,
                                ai.sorot.model.committee.CommitteeVerdict.DECLINE,
                                "Too long.",
                                false,
                                twiceSession,
                                null),
                        null);
        robot.clickOn("#my-star-4");

        waitUntil(
                20,
                "asked",
                () -> onFx(() -> robot.lookup("#committee-conflicts").query().isVisible()));
        var question = onFx(() ->
                robot.lookup(".committee-conflict .label").queryAs(Label.class).getText());
        assertThat(question).contains("This computer: 4★").contains("The other device: 2★, decline");
        assertThat(server.owner.reviews(twice).reviews())
                .filteredOn(r -> "Ada Lind".equals(r.memberName()))
                .extracting(r -> r.rating())
                .as("nothing overwritten before the choice")
                .containsExactly(2);

        robot.clickOn("#keep-theirs");
        waitUntil(
                20,
                "settled",
                () -> !onFx(() -> robot.lookup("#committee-conflicts").query().isVisible()));
        waitUntil(
                20,
                "library",
                () -> Integer.valueOf(2)
                        .equals(ada.archive.library().entry(twice).orElseThrow().rating()));
        waitUntil(
                20,
                "shown",
                () -> onFx(() -> ((javafx.scene.control.ToggleButton)
                                robot.lookup("#my-star-2").query())
                        .isSelected()));
        assertThat(onFx(() ->
                        robot.lookup("#committee-waiting").queryAs(Label.class).getText()))
                .isEqualTo("All sent");
    }
}
