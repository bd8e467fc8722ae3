package ai.sorot.desktop.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
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
        var notification = Notifications.create().owner(window).position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(6));
        if (events.size() == 1) {
            var only = events.getFirst();
            notification.title(only.title()).text(only.text());
            if (only.ok()) {
                notification.showInformation();
            } else {
                notification.showError();
            }
            return;
        }
        long failed = events.stream().filter(e -> !e.ok()).count();
        var text = new StringBuilder();
        events.stream().limit(LISTED).forEach(e -> text.append(e.ok() ? "✓ " : "✗ ").append(e.text().lines().findFirst().orElse("")).append('\n'));
        if (events.size() > LISTED) {
            text.append("and ").append(events.size() - LISTED).append(" more");
        }
        notification.title(events.size() + " analyses finished" + (failed > 0 ? ", " + failed + " failed" : ""))
                .text(text.toString().strip());
        if (failed > 0) {
            notification.showWarning();
        } else {
            notification.showInformation();
        }
    }
}
