package ai.sorot.desktop.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.layout.StackPane;

/**
 * Pages stacked in one place, one shown at a time, each built by its factory when first asked
 * for. A built page stays in the scene (hidden), so switching back costs no new CSS pass. Nodes
 * added to the children after the pages (overlays) stay above every page, even one built later.
 *
 * @param <K> what names a page (an enum of the window's pages)
 */
public final class PageStack<K> extends StackPane {

    private final List<K> order = new ArrayList<>();
    private final Map<K, Supplier<? extends Page>> factories = new HashMap<>();
    private final Map<K, Page> built = new HashMap<>();
    private final ReadOnlyObjectWrapper<K> shown = new ReadOnlyObjectWrapper<>(this, "shown");

    /**
     * Registers a page; nothing is built yet. Returns the page's accessor: the first call builds
     * the page (hidden) into the stack, later calls return the same page.
     */
    public <P extends Page> Supplier<P> add(K key, Supplier<P> factory) {
        if (factories.putIfAbsent(key, factory) != null) {
            throw new IllegalArgumentException("page " + key + " is already registered");
        }
        order.add(key);
        @SuppressWarnings("unchecked")
        Supplier<P> accessor = () -> (P) page(key);
        return accessor;
    }

    /** The page, built now if it was not yet. */
    public Page page(K key) {
        var page = built.get(key);
        if (page != null) {
            return page;
        }
        var factory = Objects.requireNonNull(factories.get(key), () -> "no page " + key);
        page = factory.get();
        var view = page.view();
        view.setVisible(key.equals(shown.get()));
        // pages keep their registration order, below any overlay added after them
        int at = (int) order.stream()
                .limit(order.indexOf(key))
                .filter(built::containsKey)
                .count();
        getChildren().add(at, view);
        built.put(key, page);
        return page;
    }

    public boolean isBuilt(K key) {
        return built.containsKey(key);
    }

    /** Shows one page (building it if needed) and hides the one shown before. */
    public void show(K key) {
        var before = shown.get();
        var page = page(key);
        if (key.equals(before)) {
            return;
        }
        shown.set(key);
        if (before != null) {
            var old = built.get(before);
            old.view().setVisible(false);
            old.hidden();
        }
        page.view().setVisible(true);
        page.shown();
    }

    public K shown() {
        return shown.get();
    }

    public ReadOnlyObjectProperty<K> shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
