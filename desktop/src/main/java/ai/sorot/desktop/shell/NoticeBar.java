package ai.sorot.desktop.shell;

import ai.sorot.desktop.ui.Icons;
import ai.sorot.desktop.ui.Notice;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/** The notice under the app bar: the queue's latest word to the curator, gone after a few seconds. */
final class NoticeBar extends HBox {

    private final Label text = new Label();
    private final PauseTransition timer = new PauseTransition(Duration.seconds(8));

    NoticeBar(ObservableValue<Notice> notices) {
        setId("notice");
        getStyleClass().add("notice-bar");
        text.setId("notice-text");
        text.setWrapText(true);
        var close = new Button(null, Icons.of(Icons.CLOSE, 11));
        close.getStyleClass().addAll("flat", "button-icon", "small");
        close.setOnAction(e -> setVisible(false));
        var inner = new HBox(8, text, close);
        inner.getStyleClass().add("notice");
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox.setHgrow(inner, Priority.ALWAYS);
        getChildren().add(inner);
        setVisible(false);
        managedProperty().bind(visibleProperty());
        timer.setOnFinished(e -> setVisible(false));
        notices.subscribe(notice -> {
            if (notice == null) {
                return;
            }
            inner.getStyleClass().removeAll("info", "warning", "error");
            inner.getStyleClass().add(notice.kind().name().toLowerCase(Locale.ROOT));
            text.setText(notice.text());
            setVisible(true);
            timer.playFromStart();
        });
    }
}
