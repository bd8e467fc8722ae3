package ai.sorot.desktop.player;

import ai.sorot.desktop.ui.Format;
import ai.sorot.desktop.ui.Icons;
import ai.sorot.desktop.ui.SystemOpener;
import ai.sorot.model.report.AudioSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;

/**
 * The audio summary player: play/pause, a seek bar, elapsed and total time, speed 0.75× to 2×.
 * It plays the copy saved with the analysis, so it works offline. When the platform cannot decode
 * the format (MP3 on a Linux without FFmpeg, a machine with no sound device), it says so and
 * offers the system's own player instead of failing silently.
 */
public final class AudioPlayerView extends VBox {

    /** What JavaFX Media can open at all; anything else goes straight to the system player offer. */
    private static final Set<String> PLAYABLE = Set.of("WAV", "MP3", "AIFF", "AIF", "M4A", "AAC");

    private final SystemOpener system;
    private final Button playPause = new Button();
    private boolean wantsPlaying;
    private final Slider seek = new Slider(0, 1, 0);
    private final Label time = new Label("0:00 / 0:00");
    private final ComboBox<PlaybackSpeed> speed = new ComboBox<>();
    private final Label caption = new Label();
    private final Label problem = new Label();
    private final Button openExternal = new Button("Open in system player", Icons.of(Icons.OPEN_EXTERNAL, 13));
    private final Button showInFolder = new Button("Show in folder", Icons.of(Icons.FOLDER, 13));
    /** The file's path, selectable, for when the system can neither play it nor show its folder. */
    private final TextField path = new TextField();

    private final HBox controls;
    private final HBox problemBox;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "empty");

    private MediaPlayer player;
    private Path file;
    private boolean seeking;

    public AudioPlayerView(SystemOpener system) {
        this.system = system;
        setId("audio-player");
        getStyleClass().add("audio-player");
        setSpacing(8);

        playPause.setId("play-pause");
        playPause.getStyleClass().addAll("button-circle", "accent");
        playPause.setGraphic(Icons.of(Icons.PLAY, 14));
        playPause.setTooltip(new Tooltip("Play / pause (Space)"));
        playPause.setOnAction(e -> toggle());

        seek.setId("seek");
        seek.getStyleClass().add("seek");
        HBox.setHgrow(seek, Priority.ALWAYS);
        seek.valueChangingProperty().addListener((obs, was, changing) -> {
            seeking = changing;
            if (!changing) {
                seekTo(seek.getValue());
            }
        });
        seek.setOnMouseReleased(e -> seekTo(seek.getValue()));

        time.getStyleClass().add("time");
        time.setId("audio-time");
        time.setMinWidth(Label.USE_PREF_SIZE);

        speed.setId("speed");
        speed.getItems().setAll(PlaybackSpeed.CHOICES);
        speed.setValue(PlaybackSpeed.NORMAL);
        speed.setTooltip(new Tooltip("Playback speed"));
        speed.valueProperty().addListener((obs, was, now) -> {
            if (player != null && now != null) {
                player.setRate(now.rate());
            }
        });
        speed.setFocusTraversable(false);

        caption.getStyleClass().add("muted");
        caption.setWrapText(true);

        var label = new Label("Audio summary");
        label.getStyleClass().add("section-title");
        controls = new HBox(10, playPause, seek, time, speed);
        controls.setAlignment(Pos.CENTER_LEFT);

        problem.setId("audio-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("row-error");
        openExternal.setId("open-external");
        openExternal.setMinWidth(Label.USE_PREF_SIZE);
        openExternal.setOnAction(e -> handOver(system::open, this::openFailed));
        showInFolder.setId("show-in-folder");
        showInFolder.setMinWidth(Label.USE_PREF_SIZE);
        showInFolder.setOnAction(e -> handOver(system::reveal, this::revealFailed));
        path.setId("audio-file-path");
        path.setEditable(false);
        path.getStyleClass().add("audio-file-path");
        for (Node node : List.of(openExternal, showInFolder, path)) {
            node.managedProperty().bind(node.visibleProperty());
        }
        problemBox = new HBox(10, problem, openExternal, showInFolder);
        problemBox.getStyleClass().add("audio-problem");
        problemBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(problem, Priority.ALWAYS);
        problemBox.managedProperty().bind(problemBox.visibleProperty());
        controls.managedProperty().bind(controls.visibleProperty());

        getChildren().addAll(controls, caption, problemBox, path);
        showNothing("No audio summary.");
    }

    /** Loads the saved audio; {@code file} may be null when the analysis has none. */
    public void load(Path audioFile, AudioSummary summary) {
        dispose();
        file = audioFile;
        if (audioFile == null || !Files.isRegularFile(audioFile)) {
            showNothing(
                    summary == null
                            ? "This analysis has no audio summary."
                            : "The audio summary was not saved with this analysis (it may have failed to download).");
            return;
        }
        caption.setText(describe(summary));
        var format = AudioProblem.formatOf(audioFile);
        if (!PLAYABLE.contains(format)) {
            showProblem("Sorot cannot play " + format + " audio; open it in the system player.", null);
            return;
        }
        try {
            var media = new Media(audioFile.toUri().toString());
            var created = new MediaPlayer(media);
            player = created;
            media.setOnError(() -> showProblem(null, media.getError()));
            created.setOnError(() -> showProblem(null, created.getError()));
            created.setOnReady(() -> {
                if (created != player) {
                    return;
                }
                seek.setMax(Math.max(0.1, media.getDuration().toSeconds()));
                updateTime();
                setStatus("ready");
            });
            created.currentTimeProperty().addListener((obs, was, now) -> {
                if (!seeking) {
                    seek.setValue(now.toSeconds());
                }
                updateTime();
            });
            created.statusProperty().addListener((obs, was, now) -> {
                if (created != player || now == null) {
                    return;
                }
                if (now == MediaPlayer.Status.PLAYING && !wantsPlaying) {
                    // a pause asked for while the pipeline was starting or looping back is kept
                    created.pause();
                    return;
                }
                playPause.setGraphic(Icons.of(now == MediaPlayer.Status.PLAYING ? Icons.PAUSE : Icons.PLAY, 14));
                switch (now) {
                    case PLAYING -> setStatus("playing");
                    case PAUSED -> setStatus("paused");
                    case STOPPED -> setStatus("stopped");
                    default -> {}
                }
            });
            // a looping player restarts itself with play(): a pause that landed as a pass ended is kept
            created.setOnRepeat(() -> {
                if (created == player && !wantsPlaying) {
                    created.pause();
                }
            });
            created.setOnEndOfMedia(() -> {
                if (created.getCycleCount() == MediaPlayer.INDEFINITE) {
                    return; // looping: JavaFX reports each pass's end, and goes on
                }
                wantsPlaying = false;
                created.pause();
                created.seek(Duration.ZERO);
                setStatus("ended");
            });
            created.setRate(speed.getValue().rate());
            controls.setVisible(true);
            problemBox.setVisible(false);
            path.setVisible(false);
            setStatus("loading");
        } catch (RuntimeException e) {
            showProblem(null, e);
        }
    }

    public void toggle() {
        if (player == null) {
            return;
        }
        // the user's last wish decides, not the player's status, which lags behind play() and
        // pause() and passes through other states when a loop restarts
        if (wantsPlaying) {
            pause();
        } else {
            wantsPlaying = true;
            player.play();
        }
    }

    public void pause() {
        wantsPlaying = false;
        if (player != null) {
            player.pause();
        }
    }

    /** Stops and frees the native player; the view can load another file afterwards. */
    public void dispose() {
        if (player != null) {
            var old = player;
            player = null;
            old.stop();
            old.dispose();
        }
        wantsPlaying = false;
        seek.setValue(0);
        time.setText("0:00 / 0:00");
        playPause.setGraphic(Icons.of(Icons.PLAY, 14));
    }

    private void seekTo(double seconds) {
        if (player != null) {
            player.seek(Duration.seconds(seconds));
        }
    }

    private void updateTime() {
        if (player == null) {
            return;
        }
        var total = player.getMedia().getDuration();
        var current = player.getCurrentTime();
        time.setText(Format.elapsed(java.time.Duration.ofMillis((long) current.toMillis())) + " / "
                + (total == null || total.isUnknown()
                        ? "–:––"
                        : Format.elapsed(java.time.Duration.ofMillis((long) total.toMillis()))));
    }

    private void showNothing(String message) {
        controls.setVisible(false);
        problemBox.setVisible(false);
        path.setVisible(false);
        caption.setText(message);
        setStatus("none");
    }

    private void showProblem(String message, Throwable error) {
        if (player != null) {
            var broken = player;
            player = null;
            broken.dispose();
        }
        controls.setVisible(false);
        problemBox.setVisible(true);
        openExternal.setVisible(true);
        openExternal.setDisable(false);
        showInFolder.setVisible(false);
        path.setVisible(false);
        problem.setText(message != null ? message : AudioProblem.describe(file, error));
        setStatus("error");
    }

    /** Asks the system off the FX thread (its commands take a moment); a refusal is said in words, never silent. */
    private void handOver(Predicate<Path> request, Runnable refused) {
        var target = file;
        if (target == null) {
            return;
        }
        openExternal.setDisable(true);
        showInFolder.setDisable(true);
        Thread.ofVirtual().name("sorot-open-file").start(() -> {
            boolean taken = request.test(target);
            Platform.runLater(() -> {
                openExternal.setDisable(false);
                showInFolder.setDisable(false);
                if (target.equals(file) && !taken) {
                    refused.run();
                }
            });
        });
    }

    private void openFailed() {
        problem.setText("No application on this computer opens " + AudioProblem.formatOf(file)
                + " files (none is set for them, or there is no desktop to ask), so the summary could not be handed over."
                + " Show it in its folder and open it from there.");
        openExternal.setVisible(false);
        showInFolder.setVisible(true);
        setStatus("no-system-player");
    }

    private void revealFailed() {
        problem.setText(
                "This computer cannot show the folder either. The audio summary is saved here; copy the path to open it another way:");
        showInFolder.setVisible(false);
        path.setText(file.toAbsolutePath().toString());
        path.setVisible(true);
        path.requestFocus();
        path.selectAll();
        setStatus("no-file-manager");
    }

    private void setStatus(String value) {
        status.set(value);
    }

    private static String describe(AudioSummary summary) {
        if (summary == null) {
            return "";
        }
        var parts = new java.util.ArrayList<String>();
        if (summary.durationSeconds() > 0) {
            parts.add(Format.elapsed(java.time.Duration.ofMillis(Math.round(summary.durationSeconds() * 1000))));
        }
        if (summary.voice() != null) {
            parts.add("voice " + summary.voice());
        }
        if (summary.provenance() != null) {
            parts.add(summary.provenance().label());
        }
        return String.join(" · ", parts);
    }

    /**
     * "empty", "none", "loading", "ready", "playing", "paused", "stopped", "ended", "error", then
     * "no-system-player" and "no-file-manager" as the offers fail: for tests and the self-check.
     */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public MediaPlayer player() {
        return player;
    }
}
