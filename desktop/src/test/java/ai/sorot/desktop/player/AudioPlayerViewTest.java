package ai.sorot.desktop.player;

import static ai.sorot.desktop.testing.Ui.onFx;
import static ai.sorot.desktop.testing.Ui.runFx;
import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.testing.Wav;
import ai.sorot.desktop.ui.SystemOpener;
import ai.sorot.model.report.AudioSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class AudioPlayerViewTest {

    @TempDir
    Path dir;

    private final List<Path> openedExternally = new CopyOnWriteArrayList<>();
    /** A system that takes every file, and notes it: the offers' wiring, not the platform, is under test there. */
    private final SystemOpener taking = new SystemOpener() {
        @Override
        public boolean open(Path file) {
            return openedExternally.add(file);
        }

        @Override
        public boolean reveal(Path file) {
            return true;
        }
    };

    private volatile SystemOpener system = taking;
    private AudioPlayerView player;
    private Scene scene;

    @Start
    void start(Stage stage) {
        player = new AudioPlayerView(new SystemOpener() {
            @Override
            public boolean open(Path file) {
                return system.open(file);
            }

            @Override
            public boolean reveal(Path file) {
                return system.reveal(file);
            }
        });
        stage.setScene(new Scene(new StackPane(player), 700, 200));
        scene = stage.getScene();
        stage.show();
    }

    @Test
    void aWavSummaryLoadsWithItsLength() throws Exception {
        var wav = Files.write(dir.resolve("audio.wav"), Wav.tone(3.0));
        runFx(() -> player.load(wav, new AudioSummary("wav", "audio/wav", 3.0, "x", "espeak-ng", null)));
        waitUntil(10, "ready", () -> "ready".equals(player.statusProperty().get()));
        waitUntil(
                5,
                "length shown",
                () -> player.lookup("#audio-time") instanceof Label l
                        && l.getText().equals("0:00 / 0:03"));
    }

    @Test
    void audioThePlatformCannotDecodeSaysSoAndOffersTheSystemPlayer(FxRobot robot) throws Exception {
        // bytes no decoder takes, under the name the library gives a WAV
        var broken = Files.write(dir.resolve("audio.wav"), "RIFF....WAVEfmt this is not audio".getBytes());
        runFx(() -> player.load(broken, new AudioSummary("wav", "audio/wav", 90, "x", "espeak-ng", null)));
        waitUntil(
                10,
                "problem shown",
                () -> "error".equals(player.statusProperty().get()));
        var message = robot.lookup("#audio-problem").queryAs(Label.class).getText();
        assertThat(message).contains("cannot play the WAV audio summary");
        assertThat(robot.lookup("#play-pause").query().getParent().isVisible())
                .as("controls hidden")
                .isFalse();

        robot.clickOn("#open-external");
        waitUntil(5, "handed over", () -> openedExternally.contains(broken));
        assertThat(openedExternally).containsExactly(broken);
        assertThat(player.statusProperty().get()).isEqualTo("error"); // taken: nothing more to say
    }

    @Test
    void whenTheSystemCannotOpenTheFileItSaysSoAndOffersTheFolderThenThePath(FxRobot robot) throws Exception {
        // the platform's real commands, as on a machine with no handler: the opener runs and fails
        // (xdg-open exits non-zero when nothing opens the file), and the file manager is not there at all
        system = new ai.sorot.desktop.ui.PlatformOpener(
                List.of("false"), List.of(dir.resolve("no-file-manager").toString()), false, true);
        var ogg = Files.write(dir.resolve("audio.ogg"), new byte[] {'O', 'g', 'g', 'S', 0, 2});
        runFx(() -> player.load(ogg, new AudioSummary("ogg", "audio/ogg", 90, "x", "Polly", null)));
        waitUntil(
                5, "problem shown", () -> "error".equals(player.statusProperty().get()));

        robot.clickOn("#open-external");
        waitUntil(
                10,
                "told",
                () -> "no-system-player".equals(player.statusProperty().get()));
        assertThat(robot.lookup("#audio-problem").queryAs(Label.class).getText())
                .contains("No application on this computer opens OGG files")
                .contains("Show it in its folder");
        assertThat(robot.lookup("#open-external").query().isVisible()).isFalse();
        assertThat(robot.lookup("#show-in-folder").query().isVisible()).isTrue();

        robot.clickOn("#show-in-folder");
        waitUntil(
                10,
                "path offered",
                () -> "no-file-manager".equals(player.statusProperty().get()));
        assertThat(robot.lookup("#audio-problem").queryAs(Label.class).getText())
                .contains("cannot show the folder");
        var path = robot.lookup("#audio-file-path").queryAs(javafx.scene.control.TextField.class);
        assertThat(path.isVisible()).isTrue();
        assertThat(path.getText()).isEqualTo(ogg.toAbsolutePath().toString());
        assertThat(path.isEditable()).isFalse();
        assertThat(onFx(path::getSelectedText))
                .as("selected, ready to copy")
                .isEqualTo(ogg.toAbsolutePath().toString());
        ai.sorot.desktop.testing.Ui.screenshot(scene, "audio-no-file-manager");
    }

    @Test
    void formatsJavaFxNeverPlaysGoStraightToTheSystemPlayer(FxRobot robot) throws Exception {
        var ogg = Files.write(dir.resolve("audio.ogg"), new byte[] {'O', 'g', 'g', 'S', 0, 2});
        runFx(() -> player.load(ogg, new AudioSummary("ogg", "audio/ogg", 90, "x", "Polly", null)));
        waitUntil(
                5, "problem shown", () -> "error".equals(player.statusProperty().get()));
        assertThat(robot.lookup("#audio-problem").queryAs(Label.class).getText())
                .contains("cannot play OGG");
        robot.clickOn("#open-external");
        waitUntil(5, "handed over", () -> openedExternally.contains(ogg));
        assertThat(openedExternally).containsExactly(ogg);
    }

    @Test
    void anAnalysisWithoutAudioSaysSo() {
        runFx(() -> player.load(null, null));
        waitUntil(5, "none", () -> "none".equals(player.statusProperty().get()));
        assertThat(player.lookup("#open-external").getParent().isVisible())
                .as("no system-player offer")
                .isFalse();
    }
}
