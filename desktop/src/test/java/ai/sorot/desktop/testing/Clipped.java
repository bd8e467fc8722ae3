package ai.sorot.desktop.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds text JavaFX has cut short: a {@link Labeled} whose skin shows its text with an ellipsis
 * because it does not fit. What a user would see as "BOB THE CYBER PAWN AND HIS C...".
 */
public final class Clipped {

    private Clipped() {}

    /**
     * Every shown label under {@code root} whose displayed text is shorter than its own, as
     * "id-or-class: 'shown' (of 'full')". Table and list cells are left out: a column the user
     * can widen ends its values in an ellipsis by design. Call on the FX thread after a layout.
     */
    public static List<String> in(Parent root) {
        var found = new ArrayList<String>();
        walk(root, found);
        return found;
    }

    private static void walk(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && !(node instanceof Cell<?>)) {
            var full = labeled.getText();
            if (full != null && !full.isEmpty()) {
                for (var child : labeled.getChildrenUnmodifiable()) {
                    if (child instanceof Text text && text.isVisible()) {
                        var shown = text.getText();
                        var ellipsis = labeled.getEllipsisString();
                        if (!shown.equals(full)
                                && (shown.contains(ellipsis) || shown.contains("…") || shown.contains("..."))) {
                            found.add(describe(labeled) + ": '" + shown + "' (of '" + full + "')");
                        }
                    }
                }
            }
        }
        if (node instanceof Parent parent) {
            for (var child : parent.getChildrenUnmodifiable()) {
                walk(child, found);
            }
        }
    }

    private static String describe(Labeled labeled) {
        var where = new StringBuilder(
                labeled.getId() != null ? "#" + labeled.getId() : String.join(".", labeled.getStyleClass()));
        for (Node up = labeled.getParent(); up != null; up = up.getParent()) {
            if (up.getId() != null) {
                where.append(" in #").append(up.getId());
                break;
            }
        }
        return where.toString();
    }
}
