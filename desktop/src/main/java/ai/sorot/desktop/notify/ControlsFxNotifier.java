package ai.sorot.desktop.notify;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Desktop notifications through ControlsFX, in the corner of the app's window. FX thread only. */
public final class ControlsFxNotifier implements Notifier {

    private final Supplier<Window> owner;
    private final BooleanSupplier enabled;

    public ControlsFxNotifier(Supplier<Window> owner, BooleanSupplier enabled) {
        this.owner = owner;
        this.enabled = enabled;
    }

    @Override
    public void success(String title, String text) {
        var notification = build(title, text);
        if (notification != null) {
            notification.showInformation();
        }
    }

    @Override
    public void failure(String title, String text) {
        var notification = build(title, text);
        if (notification != null) {
            notification.showError();
        }
    }

    /** Null when notifications are off or there is no window to anchor them to. */
    private Notifications build(String title, String text) {
        var window = owner.get();
        if (!enabled.getAsBoolean() || window == null || !window.isShowing()) {
            return null;
        }
        return Notifications.create().owner(window).title(title).text(text).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(6));
    }
}
