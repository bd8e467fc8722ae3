package ai.sorot.desktop.library;

import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.LibraryQuery;
import ai.sorot.lambda.library.ReviewSession;
import ai.sorot.lambda.library.SemanticLibrary;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * A session's scripts grouped by what they are about: the library's theme clusters (k-means on
 * the analyses' embeddings, each group named by the themes its reports name most), largest group
 * first. Double-click or Open report opens one. Non-modal.
 */
final class ThemeGroupsDialog {

    private ThemeGroupsDialog() {}

    /** A row of the tree: a group's heading, or one of its scripts. */
    private record Row(String text, LibraryEntry entry) {
        @Override
        public String toString() {
            return text;
        }
    }

    static Dialog<Void> show(
            Window owner, ReviewSession session, List<SemanticLibrary.Cluster> groups, Consumer<String> open) {
        var dialog = new Dialog<Void>();
        dialog.initOwner(owner);
        dialog.setTitle("Themes in " + session.name());
        dialog.getDialogPane().setId("theme-groups");
        var root = new TreeItem<Row>(new Row(session.name(), null));
        for (var group : groups) {
            var heading = new TreeItem<>(new Row(group.label(), null));
            heading.setExpanded(true);
            for (var member : group.members()) {
                var authors = member.authors() == null || member.authors().isBlank() ? "" : " — " + member.authors();
                heading.getChildren().add(new TreeItem<>(new Row(member.title() + authors, member)));
            }
            root.getChildren().add(heading);
        }
        var tree = new TreeView<>(root);
        tree.setId("theme-groups-tree");
        tree.setShowRoot(false);
        tree.setPrefSize(560, 360);
        tree.setOnMouseClicked(e -> {
            var entry = selected(tree);
            if (e.getClickCount() == 2 && entry != null) {
                open.accept(entry.id());
            }
        });
        var intro = new Label(
                groups.isEmpty()
                        ? "No scripts to group: the session is empty."
                        : "The session's scripts in groups by meaning (their sampled scenes and the themes their reports name), "
                                + "each group named by its most named themes with their counts. A grouping, not a judgement:");
        intro.setId("theme-groups-intro");
        intro.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, intro, tree));
        var openType = new ButtonType("Open report", ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().getButtonTypes().addAll(openType, ButtonType.CLOSE);
        var openButton = dialog.getDialogPane().lookupButton(openType);
        openButton.setId("theme-groups-open");
        openButton
                .disableProperty()
                .bind(tree.getSelectionModel()
                        .selectedItemProperty()
                        .map(item -> item.getValue().entry() == null)
                        .orElse(true));
        openButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            var entry = selected(tree);
            if (entry != null) {
                open.accept(entry.id());
            }
            e.consume();
        });
        dialog.setResizable(true);
        dialog.show();
        return dialog;
    }

    private static LibraryEntry selected(TreeView<Row> tree) {
        var item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue().entry();
    }

    /** The library filter's names for recommendations: a model's verdicts, and "Not judged" (no model read it). */
    static StringConverter<String> recommendationNames() {
        return new StringConverter<>() {
            @Override
            public String toString(String value) {
                if (value == null) {
                    return "Any recommendation";
                }
                return value.equals(LibraryQuery.NOT_JUDGED) ? "Not judged" : value;
            }

            @Override
            public String fromString(String s) {
                return "Not judged".equals(s) ? LibraryQuery.NOT_JUDGED : s;
            }
        };
    }
}
