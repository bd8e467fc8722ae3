package ai.sorot.desktop.library;

import ai.sorot.desktop.ui.Icons;
import ai.sorot.lambda.library.ReviewSession;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The sessions beside the library's table: pick one to filter, review it, score it; rows and folders drop on it. */
final class SessionsPane extends VBox {

    private final LibraryViewModel model;
    private final LibraryView.Actions actions;
    private final LibraryTransfers transfers;
    private final ListView<ReviewSession> sessionList = new ListView<>();

    SessionsPane(LibraryViewModel model, LibraryView.Actions actions, LibraryTransfers transfers) {
        this.model = model;
        this.actions = actions;
        this.transfers = transfers;
        var title = new Label("Sessions");
        title.getStyleClass().add("title");
        var all = new Button("All analyses");
        all.setId("show-all");
        all.getStyleClass().add("flat");
        all.setMaxWidth(Double.MAX_VALUE);
        all.setAlignment(Pos.CENTER_LEFT);
        all.setOnAction(e -> {
            sessionList.getSelectionModel().clearSelection();
            model.sessionFilterProperty().set(null);
        });

        sessionList.setId("session-list");
        sessionList.setItems(model.sessions());
        var empty = new Label(
                "No sessions yet. Select analyses and choose New session, or drop a folder of screenplays here.");
        empty.setWrapText(true);
        empty.setMaxWidth(190);
        empty.getStyleClass().add("muted");
        sessionList.setPlaceholder(empty);
        sessionList.setCellFactory(list -> new SessionCell());
        sessionList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null
                    && (model.sessionFilterProperty().get() == null
                            || model.sessionFilterProperty().get().id() != now.id())) {
                model.sessionFilterProperty().set(now);
            }
        });
        model.sessionFilterProperty().subscribe(s -> {
            if (s == null) {
                sessionList.getSelectionModel().clearSelection();
            } else if (sessionList.getSelectionModel().getSelectedItem() == null
                    || sessionList.getSelectionModel().getSelectedItem().id() != s.id()) {
                sessionList.getSelectionModel().select(s);
            }
        });
        // a folder dropped on the empty part of the list becomes a new session
        sessionList.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        sessionList.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                e.getDragboard().getFiles().forEach(f -> model.addFolder(null, f.toPath(), null));
                e.setDropCompleted(true);
                e.consume();
            }
        });
        VBox.setVgrow(sessionList, Priority.ALWAYS);

        var create = new MenuButton("New session", Icons.of(Icons.ADD, 12));
        create.setId("new-session");
        create.getItems()
                .addAll(
                        LibraryView.item(
                                "session-from-selection", "From the selected analyses…", this::sessionFromSelection),
                        LibraryView.item(
                                "session-from-filter", "From everything the search matches…", this::sessionFromFilter),
                        LibraryView.item(
                                "session-from-folder", "From a folder of screenplays…", transfers::importFolder));
        var review = new Button("Review", Icons.of(Icons.PLAY, 12));
        review.setId("review-session");
        review.getStyleClass().add("accent");
        review.disableProperty().bind(model.sessionFilterProperty().isNull());
        review.setOnAction(e -> actions.review(model.sessionFilterProperty().get(), null));
        var rubric = new Button("Score card…");
        rubric.setId("edit-rubric");
        rubric.disableProperty().bind(model.sessionFilterProperty().isNull());
        rubric.setOnAction(e -> editRubric(model.sessionFilterProperty().get()));
        var delete = new Button(null, Icons.of(Icons.DELETE, 13));
        delete.setId("delete-session");
        delete.getStyleClass().addAll("flat", "button-icon");
        delete.setTooltip(new Tooltip("Delete the session (its analyses stay in the library)"));
        delete.disableProperty().bind(model.sessionFilterProperty().isNull());
        delete.setOnAction(e -> confirmDelete(model.sessionFilterProperty().get()));
        var themes = new Button("Themes…");
        themes.setId("session-themes");
        themes.setTooltip(
                new Tooltip("Group the session's scripts by what they are about (computed on this computer)"));
        themes.disableProperty().bind(model.sessionFilterProperty().isNull());
        themes.setOnAction(e -> model.themeGroups(
                model.sessionFilterProperty().get(),
                groups -> ThemeGroupsDialog.show(
                        getScene().getWindow(), model.sessionFilterProperty().get(), groups, actions::openReport)));
        var buttons = new FlowPane(6, 6, create, review, rubric, themes, delete);
        setSpacing(8);
        getChildren().addAll(title, all, sessionList, buttons);
        getStyleClass().add("sessions-pane");
        setMinWidth(210);
    }

    /** A session in the list: its name, size and progress; rows and folders can be dropped on it. */
    private final class SessionCell extends ListCell<ReviewSession> {

        SessionCell() {
            getStyleClass().add("session-cell");
            setPrefWidth(0); // follow the list's width: a long name is cut short (…) instead of scrolling sideways
            setOnDragOver(this::dragOver);
            setOnDragExited(e -> pseudoClassStateChanged(PseudoClass.getPseudoClass("drop-target"), false));
            setOnDragDropped(this::dropped);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    actions.review(getItem(), null);
                }
            });
        }

        @Override
        protected void updateItem(ReviewSession s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(null);
            var name = new Label(s.name());
            name.getStyleClass().add("session-name");
            var meta = new Label(s.reviewed() + " of " + s.size() + " reviewed"
                    + (s.rubric().isEmpty() ? "" : " · " + s.rubric().size() + " criteria"));
            meta.getStyleClass().add("session-meta");
            setGraphic(new VBox(2, name, meta));
        }

        private void dragOver(DragEvent e) {
            if (getItem() != null
                    && (e.getDragboard().hasContent(LibraryView.ANALYSIS_IDS)
                            || e.getDragboard().hasFiles())) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("drop-target"), true);
                e.consume();
            }
        }

        private void dropped(DragEvent e) {
            var s = getItem();
            if (s == null) {
                return;
            }
            var board = e.getDragboard();
            if (board.hasContent(LibraryView.ANALYSIS_IDS)) {
                var ids = List.of(
                        board.getContent(LibraryView.ANALYSIS_IDS).toString().split("\n"));
                model.addToSession(s, ids);
                e.setDropCompleted(true);
            } else if (board.hasFiles()) {
                board.getFiles().forEach(f -> model.addFolder(s, f.toPath(), null));
                e.setDropCompleted(true);
            }
            e.consume();
        }
    }

    private void confirmDelete(ReviewSession session) {
        var alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Its analyses, ratings, verdicts and notes stay in the library; the session's order, progress and score card go.",
                ButtonType.CANCEL,
                ButtonType.OK);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.setHeaderText("Delete the session \"" + session.name() + "\"?");
        alert.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.deleteSession(session));
    }

    private void sessionFromSelection() {
        var ids = transfers.selectedIds();
        if (ids.isEmpty()) {
            model.say("Select the analyses for the session first (Ctrl+click or Shift+click to pick several).");
            return;
        }
        askName("New session of " + ids.size() + " selected")
                .ifPresent(name -> model.createSession(
                        name, ids, s -> model.sessionFilterProperty().set(s)));
    }

    private void sessionFromFilter() {
        askName("New session of the " + model.matchingProperty().get() + " matching analyses")
                .ifPresent(name -> model.createSessionFromFilter(
                        name, s -> model.sessionFilterProperty().set(s)));
    }

    private Optional<String> askName(String header) {
        var dialog = new TextInputDialog();
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.setTitle("New session");
        dialog.setHeaderText(header);
        dialog.setContentText("Name:");
        dialog.getEditor().setPromptText("Shorts 2027 · Round 1");
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private void editRubric(ReviewSession session) {
        var dialog = new RubricDialog(session);
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.showAndWait().ifPresent(rubric -> model.setRubric(session, rubric));
    }
}
