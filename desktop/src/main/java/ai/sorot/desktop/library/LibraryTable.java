package ai.sorot.desktop.library;

import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.model.report.Verdicts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** Every saved analysis in a virtualised, sortable table, with first-page thumbnails; rows drag onto sessions. */
final class LibraryTable extends TableView<LibraryEntry> {

    private static final Tooltip NOT_JUDGED_TIP = new Tooltip(Verdicts.NOT_JUDGED + ".\n" + Verdicts.HOW_TO_JUDGE);
    private static final DateTimeFormatter SAVED =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(ZoneId.systemDefault());

    private final LibraryViewModel model;
    private final LibraryView.Actions actions;
    private final Map<String, Image> thumbnails = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > 400;
        }
    };

    LibraryTable(LibraryViewModel model, LibraryView.Actions actions) {
        this.model = model;
        this.actions = actions;
        setId("library-table");
        getStyleClass().add("library-table");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setTableMenuButtonVisible(true);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var empty = new Label();
        empty.setId("library-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(model.emptyMessageBinding());
        setPlaceholder(empty);
        var sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);

        var thumb = new TableColumn<LibraryEntry, LibraryEntry>("");
        thumb.setId("col-thumbnail");
        thumb.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        thumb.setCellFactory(c -> new ThumbnailCell());
        thumb.setSortable(false);
        thumb.setPrefWidth(42);
        thumb.setResizable(false);
        getColumns().add(thumb);
        getColumns().add(column("col-title", "Title", 120, LibraryEntry::title, String.CASE_INSENSITIVE_ORDER));
        getColumns().add(column("col-authors", "Authors", 90, LibraryEntry::authors, String.CASE_INSENSITIVE_ORDER));
        getColumns().add(column("col-genres", "Genres", 70, LibraryEntry::genres, String.CASE_INSENSITIVE_ORDER));
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
        getColumns().add(rec);
        var flags = column("col-checks", "Checks", 76, LibraryEntry::checks, Comparator.comparingInt(List::size));
        flags.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(List<String> codes, boolean empty) {
                super.updateItem(codes, empty);
                boolean none = empty || codes == null || codes.isEmpty();
                // the library keeps the codes; the report holds each check's message
                setText(
                        none
                                ? null
                                : codes.size() == 1
                                        ? "⚑ " + codeName(codes.getFirst())
                                        : "⚑ " + codes.size() + " checks");
                setTooltip(
                        none
                                ? null
                                : new javafx.scene.control.Tooltip(String.join(
                                        "\n",
                                        codes.stream()
                                                .map(LibraryTable::codeName)
                                                .toList())));
                getStyleClass().remove("check-flag");
                if (!none) {
                    getStyleClass().add("check-flag");
                }
            }
        });
        getColumns().add(flags);
        var score = column("col-score", "Model score", 126, LibraryEntry::aiScore, Double::compare);
        score.setMinWidth(126); // its header names what the figure is, and must be read whole
        score.setCellFactory(c -> text(v -> Long.toString(Math.round(v))));
        getColumns().add(score);
        var pages = column("col-pages", "Pages", 66, LibraryEntry::pages, Integer::compare);
        getColumns().add(pages);
        var runtime = column("col-runtime", "Min", 50, LibraryEntry::runtime, Double::compare);
        runtime.setCellFactory(c -> text(v -> Long.toString(Math.round(v))));
        getColumns().add(runtime);
        var rating = column("col-rating", "Rating", 80, LibraryEntry::rating, Integer::compare);
        rating.setCellFactory(c -> text(v -> "★".repeat(v) + "☆".repeat(Math.max(0, 5 - v))));
        getColumns().add(rating);
        var verdict = column(
                "col-verdict",
                "Verdict",
                78,
                e -> e.verdict() == null ? null : e.verdict().name(),
                String::compareTo);
        getColumns().add(verdict);
        var shortlist = column("col-shortlisted", "★", 34, e -> e.shortlisted() ? "★" : "", String::compareTo);
        shortlist.getStyleClass().add("shortlist-column");
        getColumns().add(shortlist);
        getColumns().add(column("col-tags", "Tags", 60, e -> String.join(" ", e.tags()), String::compareTo));
        var saved = column("col-saved", "Saved", 92, LibraryEntry::savedAt, Instant::compareTo);
        saved.setCellFactory(c -> text(SAVED::format));
        getColumns().add(saved);

        setRowFactory(t -> {
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
                content.put(
                        LibraryView.ANALYSIS_IDS,
                        String.join(
                                "\n",
                                getSelectionModel().getSelectedItems().stream()
                                        .map(LibraryEntry::id)
                                        .toList()));
                content.putString(String.join(
                        "\n",
                        getSelectionModel().getSelectedItems().stream()
                                .map(LibraryEntry::title)
                                .toList()));
                board.setContent(content);
                e.consume();
            });
            return row;
        });
    }

    /** The rows' menu; its export goes through {@code transfers}. */
    ContextMenu contextMenu(LibraryTransfers transfers) {
        var open = LibraryView.item("ctx-open", "Open report", () -> {
            var selected = getSelectionModel().getSelectedItem();
            if (selected != null) {
                actions.openReport(selected.id());
            }
        });
        var compare = LibraryView.item("ctx-compare", "Compare side by side", () -> {
            var chosen = List.copyOf(getSelectionModel().getSelectedItems());
            if (chosen.size() >= 2 && chosen.size() <= 3) {
                actions.compare(chosen);
            } else {
                model.say("Select two or three analyses to compare.");
            }
        });
        var remove = LibraryView.item("ctx-remove", "Remove from this session", () -> {
            var s = model.sessionFilterProperty().get();
            if (s != null) {
                model.removeFromSession(s, transfers.selectedIds());
            }
        });
        var more = LibraryView.item("ctx-more-like-this", "More like this", this::moreLikeThis);
        var menu = new ContextMenu(
                open, more, compare, LibraryView.item("ctx-pdf", "Export as PDF…", transfers::exportAnalysis), remove);
        menu.setOnShowing(e -> remove.setVisible(model.sessionFilterProperty().get() != null));
        return menu;
    }

    private static String codeName(String code) {
        var words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The analyses closest in meaning to the selected one, in a small dialog. */
    private void moreLikeThis() {
        var selected = getSelectionModel().getSelectedItem();
        if (selected == null) {
            model.say("Select an analysis to find more like it.");
            return;
        }
        model.moreLikeThis(
                selected.id(),
                neighbours ->
                        MoreLikeThisDialog.show(getScene().getWindow(), selected, neighbours, actions::openReport));
    }

    private static <T> TableColumn<LibraryEntry, T> column(
            String id, String name, double width, Function<LibraryEntry, T> value, Comparator<T> order) {
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
                Path file =
                        model.library().folder().resolve("items").resolve(id).resolve("thumbnail.png");
                return new Image(file.toUri().toString(), 26, 34, true, true, true);
            });
            view.setImage(image);
            // no thumbnail saved (a Fountain script, a synced analysis): no empty frame either
            frame.visibleProperty().bind(image.errorProperty().not());
            setGraphic(frame);
        }
    }
}
