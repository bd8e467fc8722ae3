package ai.sorot.desktop.shell;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.ConnectionBanner;
import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.intake.DropContent;
import ai.sorot.desktop.intake.DropZoneView;
import ai.sorot.desktop.library.FilePicker;
import ai.sorot.desktop.library.LibraryPage;
import ai.sorot.desktop.pdf.PageViewer;
import ai.sorot.desktop.player.AudioPlayerView;
import ai.sorot.desktop.queue.ItemDetailView;
import ai.sorot.desktop.queue.Notice;
import ai.sorot.desktop.queue.QueueItem;
import ai.sorot.desktop.queue.QueueView;
import ai.sorot.desktop.queue.SubmissionState;
import ai.sorot.desktop.report.ReportView;
import ai.sorot.desktop.settings.Settings;
import ai.sorot.desktop.settings.SettingsView;
import ai.sorot.desktop.settings.SettingsViewModel;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.ui.Desktop;
import ai.sorot.desktop.ui.Icons;
import ai.sorot.lambda.screenplay.ScriptFormat;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.Subscription;
import org.controlsfx.control.SegmentedButton;

/**
 * The window: an app bar, the connection banner, the queue on the left and, on the right, what
 * the selection calls for (the drop zone, a running analysis, its report, or settings). The whole
 * window takes drops; Ctrl+V pastes files or links; Space plays the audio summary.
 */
public final class MainWindow extends BorderPane {

    /** The right-hand side: one page at a time. */
    public enum Page { DROP, ITEM, REPORT, SETTINGS }

    private final SorotDesktop app;
    private final QueueView queueView;
    private final DropZoneView dropZone;
    private final ItemDetailView itemDetail;
    private final ReportView reportView;
    private final AudioPlayerView player;
    private final PageViewer pageViewer = new PageViewer();
    private final SettingsViewModel settingsModel;
    private final SettingsView settingsView;
    private final StackPane detail = new StackPane();
    private final HBox noticeBar = new HBox();
    private final Label noticeText = new Label();
    private final PauseTransition noticeTimer = new PauseTransition(Duration.seconds(8));
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.DROP);
    private final Button themeToggle = new Button();
    private Subscription selectedState = Subscription.EMPTY;
    private final LibraryPage libraryPage;
    private final SplitPane queueSplit;
    private final ToggleButton showQueue = new ToggleButton("Queue");
    private final ToggleButton showLibrary = new ToggleButton("Library");

    public MainWindow(SorotDesktop app) {
        this(app, null);
    }

    /** {@code files} answers the export and import dialogs (null: the system's file dialogs). */
    public MainWindow(SorotDesktop app, FilePicker files) {
        this.app = app;
        setId("main-window");
        getStylesheets().add(MainWindow.class.getResource("/ai/sorot/desktop/sorot.css").toExternalForm());

        queueView = new QueueView(app.queue(), app.intake(), app.archive(), app.clock());
        dropZone = new DropZoneView(app.intake(), app.queue(), this::chooseFiles, this::chooseFolder);
        itemDetail = new ItemDetailView(app.queue(), app.archive());
        player = new AudioPlayerView(Desktop.files());
        reportView = new ReportView(app.report(), player, pageViewer);
        settingsModel = new SettingsViewModel(app.settingsStore(), app.tokens(), app.llmKeys(), app.choice(), app.connection(), app.http(),
                app.io(), app.ui(), this::settingsSaved);
        settingsView = new SettingsView(settingsModel, () -> showSelection(queueView.selectedItemProperty().get()));

        detail.getChildren().addAll(dropZone, itemDetail, reportView, settingsView, pageViewer);
        detail.getStyleClass().add("detail-pane");
        page.subscribe(this::showPage);

        var split = new SplitPane(queueView, detail);
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(queueView, false);
        queueView.setMinWidth(340);
        queueSplit = split;
        libraryPage = new LibraryPage(app, files != null ? files : FilePicker.dialogs(this::window), this::openSavedAnalysis);

        var banner = new ConnectionBanner(app.connection(), app.queue(), app.clock(), this::openSettings);
        buildNoticeBar();
        var top = new VBox(appBar(), banner, noticeBar);
        setTop(top);
        libraryPage.setVisible(false);
        setCenter(new StackPane(split, libraryPage));
        setBottom(statusBar());

        queueView.selectedItemProperty().subscribe(this::selectionChanged);
        setOnDragOver(this::dragOver);
        setOnDragExited(e -> dropZone.showDragHover(false));
        setOnDragDropped(this::dropped);
        addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        themeToggle.setGraphic(Icons.of(app.settings().theme() == Settings.Theme.DARK ? Icons.SUN : Icons.MOON));
    }

    // ---------------------------------------------------------------- layout

    private Node appBar() {
        var wordmark = new Label("Sorot");
        wordmark.getStyleClass().add("wordmark");
        var add = new Button("Add screenplays", Icons.of(Icons.ADD, 13));
        add.setId("add-files");
        add.getStyleClass().add("accent");
        add.setTooltip(new Tooltip("PDF or Fountain files (Ctrl+O)"));
        add.setOnAction(e -> chooseFiles());
        var folder = new Button("Add folder", Icons.of(Icons.FOLDER, 13));
        folder.setId("add-folder");
        folder.setOnAction(e -> chooseFolder());
        var paste = new Button("Paste link", Icons.of(Icons.LINK, 13));
        paste.setId("paste-link");
        paste.setTooltip(new Tooltip("Paste a trailer link or files from the clipboard (Ctrl+V)"));
        paste.setOnAction(e -> paste());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        themeToggle.setId("theme-toggle");
        themeToggle.getStyleClass().addAll("button-icon", "flat");
        themeToggle.setTooltip(new Tooltip("Light / dark"));
        themeToggle.setOnAction(e -> toggleTheme());
        var settings = new Button("Settings", Icons.of(Icons.SETTINGS, 14));
        settings.setId("open-settings");
        settings.getStyleClass().add("flat");
        settings.setOnAction(e -> openSettings());
        var views = new SegmentedButton(showQueue, showLibrary);
        showQueue.setId("show-queue");
        showLibrary.setId("show-library");
        showLibrary.setTooltip(new Tooltip("Every saved analysis: search, sessions, review, compare, export (Ctrl+L)"));
        showQueue.setSelected(true);
        showQueue.setOnAction(e -> showLibrary(false));
        showLibrary.setOnAction(e -> showLibrary(true));
        var bar = new HBox(wordmark, views, add, folder, paste, spacer, themeToggle, settings);
        bar.getStyleClass().add("app-bar");
        return bar;
    }

    private void buildNoticeBar() {
        noticeBar.setId("notice");
        noticeBar.getStyleClass().add("notice-bar");
        noticeText.setId("notice-text");
        noticeText.setWrapText(true);
        var close = new Button(null, Icons.of(Icons.CLOSE, 11));
        close.getStyleClass().addAll("flat", "button-icon", "small");
        close.setOnAction(e -> noticeBar.setVisible(false));
        var inner = new HBox(8, noticeText, close);
        inner.getStyleClass().add("notice");
        HBox.setHgrow(noticeText, Priority.ALWAYS);
        HBox.setHgrow(inner, Priority.ALWAYS);
        noticeBar.getChildren().add(inner);
        noticeBar.setVisible(false);
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        noticeTimer.setOnFinished(e -> noticeBar.setVisible(false));
        app.queue().noticeProperty().subscribe(notice -> {
            if (notice == null) {
                return;
            }
            inner.getStyleClass().removeAll("info", "warning", "error");
            inner.getStyleClass().add(notice.kind().name().toLowerCase(Locale.ROOT));
            noticeText.setText(notice.text());
            noticeBar.setVisible(true);
            noticeTimer.playFromStart();
        });
    }

    private Node statusBar() {
        var dot = new Region();
        dot.getStyleClass().add("status-dot");
        var connection = new Label();
        connection.setId("connection-status");
        connection.textProperty().bind(app.connection().descriptionProperty());
        app.connection().stateProperty().subscribe(state -> {
            dot.getStyleClass().removeAll("online", "connecting", "offline");
            dot.getStyleClass().add(switch (state) {
                case ONLINE -> "online";
                case CONNECTING -> "connecting";
                case UNREACHABLE, UNAUTHORIZED -> "offline";
            });
        });
        app.connection().healthProperty().subscribe(health -> connection.setTooltip(health == null || health.analysers() == null
                ? null : new Tooltip(health.analysers().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + "\n" + b).orElse(""))));
        var state = new Label();
        state.textProperty().bind(app.connection().stateProperty().map(s -> switch (s) {
            case ONLINE -> "";
            case CONNECTING -> "connecting…";
            case UNREACHABLE -> "unreachable";
            case UNAUTHORIZED -> "token refused";
        }));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var home = new Label("Sorot home " + app.home().root());
        var left = new HBox(7, dot, connection, state);
        left.setAlignment(Pos.CENTER_LEFT);
        var bar = new HBox(left, spacer, home);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    // ---------------------------------------------------------------- navigation

    private void selectionChanged(QueueItem item) {
        selectedState.unsubscribe();
        if (item == null) {
            selectedState = Subscription.EMPTY;
            if (page.get() != Page.SETTINGS) {
                page.set(Page.DROP);
            }
            return;
        }
        // follow the selected row: its report opens the moment it completes
        selectedState = item.stateProperty().subscribe((was, now) -> {
            if (now == SubmissionState.COMPLETED && queueView.selectedItemProperty().get() == item && page.get() != Page.SETTINGS) {
                showSelection(item);
            }
        });
        showSelection(item);
    }

    private void showSelection(QueueItem item) {
        if (item == null) {
            page.set(Page.DROP);
        } else if (item.state() == SubmissionState.COMPLETED && item.analysisId() != null) {
            var pdf = item.format() == ScriptFormat.PDF ? item.file() : null;
            app.report().open(item.analysisId(), pdf);
            page.set(Page.REPORT);
        } else {
            itemDetail.show(item);
            page.set(Page.ITEM);
        }
    }

    private void showPage(Page shown) {
        dropZone.setVisible(shown == Page.DROP);
        itemDetail.setVisible(shown == Page.ITEM);
        reportView.setVisible(shown == Page.REPORT);
        settingsView.setVisible(shown == Page.SETTINGS);
        if (shown != Page.REPORT) {
            player.pause();
            pageViewer.close();
        }
    }

    /** The library page instead of the queue and its detail (or back). */
    public void showLibrary(boolean library) {
        showLibrary.setSelected(library);
        showQueue.setSelected(!library);
        if (library == libraryPage.isVisible()) {
            return;
        }
        // both stay in the scene (no CSS pass over a whole page at each switch); one is shown
        libraryPage.setVisible(library);
        queueSplit.setVisible(!library);
        if (library) {
            player.pause();
            libraryPage.shown();
        } else {
            libraryPage.hidden();
        }
    }

    /** A saved analysis opens in the report view, from the library on this computer (no network needed). */
    private void openSavedAnalysis(String analysisId) {
        showLibrary(false);
        app.report().open(analysisId, null);
        page.set(Page.REPORT);
    }

    public void openSettings() {
        showLibrary(false);
        settingsModel.load(app.settings());
        page.set(Page.SETTINGS);
    }

    private void settingsSaved(Settings saved) {
        ThemeManager.apply(saved.theme());
        themeToggle.setGraphic(Icons.of(saved.theme() == Settings.Theme.DARK ? Icons.SUN : Icons.MOON));
        app.apply(saved);
    }

    private void toggleTheme() {
        var next = app.settings().theme() == Settings.Theme.DARK ? Settings.Theme.LIGHT : Settings.Theme.DARK;
        var updated = app.settings().withTheme(next);
        try {
            app.settingsStore().save(updated);
        } catch (java.io.IOException e) {
            app.queue().say(Notice.warning("The theme could not be saved: " + e.getMessage()));
        }
        ThemeManager.apply(next);
        themeToggle.setGraphic(Icons.of(next == Settings.Theme.DARK ? Icons.SUN : Icons.MOON));
        app.apply(updated);
    }

    // ---------------------------------------------------------------- intake

    private void dragOver(DragEvent event) {
        if (event.getGestureSource() == null && DropContent.mayHold(event.getDragboard())) {
            event.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            dropZone.showDragHover(true);
            event.consume();
        }
    }

    private void dropped(DragEvent event) {
        dropZone.showDragHover(false);
        var content = DropContent.read(event.getDragboard());
        if (content.isEmpty()) {
            app.queue().say(Notice.warning("Nothing Sorot can use was dropped: drop PDF or Fountain files, a folder, or a trailer link."));
            event.setDropCompleted(false);
        } else {
            app.intake().accept(content, null);
            event.setDropCompleted(true);
        }
        event.consume();
    }

    /** Files from the clipboard join the queue; a link attaches to the selected row, or waits for the next script. */
    public void paste() {
        var content = DropContent.read(Clipboard.getSystemClipboard());
        if (content.isEmpty()) {
            app.queue().say(Notice.warning("The clipboard holds no screenplay file and no link."));
            return;
        }
        var selected = queueView.selectedItemProperty().get();
        app.intake().accept(content, content.files().isEmpty() ? selected : null);
    }

    private void chooseFiles() {
        var chooser = new FileChooser();
        chooser.setTitle("Add screenplays");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Screenplays (PDF, Fountain, Final Draft, Highland)", "*.pdf", "*.PDF", "*.fountain",
                        "*.spmd", "*.fdx", "*.FDX", "*.highland"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null && !files.isEmpty()) {
            app.intake().addFiles(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        var chooser = new DirectoryChooser();
        chooser.setTitle("Add a folder of submissions");
        var dir = chooser.showDialog(window());
        if (dir != null) {
            app.intake().addFiles(List.of(dir.toPath()));
        }
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---------------------------------------------------------------- keys

    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SETTINGS = new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination LIBRARY = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    private void keyPressed(KeyEvent event) {
        var focus = getScene() == null ? null : getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl;
        if (PASTE.match(event) && !typing) {
            paste();
            event.consume();
        } else if (OPEN.match(event)) {
            chooseFiles();
            event.consume();
        } else if (SETTINGS.match(event)) {
            openSettings();
            event.consume();
        } else if (LIBRARY.match(event)) {
            showLibrary(!libraryPage.isVisible());
            event.consume();
        } else if (event.getCode() == KeyCode.SPACE && page.get() == Page.REPORT && !typing && !libraryPage.isVisible()
                && !(focus instanceof ButtonBase) && !(focus instanceof ComboBoxBase<?>)) {
            player.toggle();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE && pageViewer.isVisible()) {
            pageViewer.close();
            event.consume();
        }
    }

    // ---------------------------------------------------------------- for the app, the self-check and tests

    public QueueView queueView() { return queueView; }
    public ReportView reportView() { return reportView; }
    public AudioPlayerView player() { return player; }
    public PageViewer pageViewer() { return pageViewer; }
    public ObjectProperty<Page> pageProperty() { return page; }
    public LibraryPage libraryPage() { return libraryPage; }

    boolean isConnected() {
        return app.connection().stateProperty().get() == ConnectionState.ONLINE;
    }
}
