package ai.sorot.desktop.shell;

import ai.sorot.desktop.connection.Connection;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bar along the bottom: where the API is and how it is, and the Sorot home in use. */
final class StatusBar extends HBox {

    StatusBar(Connection api, Path home) {
        var dot = new Region();
        dot.getStyleClass().add("status-dot");
        var connection = new Label();
        connection.setId("connection-status");
        connection.textProperty().bind(api.descriptionProperty());
        api.stateProperty().subscribe(state -> {
            dot.getStyleClass().removeAll("online", "connecting", "offline");
            dot.getStyleClass()
                    .add(
                            switch (state) {
                                case ONLINE -> "online";
                                case CONNECTING -> "connecting";
                                case UNREACHABLE, UNAUTHORIZED -> "offline";
                            });
        });
        api.healthProperty()
                .subscribe(health -> connection.setTooltip(
                        health == null || health.analysers() == null
                                ? null
                                : new Tooltip(health.analysers().entrySet().stream()
                                        .map(e -> e.getKey() + ": " + e.getValue())
                                        .reduce((a, b) -> a + "\n" + b)
                                        .orElse(""))));
        var state = new Label();
        state.textProperty().bind(api.stateProperty().map(s -> switch (s) {
            case ONLINE -> "";
            case CONNECTING -> "connecting…";
            case UNREACHABLE -> "unreachable";
            case UNAUTHORIZED -> "token refused";
        }));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var where = new Label("Sorot home " + home);
        var left = new HBox(7, dot, connection, state);
        left.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(left, spacer, where);
        getStyleClass().add("status-bar");
    }
}
