package ai.sorot.desktop.shell;

import ai.sorot.desktop.connection.Connection;
import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.queue.QueueViewModel;
import ai.sorot.desktop.ui.Format;
import java.time.Clock;
import java.time.Duration;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The banner the curator sees when the API cannot be reached or refuses the token: what is
 * wrong, what is waiting because of it, when the next try is, and a button to try now.
 */
public final class ConnectionBanner extends StackPane {

    private final Connection connection;
    private final QueueViewModel queue;
    private final Clock clock;
    private final Label title = new Label();
    private final Label description = new Label();
    private final HBox bar;

    public ConnectionBanner(Connection connection, QueueViewModel queue, Clock clock, Runnable openSettings) {
        this.connection = connection;
        this.queue = queue;
        this.clock = clock;
        setId("connection-banner");
        getStyleClass().add("connection-banner");
        managedProperty().bind(visibleProperty());

        var retry = new Button("Retry now");
        retry.setId("retry-connection");
        retry.setOnAction(e -> connection.retryNow());
        var settings = new Button("Settings");
        settings.setOnAction(e -> openSettings.run());
        retry.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        settings.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        var actions = new HBox(8, retry, settings);
        actions.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        actions.setAlignment(Pos.CENTER_RIGHT);
        title.getStyleClass().add("banner-title");
        title.setId("banner-title");
        description.setId("banner-text");
        description.setWrapText(true);
        var text = new VBox(2, title, description);
        HBox.setHgrow(text, Priority.ALWAYS);
        bar = new HBox(12, ai.sorot.desktop.ui.Icons.of(ai.sorot.desktop.ui.Icons.ERROR, 20), text, actions);
        bar.getStyleClass().add("banner");
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(bar);

        connection.stateProperty().subscribe(this::refresh);
        connection.problemProperty().subscribe(this::refresh);
        queue.waitingProperty().subscribe(this::refresh);
        queue.activeProperty().subscribe(this::refresh);
        var ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private void refresh() {
        var state = connection.stateProperty().get();
        boolean down = state == ConnectionState.UNREACHABLE || state == ConnectionState.UNAUTHORIZED;
        setVisible(down);
        if (!down) {
            return;
        }
        bar.getStyleClass().removeAll("danger", "warning");
        bar.getStyleClass().add(state == ConnectionState.UNAUTHORIZED ? "warning" : "danger");
        title.setText(
                state == ConnectionState.UNAUTHORIZED
                        ? "The Sorot API refused the token"
                        : "The Sorot API cannot be reached");
        var text = new StringBuilder();
        var problem = connection.problemProperty().get();
        if (problem != null) {
            text.append(problem);
        }
        int held = queue.heldUp();
        if (held > 0) {
            text.append(text.isEmpty() ? "" : " ")
                    .append(Format.plural(held, "submission"))
                    .append(held == 1 ? " is" : " are")
                    .append(" waiting, nothing is lost: they continue when it is back.");
        }
        var next = connection.nextAttemptProperty().get();
        if (next != null) {
            long seconds = Math.max(0, Duration.between(clock.instant(), next).toSeconds());
            text.append(seconds == 0 ? " Trying again now…" : " Next try in " + seconds + " s.");
        }
        description.setText(text.toString());
    }
}
