package ai.sorot.desktop.library;

import ai.sorot.desktop.ui.Icons;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.ReviewSession;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The library page: sessions on the left (drop rows or a folder of screenplays on one), the
 * search and filters above a virtualised table of every saved analysis (sortable by any column),
 * and the actions: review, open, compare, sync, import and export.
 */
public final class LibraryView extends BorderPane {

    /** Rows dragged onto a session carry their analysis ids. */
    static final DataFormat ANALYSIS_IDS = new DataFormat("application/x-sorot-analysis-ids");
    private static final javafx.scene.control.Tooltip NOT_JUDGED_TIP = new javafx.scene.control.Tooltip(
            ai.sorot.model.report.Verdicts.NOT_JUDGED + ".\n" + ai.sorot.model.report.Verdicts.HOW_TO_JUDGE);
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(ZoneId.systemDefault());

    /** What the page around this view does for it. */
    public interface Actions {
        void review(ReviewSession session, String startId);

        void compare(List<LibraryEntry> entries);

        void openReport(String analysisId);
    }

    private final LibraryViewModel model;
    private final FilePicker files;
    private final Actions actions;
    private final TableView<LibraryEntry> table = new TableView<>();
    private final ListView<ReviewSession> sessionList = new ListView<>();
    private final Map<String, Image> thumbnails = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > 400;
        }
    };

    public LibraryView(LibraryViewModel model, FilePicker files, Actions actions) {
        this.model = model;
        this.files = files;
        this.actions = actions;
        setId("library-view");
        getStyleClass().add("library-view");
        setTop(new VBox(toolbar(), filters()));
        var split = new SplitPane(sessionsPane(), tablePane());
        split.setDividerPositions(0.17);
        SplitPane.setResizableWithParent(split.getItems().getFirst(), false);
        setCenter(split);
        setBottom(statusLine());
    }

    // ---------------------------------------------------------------- top

    private Node toolbar() {
        var search = new TextField();
        search.setId("library-search");
        search.setPromptText("Search titles, authors, loglines, notes, tags, or a phrase (\"a road movie about grief\")");
        search.textProperty().bindBidirectional(model.textProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(560);

        var open = new Button("Open report", Icons.of(Icons.OPEN_EXTERNAL, 13));
        open.setId("open-report");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> actions.openReport(table.getSelectionModel().getSelectedItem().id()));
        var compare = new Button("Compare");
        compare.setId("compare");
        compare.setTooltip(new Tooltip("Select two or three analyses to see them side by side"));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<LibraryEntry>) c ->
                compare.setDisable(table.getSelectionModel().getSelectedItems().size() < 2
                        || table.getSelectionModel().getSelectedItems().size() > 3));
        compare.setDisable(true);
        compare.setOnAction(e -> actions.compare(List.copyOf(table.getSelectionModel().getSelectedItems())));

        var exports = new MenuButton("Export");
        exports.setId("export-menu");
        exports.getItems().addAll(
                item("export-session-csv", "Session as CSV…", () -> exportSession("csv")),
                item("export-session-pdf", "Session as PDF report…", () -> exportSession("pdf")),
                item("export-analysis-pdf", "Selected analysis as PDF…", this::exportAnalysis),
                item("export-bundle", "Session bundle (zip, to share)…", () -> exportSession("zip")),
                item("export-decisions", "FilmFreeway decisions CSV…", this::exportDecisions),
                item("export-library-csv", "Whole library as CSV…", this::exportLibrary));
        var imports = new MenuButton("Import");
        imports.setId("import-menu");
        imports.getItems().addAll(
                item("import-bundle", "Session bundle…", this::importBundle),
                item("import-filmfreeway", "FilmFreeway submissions CSV…", this::importFilmFreeway),
                item("import-folder", "Folder of screenplays as a session…", this::importFolder));
        var sync = new Button("Sync", Icons.of(Icons.RETRY, 13));
        sync.setId("library-sync");
        sync.setTooltip(new Tooltip("Save the API's finished analyses that this library lacks"));
        sync.disableProperty().bind(model.syncingProperty());
        sync.setOnAction(e -> model.sync());

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        var bar = new HBox(8, search, spacer, open, compare, exports, imports, sync);
        bar.getStyleClass().add("library-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        var item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private Node filters() {
        var recommendation = new ComboBox<String>();
        recommendation.setId("filter-recommendation");
        recommendation.getItems().addAll(null, "RECOMMEND", "CONSIDER", "PASS");
        recommendation.setConverter(named("Any recommendation"));
        recommendation.valueProperty().bindBidirectional(model.recommendationProperty());

        var min = scoreField("filter-min-score", "min");
        bindScore(min, model.minScoreProperty());
        var max = scoreField("filter-max-score", "max");
        bindScore(max, model.maxScoreProperty());
        var scoreLabel = new Label("Score");

        var genre = new TextField();
        genre.setId("filter-genre");
        genre.setPromptText("Genre");
        genre.setPrefColumnCount(8);
        genre.textProperty().bindBidirectional(model.genreProperty());

        var rated = new ComboBox<Boolean>();
        rated.setId("filter-rated");
        rated.getItems().addAll(null, true, false);
        rated.setConverter(new StringConverter<>() {
            @Override
            public String toString(Boolean b) {
                return b == null ? "Rated or not" : b ? "Rated" : "Unrated";
            }

            @Override
            public Boolean fromString(String s) {
                return null;
            }
        });
        rated.valueProperty().bindBidirectional(model.ratedProperty());

        var shortlisted = new CheckBox("Shortlisted");
        shortlisted.setId("filter-shortlisted");
        shortlisted.selectedProperty().bindBidirectional(model.shortlistedOnlyProperty());

        var tag = new ComboBox<String>();
        tag.setId("filter-tag");
        tag.setConverter(named("Any tag"));
        model.tags().subscribe(() -> {
            var chosen = tag.getValue();
            var items = new ArrayList<String>();
            items.add(null);
            items.addAll(model.tags());
            tag.getItems().setAll(items);
            tag.setValue(chosen);
        });
        tag.valueProperty().bindBidirectional(model.tagProperty());

        var from = new DatePicker();
        from.setId("filter-from");
        from.setPromptText("Saved from");
        from.setPrefWidth(150);
        from.valueProperty().bindBidirectional(model.savedFromProperty());
        var to = new DatePicker();
        to.setId("filter-to");
        to.setPromptText("to");
        to.setPrefWidth(150);
        to.valueProperty().bindBidirectional(model.savedToProperty());

        var clear = new Button("Clear");
        clear.setId("filter-clear");
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> model.clearFilters());

        var score = new HBox(4, scoreLabel, min, new Label("–"), max);
        score.setAlignment(Pos.CENTER_LEFT);
        var pane = new FlowPane(8, 6, recommendation, score, genre, rated, shortlisted, tag, from, to, clear);
        pane.getStyleClass().add("library-filters");
        pane.setPrefWrapLength(1300); // one row at a usual window width from the first layout, no jump when shown
        pane.setAlignment(Pos.CENTER_LEFT);
        return pane;
    }

    private static <T> StringConverter<T> named(String whenNull) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? whenNull : value.toString();
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static TextField scoreField(String id, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(3);
        field.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().matches("\\d{0,3}") ? change : null));
        return field;
    }

    private static void bindScore(TextField field, ObjectProperty<Double> target) {
        field.textProperty().addListener((o, was, now) -> target.set(now == null || now.isBlank() ? null : Double.valueOf(now)));
        target.addListener((o, was, now) -> {
            var text = now == null ? "" : Integer.toString(now.intValue());
            if (!text.equals(field.getText())) {
                field.setText(text);
            }
        });
    }

    // ---------------------------------------------------------------- sessions

    private Node sessionsPane() {
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
        var empty = new Label("No sessions yet. Select analyses and choose New session, or drop a folder of screenplays here.");
        empty.setWrapText(true);
        empty.setMaxWidth(190);
        empty.getStyleClass().add("muted");
        sessionList.setPlaceholder(empty);
        sessionList.setCellFactory(list -> new SessionCell());
        sessionList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && (model.sessionFilterProperty().get() == null || model.sessionFilterProperty().get().id() != now.id())) {
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
        create.getItems().addAll(
                item("session-from-selection", "From the selected analyses…", this::sessionFromSelection),
                item("session-from-filter", "From everything the search matches…", this::sessionFromFilter),
                item("session-from-folder", "From a folder of screenplays…", this::importFolder));
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
        var buttons = new FlowPane(6, 6, create, review, rubric, delete);
        var box = new VBox(8, title, all, sessionList, buttons);
        box.getStyleClass().add("sessions-pane");
        box.setMinWidth(210);
        return box;
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
            if (getItem() != null && (e.getDragboard().hasContent(ANALYSIS_IDS) || e.getDragboard().hasFiles())) {
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
            if (board.hasContent(ANALYSIS_IDS)) {
                var ids = List.of(board.getContent(ANALYSIS_IDS).toString().split("\n"));
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
        var alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Its analyses, ratings, verdicts and notes stay in the library; the session's order, progress and score card go.",
                ButtonType.CANCEL, ButtonType.OK);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.setHeaderText("Delete the session \"" + session.name() + "\"?");
        alert.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.deleteSession(session));
    }

    private void sessionFromSelection() {
        var ids = selectedIds();
        if (ids.isEmpty()) {
            model.say("Select the analyses for the session first (Ctrl+click or Shift+click to pick several).");
            return;
        }
        askName("New session of " + ids.size() + " selected").ifPresent(name ->
                model.createSession(name, ids, s -> model.sessionFilterProperty().set(s)));
    }

    private void sessionFromFilter() {
        askName("New session of the " + model.matchingProperty().get() + " matching analyses").ifPresent(name ->
                model.createSessionFromFilter(name, s -> model.sessionFilterProperty().set(s)));
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

    // ---------------------------------------------------------------- the table

    private Node tablePane() {
        table.setId("library-table");
        table.getStyleClass().add("library-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var empty = new Label();
        empty.setId("library-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(model.emptyMessageBinding());
        table.setPlaceholder(empty);
        var sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        var thumb = new TableColumn<LibraryEntry, LibraryEntry>("");
        thumb.setId("col-thumbnail");
        thumb.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        thumb.setCellFactory(c -> new ThumbnailCell());
        thumb.setSortable(false);
        thumb.setPrefWidth(42);
        thumb.setResizable(false);
        table.getColumns().add(thumb);
        table.getColumns().add(column("col-title", "Title", 120, LibraryEntry::title, String.CASE_INSENSITIVE_ORDER));
        table.getColumns().add(column("col-authors", "Authors", 90, LibraryEntry::authors, String.CASE_INSENSITIVE_ORDER));
        table.getColumns().add(column("col-genres", "Genres", 70, LibraryEntry::genres, String.CASE_INSENSITIVE_ORDER));
        var rec = column("col-recommendation", "Model", 122, LibraryEntry::recommendation, String::compareTo);
        rec.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeAll("recommend", "consider", "pass", "not-judged");
                // no model read the script: no verdict, and the cell says so rather than stay blank
                setText(empty ? null : value == null ? "Not judged" : value);
                setTooltip(empty || value != null ? null : NOT_JUDGED_TIP);
                if (!empty) {
                    getStyleClass().add(value == null ? "not-judged" : value.toLowerCase(Locale.ROOT));
                }
            }
        });
        table.getColumns().add(rec);
        var flags = column("col-checks", "Checks", 76, LibraryEntry::checks, Comparator.comparingInt(List::size));
        flags.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(List<String> codes, boolean empty) {
                super.updateItem(codes, empty);
                boolean none = empty || codes == null || codes.isEmpty();
                // the library keeps the codes; the report holds each check's message
                setText(none ? null : codes.size() == 1 ? "⚑ " + codeName(codes.getFirst()) : "⚑ " + codes.size() + " checks");
                setTooltip(none ? null : new javafx.scene.control.Tooltip(String.join("\n",
                        codes.stream().map(LibraryView::codeName).toList())));
                getStyleClass().remove("check-flag");
                if (!none) {
                    getStyleClass().add("check-flag");
                }
            }
        });
        table.getColumns().add(flags);
        var score = column("col-score", "Model score", 126, LibraryEntry::aiScore, Double::compare);
        score.setMinWidth(126); // its header names what the figure is, and must be read whole
        score.setCellFactory(c -> text(v -> Long.toString(Math.round(v))));
        table.getColumns().add(score);
        var pages = column("col-pages", "Pages", 66, LibraryEntry::pages, Integer::compare);
        table.getColumns().add(pages);
        var runtime = column("col-runtime", "Min", 50, LibraryEntry::runtime, Double::compare);
        runtime.setCellFactory(c -> text(v -> Long.toString(Math.round(v))));
        table.getColumns().add(runtime);
        var rating = column("col-rating", "Rating", 80, LibraryEntry::rating, Integer::compare);
        rating.setCellFactory(c -> text(v -> "★".repeat(v) + "☆".repeat(Math.max(0, 5 - v))));
        table.getColumns().add(rating);
        var verdict = column("col-verdict", "Verdict", 78, e -> e.verdict() == null ? null : e.verdict().name(), String::compareTo);
        table.getColumns().add(verdict);
        var shortlist = column("col-shortlisted", "★", 34, e -> e.shortlisted() ? "★" : "", String::compareTo);
        shortlist.getStyleClass().add("shortlist-column");
        table.getColumns().add(shortlist);
        table.getColumns().add(column("col-tags", "Tags", 60, e -> String.join(" ", e.tags()), String::compareTo));
        var saved = column("col-saved", "Saved", 92, LibraryEntry::savedAt, Instant::compareTo);
        saved.setCellFactory(c -> text(SAVED::format));
        table.getColumns().add(saved);

        table.setRowFactory(t -> {
            var row = new TableRow<LibraryEntry>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
                    actions.openReport(row.getItem().id());
                }
            });
            row.setOnDragDetected(e -> {
                if (row.getItem() == null) {
                    return;
                }
                var board = row.startDragAndDrop(TransferMode.COPY, TransferMode.LINK);
                var content = new ClipboardContent();
                content.put(ANALYSIS_IDS, String.join("\n", selectedIds()));
                content.putString(String.join("\n", table.getSelectionModel().getSelectedItems().stream().map(LibraryEntry::title).toList()));
                board.setContent(content);
                e.consume();
            });
            return row;
        });
        table.setContextMenu(contextMenu());
        return table;
    }

    private ContextMenu contextMenu() {
        var open = item("ctx-open", "Open report", () -> {
            var selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                actions.openReport(selected.id());
            }
        });
        var compare = item("ctx-compare", "Compare side by side", () -> {
            var chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
            if (chosen.size() >= 2 && chosen.size() <= 3) {
                actions.compare(chosen);
            } else {
                model.say("Select two or three analyses to compare.");
            }
        });
        var remove = item("ctx-remove", "Remove from this session", () -> {
            var s = model.sessionFilterProperty().get();
            if (s != null) {
                model.removeFromSession(s, selectedIds());
            }
        });
        var more = item("ctx-more-like-this", "More like this", this::moreLikeThis);
        var menu = new ContextMenu(open, more, compare, item("ctx-pdf", "Export as PDF…", this::exportAnalysis), remove);
        menu.setOnShowing(e -> remove.setVisible(model.sessionFilterProperty().get() != null));
        return menu;
    }

    private static String codeName(String code) {
        var words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The analyses closest in meaning to the selected one, in a small dialog. */
    private void moreLikeThis() {
        var selected = table.getSelectionModel().getSelectedItem();
        if (selected == null) {
            model.say("Select an analysis to find more like it.");
            return;
        }
        model.moreLikeThis(selected.id(), neighbours ->
                MoreLikeThisDialog.show(getScene().getWindow(), selected, neighbours, actions::openReport));
    }

    private static <T> TableColumn<LibraryEntry, T> column(String id, String name, double width, Function<LibraryEntry, T> value,
                                                         Comparator<T> order) {
        var col = new TableColumn<LibraryEntry, T>(name);
        col.setId(id);
        col.setPrefWidth(width);
        col.setMinWidth(Math.min(width, 60));
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setComparator(Comparator.nullsLast(order));
        return col;
    }

    private static <T> TableCell<LibraryEntry, T> text(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : format.apply(value));
            }
        };
    }

    /** The first page, loaded in the background and kept for the rows scrolled past most recently. */
    private final class ThumbnailCell extends TableCell<LibraryEntry, LibraryEntry> {

        private final ImageView view = new ImageView();
        private final StackPane frame = new StackPane(view);

        ThumbnailCell() {
            view.setFitWidth(26);
            view.setFitHeight(34);
            view.setPreserveRatio(true);
            frame.getStyleClass().add("thumbnail");
            frame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            getStyleClass().add("thumbnail-cell");
        }

        @Override
        protected void updateItem(LibraryEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                frame.visibleProperty().unbind();
                setGraphic(null);
                return;
            }
            var image = thumbnails.computeIfAbsent(e.id(), id -> {
                Path file = model.library().folder().resolve("items").resolve(id).resolve("thumbnail.png");
                return new Image(file.toUri().toString(), 26, 34, true, true, true);
            });
            view.setImage(image);
            // no thumbnail saved (a Fountain script, a synced analysis): no empty frame either
            frame.visibleProperty().bind(image.errorProperty().not());
            setGraphic(frame);
        }
    }

    // ---------------------------------------------------------------- status

    private Node statusLine() {
        var count = new Label();
        count.setId("library-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            int shown = model.matchingProperty().get();
            int all = model.totalProperty().get();
            var s = model.sessionFilterProperty().get();
            var where = s == null ? "" : " in \"" + s.name() + "\"";
            int meaning = model.byMeaningProperty().get();
            var byMeaning = meaning == 0 ? "" : " (" + meaning + " close in meaning, after the word matches)";
            return shown == all && s == null && meaning == 0 ? all + " analyses" : shown + " of " + all + " analyses" + where + byMeaning;
        }, model.matchingProperty(), model.totalProperty(), model.sessionFilterProperty(), model.byMeaningProperty()));
        var message = new Label();
        message.setId("library-message");
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("muted");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var hint = new Label("Double-click to open · drag rows onto a session · select 2–3 to compare");
        hint.getStyleClass().add("muted");
        var bar = new HBox(14, count, message, spacer, hint);
        bar.getStyleClass().add("library-status");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    // ---------------------------------------------------------------- exports and imports

    private List<String> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream().map(LibraryEntry::id).toList();
    }

    private ReviewSession sessionOrSay() {
        var s = model.sessionFilterProperty().get();
        if (s == null) {
            model.say("Pick a session on the left first.");
        }
        return s;
    }

    private void exportSession(String kind) {
        var s = sessionOrSay();
        if (s == null) {
            return;
        }
        var base = fileName(s.name());
        switch (kind) {
            case "csv" -> then(files.save("Export the session as CSV", base + ".csv", "CSV", "csv"),
                    out -> model.exportSessionCsv(s, out, () -> { }));
            case "pdf" -> then(files.save("Export the session as a PDF report", base + ".pdf", "PDF", "pdf"),
                    out -> model.exportSessionPdf(s, out, () -> { }));
            default -> then(files.save("Export a session bundle", base + ".zip", "Sorot session bundle", "zip"),
                    out -> model.exportBundle(s, out, () -> { }));
        }
    }

    private void exportLibrary() {
        then(files.save("Export the whole library as CSV", "sorot-library.csv", "CSV", "csv"),
                out -> model.exportSessionCsv(null, out, () -> { }));
    }

    private void exportDecisions() {
        var s = sessionOrSay();
        if (s != null) {
            then(files.save("Export decisions for FilmFreeway", fileName(s.name()) + "-decisions.csv", "CSV", "csv"),
                    out -> model.exportDecisions(s, out, () -> { }));
        }
    }

    private void exportAnalysis() {
        var selected = table.getSelectionModel().getSelectedItem();
        if (selected == null) {
            model.say("Select an analysis first.");
            return;
        }
        then(files.save("Export the analysis as PDF", fileName(selected.title()) + ".pdf", "PDF", "pdf"),
                out -> model.exportAnalysisPdf(selected.id(), out, () -> { }));
    }

    private void importBundle() {
        then(files.open("Import a session bundle", "Sorot session bundle", "zip"),
                in -> model.importBundle(in, s -> model.sessionFilterProperty().set(s)));
    }

    private void importFilmFreeway() {
        then(files.open("Import a FilmFreeway submissions export", "CSV", "csv"), in -> {
            var name = in.getFileName().toString().replaceAll("(?i)\\.csv$", "");
            model.importFilmFreeway(in, name, s -> model.sessionFilterProperty().set(s));
        });
    }

    private void importFolder() {
        then(files.folder("A folder of screenplays for a new session"),
                dir -> model.addFolder(null, dir, s -> model.sessionFilterProperty().set(s)));
    }

    private static void then(Path chosen, Consumer<Path> action) {
        if (chosen != null) {
            action.accept(chosen);
        }
    }

    static String fileName(String text) {
        var clean = text == null ? "" : text.strip().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT);
        return clean.isEmpty() ? "sorot" : clean;
    }

    public TableView<LibraryEntry> table() {
        return table;
    }
}
