package ai.sorot.desktop.notify;

import ai.sorot.desktop.ui.Icons;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Desktop notifications through ControlsFX, in the corner of the app's window. Analyses that
 * finish close together (a batch of 200) become one notification listing them, not a storm of
 * popups. FX thread only.
 */
public final class ControlsFxNotifier implements Notifier {

    private static final Duration GATHER = Duration.millis(1500);
    private static final int LISTED = 4;
    private static final String STYLESHEET = ControlsFxNotifier.class
            .getResource("/ai/sorot/desktop/notifications.css")
            .toExternalForm();

    private record Event(boolean ok, String title, String text) {}

    private final Supplier<Window> owner;
    private final BooleanSupplier enabled;
    private final List<Event> pending = new ArrayList<>();
    private final PauseTransition gather = new PauseTransition(GATHER);

    public ControlsFxNotifier(Supplier<Window> owner, BooleanSupplier enabled) {
        this.owner = owner;
        this.enabled = enabled;
        gather.setOnFinished(e -> flush());
    }

    @Override
    public void success(String title, String text) {
        add(new Event(true, title, text));
    }

    @Override
    public void failure(String title, String text) {
        add(new Event(false, title, text));
    }

    private void add(Event event) {
        if (!enabled.getAsBoolean()) {
            return;
        }
        pending.add(event);
        if (pending.size() == 1) {
            gather.playFromStart();
        }
    }

    private void flush() {
        var events = List.copyOf(pending);
        pending.clear();
        var window = owner.get();
        if (events.isEmpty() || window == null || !window.isShowing()) {
            return;
        }
        themed(window);
        var notification =
                Notifications.create().owner(window).position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(6));
        if (events.size() == 1) {
            var only = events.getFirst();
            notification
                    .title(only.title())
                    .text(only.text())
                    .graphic(icon(only.ok() ? Icons.CHECK : Icons.ERROR, only.ok() ? "success" : "danger"))
                    .show();
            return;
        }
        long failed = events.stream().filter(e -> !e.ok()).count();
        var text = new StringBuilder();
        events.stream()
                .limit(LISTED)
                .forEach(e -> text.append(e.ok() ? "✓ " : "✗ ")
                        .append(e.text().lines().findFirst().orElse(""))
                        .append('\n'));
        if (events.size() > LISTED) {
            text.append("and ").append(events.size() - LISTED).append(" more");
        }
        notification
                .title(events.size() + " analyses finished" + (failed > 0 ? ", " + failed + " failed" : ""))
                .text(text.toString().strip());
        notification
                .graphic(failed > 0 ? icon(Icons.ERROR, "warning") : icon(Icons.CHECK, "success"))
                .show();
    }

    /**
     * ControlsFX puts its stylesheet first in the owner's scene; ours goes after it, so the theme's
     * rules win (ControlsFX's use colours AtlantaFX does not define, see notifications.css).
     */
    private static void themed(Window window) {
        var scene = window.getScene();
        if (scene != null && !scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
    }

    /** The app's own vector icon in the theme's colour, not ControlsFX's glossy bitmap dialog icons. */
    private static Node icon(String path, String tone) {
        var icon = Icons.of(path, 20);
        icon.getStyleClass().setAll("notification-icon", tone);
        var box = new StackPane(icon);
        box.setPadding(new Insets(1, 10, 0, 0));
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }
}
