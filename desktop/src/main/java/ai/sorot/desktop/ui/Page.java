package ai.sorot.desktop.ui;

import javafx.scene.Node;

/**
 * One page of the window (the drop zone, a report, settings, the library...). The shell holds a
 * factory per page and builds the page the first time it is opened ({@link PageStack}), so a cold
 * start builds only what the first window shows.
 */
public interface Page {

    /** The page's scene graph; the same node on every call. */
    Node view();

    /** The page became the one shown. */
    default void shown() {}

    /** Another page is shown instead: stop what should not go on unseen (audio, an overlay). */
    default void hidden() {}

    /** A node that needs nothing when shown or hidden. */
    static Page of(Node view) {
        return () -> view;
    }
}
