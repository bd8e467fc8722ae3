package ai.sorot.desktop.library;

import ai.sorot.desktop.ui.Icons;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.ReviewSession;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The library page: sessions on the left (drop rows or a folder of screenplays on one), the
 * search and filters above a virtualised table of every saved analysis (sortable by any column),
 * and the actions: review, open, compare, sync, import and export.
 */
public final class LibraryView extends BorderPane {

    /** Rows dragged onto a session carry their analysis ids. */
    static final DataFormat ANALYSIS_IDS = new DataFormat("application/x-sorot-analysis-ids");

    /** What the page around this view does for it. */
    public interface Actions {
        void review(ReviewSession session, String startId);

        void compare(List<LibraryEntry> entries);

        void openReport(String analysisId);
    }

    private final LibraryViewModel model;
    private final Actions actions;
    private final LibraryTable table;
    private final LibraryTransfers transfers;

    public LibraryView(LibraryViewModel model, FilePicker files, Actions actions) {
        this.model = model;
        this.actions = actions;
        table = new LibraryTable(model, actions);
        transfers = new LibraryTransfers(model, files, table);
        table.setContextMenu(table.contextMenu(transfers));
        setId("library-view");
        getStyleClass().add("library-view");
        setTop(new VBox(toolbar(), new LibraryFilters(model)));
        var split = new SplitPane(new SessionsPane(model, actions, transfers), table);
        split.setDividerPositions(0.17);
        SplitPane.setResizableWithParent(split.getItems().getFirst(), false);
        setCenter(split);
        setBottom(statusLine());
    }

    // ---------------------------------------------------------------- top

    private Node toolbar() {
        var search = new TextField();
        search.setId("library-search");
        search.setPromptText(
                "Search titles, authors, loglines, notes, tags, or a phrase (\"a road movie about grief\")");
        search.textProperty().bindBidirectional(model.textProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(560);

        var open = new Button("Open report", Icons.of(Icons.OPEN_EXTERNAL, 13));
        open.setId("open-report");
        open.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e ->
                actions.openReport(table.getSelectionModel().getSelectedItem().id()));
        var compare = new Button("Compare");
        compare.setId("compare");
        compare.setTooltip(new Tooltip("Select two or three analyses to see them side by side"));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<LibraryEntry>) c ->
                compare.setDisable(table.getSelectionModel().getSelectedItems().size() < 2
                        || table.getSelectionModel().getSelectedItems().size() > 3));
        compare.setDisable(true);
        compare.setOnAction(
                e -> actions.compare(List.copyOf(table.getSelectionModel().getSelectedItems())));

        var exports = new MenuButton("Export");
        exports.setId("export-menu");
        exports.getItems()
                .addAll(
                        item("export-session-csv", "Session as CSV…", () -> transfers.exportSession("csv")),
                        item("export-session-pdf", "Session as PDF report…", () -> transfers.exportSession("pdf")),
                        item("export-analysis-pdf", "Selected analysis as PDF…", transfers::exportAnalysis),
                        item("export-bundle", "Session bundle (zip, to share)…", () -> transfers.exportSession("zip")),
                        item("export-decisions", "FilmFreeway decisions CSV…", transfers::exportDecisions),
                        item("export-library-csv", "Whole library as CSV…", transfers::exportLibrary));
        var imports = new MenuButton("Import");
        imports.setId("import-menu");
        imports.getItems()
                .addAll(
                        item("import-bundle", "Session bundle…", transfers::importBundle),
                        item("import-filmfreeway", "FilmFreeway submissions CSV…", transfers::importFilmFreeway),
                        item("import-folder", "Folder of screenplays as a session…", transfers::importFolder));
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

    static MenuItem item(String id, String text, Runnable action) {
        var item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    // ---------------------------------------------------------------- status

    private Node statusLine() {
        var count = new Label();
        count.setId("library-count");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            int shown = model.matchingProperty().get();
                            int all = model.totalProperty().get();
                            var s = model.sessionFilterProperty().get();
                            var where = s == null ? "" : " in \"" + s.name() + "\"";
                            int meaning = model.byMeaningProperty().get();
                            var byMeaning =
                                    meaning == 0 ? "" : " (" + meaning + " close in meaning, after the word matches)";
                            return shown == all && s == null && meaning == 0
                                    ? all + " analyses"
                                    : shown + " of " + all + " analyses" + where + byMeaning;
                        },
                        model.matchingProperty(),
                        model.totalProperty(),
                        model.sessionFilterProperty(),
                        model.byMeaningProperty()));
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

    /** A file name made of {@code text}: letters and digits, words joined by dashes. */
    static String fileName(String text) {
        return LibraryTransfers.fileName(text);
    }

    public TableView<LibraryEntry> table() {
        return table;
    }
}
