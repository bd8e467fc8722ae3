package ai.sorot.desktop.library;

import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.SemanticLibrary;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "More like this": the analyses closest in meaning to one, each with the cosine similarity of
 * their embeddings (1 the same, 0 unrelated). Double-click or Open report opens one. Non-modal.
 */
final class MoreLikeThisDialog {

    private MoreLikeThisDialog() {}

    static Dialog<Void> show(
            Window owner, LibraryEntry of, List<SemanticLibrary.Neighbour> neighbours, Consumer<String> open) {
        var dialog = new Dialog<Void>();
        dialog.initOwner(owner);
        dialog.setTitle("More like " + of.title());
        dialog.getDialogPane().setId("more-like-this");
        var list = new ListView<SemanticLibrary.Neighbour>();
        list.setId("more-like-this-list");
        list.getItems().setAll(neighbours);
        list.setPrefSize(560, 320);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SemanticLibrary.Neighbour n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : label(n));
                // a long title wraps rather than being cut off at the list's edge
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem().entry().id());
            }
        });
        var intro = new Label(
                neighbours.isEmpty()
                        ? "Nothing to compare with yet: no other analysis in the library has text to compare."
                        : "Closest in meaning, by the similarity of the scripts' sampled scenes and themes (computed on this computer):");
        intro.setId("more-like-this-intro");
        intro.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, intro, list));
        var openType = new ButtonType("Open report", ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().getButtonTypes().addAll(openType, ButtonType.CLOSE);
        var openButton = dialog.getDialogPane().lookupButton(openType);
        openButton.setId("more-like-this-open");
        openButton
                .disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        openButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            open.accept(list.getSelectionModel().getSelectedItem().entry().id());
            e.consume();
        });
        dialog.setResizable(true);
        dialog.show();
        return dialog;
    }

    static String label(SemanticLibrary.Neighbour n) {
        var e = n.entry();
        var authors = e.authors() == null || e.authors().isBlank() ? "" : " — " + e.authors();
        return String.format(Locale.ROOT, "similarity %.2f   %s%s", n.similarity(), e.title(), authors);
    }
}
