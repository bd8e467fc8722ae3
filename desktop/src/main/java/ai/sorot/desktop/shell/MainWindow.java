package ai.sorot.desktop.shell;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.committee.CommitteeView;
import ai.sorot.desktop.committee.CommitteeViewModel;
import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.intake.DropZoneView;
import ai.sorot.desktop.library.FilePicker;
import ai.sorot.desktop.library.LibraryPage;
import ai.sorot.desktop.pdf.PageViewer;
import ai.sorot.desktop.player.AudioPlayerView;
import ai.sorot.desktop.queue.ItemDetailView;
import ai.sorot.desktop.queue.QueueItem;
import ai.sorot.desktop.queue.QueueView;
import ai.sorot.desktop.queue.SubmissionState;
import ai.sorot.desktop.report.ReportPage;
import ai.sorot.desktop.report.ReportView;
import ai.sorot.desktop.settings.SettingsPage;
import ai.sorot.desktop.settings.SettingsView;
import ai.sorot.desktop.settings.SettingsViewModel;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.ui.Desktop;
import ai.sorot.desktop.ui.Notice;
import ai.sorot.desktop.ui.Page;
import ai.sorot.desktop.ui.PageStack;
import ai.sorot.lambda.screenplay.ScriptFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Subscription;

/**
 * The window: an app bar, the connection banner, and one of three views: the queue with, beside
 * it, what the selection calls for (the drop zone, a running analysis, its report, or settings),
 * the library, or the screening committee. Every page but the first shown is built when first opened ({@link PageStack}).
 * The whole window takes drops; Ctrl+V pastes files or links; Space plays the audio summary.
 */
public final class MainWindow extends BorderPane {

    /** The pages beside the queue: one at a time. */
    public enum Detail {
        DROP,
        ITEM,
        REPORT,
        SETTINGS
    }

    /** The window's views: the queue with its detail, the library, or the committee. */
    public enum View {
        QUEUE,
        LIBRARY,
        COMMITTEE
    }

    private final SorotDesktop app;
    private final QueueView queueView;
    private final WindowIntake intake;
    private final AppBar appBar;
    private final PageStack<Detail> detail = new PageStack<>();
    private final PageStack<View> views = new PageStack<>();
    private final Supplier<DropZoneView> dropZone;
    private final Supplier<ItemDetailView> itemDetail;
    private final Supplier<ReportPage> report;
    private final Supplier<SettingsPage> settings;
    private final Supplier<LibraryPage> library;
    private final Supplier<CommitteeView> committee;
    private Subscription selectedState = Subscription.EMPTY;

    public MainWindow(SorotDesktop app) {
        this(app, null);
    }

    /** {@code files} answers the export and import dialogs (null: the system's file dialogs). */
    public MainWindow(SorotDesktop app, FilePicker files) {
        this.app = app;
        setId("main-window");
        getStylesheets()
                .add(MainWindow.class.getResource("/ai/sorot/desktop/sorot.css").toExternalForm());

        queueView = new QueueView(app.queue(), app.intake(), app.archive(), app.clock());
        intake = new WindowIntake(
                app.intake(), app.queue(), this::window, queueView.selectedItemProperty()::get, hover -> {
                    if (detail.isBuilt(Detail.DROP)) {
                        dropZone().showDragHover(hover);
                    }
                });
        dropZone = detail.add(
                Detail.DROP,
                () -> new DropZoneView(app.intake(), app.queue(), intake::chooseFiles, intake::chooseFolder));
        itemDetail = detail.add(Detail.ITEM, () -> new ItemDetailView(app.queue(), app.archive()));
        report = detail.add(Detail.REPORT, () -> {
            var player = new AudioPlayerView(Desktop.files());
            var pageViewer = new PageViewer();
            detail.getChildren().add(pageViewer); // over every page, those built later too
            return new ReportPage(new ReportView(app.report(), player, pageViewer), player, pageViewer);
        });
        settings = detail.add(Detail.SETTINGS, () -> {
            var model = new SettingsViewModel(
                            app.settingsStore(),
                            app.tokens(),
                            app.llmKeys(),
                            app.choice(),
                            app.connection(),
                            app.http(),
                            app.io(),
                            app.ui(),
                            this::settingsSaved)
                    .withMemberTokens(app.memberTokens());
            return new SettingsPage(
                    model,
                    new SettingsView(
                            model,
                            () -> showSelection(queueView.selectedItemProperty().get())));
        });
        detail.getStyleClass().add("detail-pane");
        detail.show(Detail.DROP);

        var split = new SplitPane(queueView, detail);
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(queueView, false);
        queueView.setMinWidth(340);
        views.add(View.QUEUE, () -> new Page() {
            @Override
            public SplitPane view() {
                return split;
            }

            @Override
            public void hidden() {
                if (detail.isBuilt(Detail.REPORT)) {
                    report.get().player().pause();
                }
            }
        });
        library = views.add(
                View.LIBRARY,
                () -> new LibraryPage(
                        app, files != null ? files : FilePicker.dialogs(this::window), this::openSavedAnalysis));
        var committeePage = views.add(
                View.COMMITTEE,
                () -> Page.of(CommitteeView.forApp(app, new CommitteeViewModel(app.committee(), app.committeeWork()))));
        committee = () -> (CommitteeView) committeePage.get().view();
        views.show(View.QUEUE);

        appBar = new AppBar(
                new AppBar.Actions() {
                    @Override
                    public void showLibrary(boolean library) {
                        MainWindow.this.showLibrary(library);
                    }

                    @Override
                    public void showCommittee(boolean shown) {
                        MainWindow.this.showCommittee(shown);
                    }

                    @Override
                    public void chooseFiles() {
                        intake.chooseFiles();
                    }

                    @Override
                    public void chooseFolder() {
                        intake.chooseFolder();
                    }

                    @Override
                    public void paste() {
                        intake.paste();
                    }

                    @Override
                    public void toggleTheme() {
                        MainWindow.this.toggleTheme();
                    }

                    @Override
                    public void openSettings() {
                        MainWindow.this.openSettings();
                    }
                },
                app.settings().theme());
        var banner = new ConnectionBanner(app.connection(), app.queue(), app.clock(), this::openSettings);
        setTop(new VBox(appBar, banner, new NoticeBar(app.queue().noticeProperty())));
        setCenter(views);
        setBottom(new StatusBar(app.connection(), app.home().root()));

        queueView.selectedItemProperty().subscribe(this::selectionChanged);
        setOnDragOver(intake::dragOver);
        setOnDragExited(intake::dragExited);
        setOnDragDropped(intake::dropped);
        addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    // ---------------------------------------------------------------- navigation

    private void selectionChanged(QueueItem item) {
        selectedState.unsubscribe();
        if (item == null) {
            selectedState = Subscription.EMPTY;
            if (detail.shown() != Detail.SETTINGS) {
                detail.show(Detail.DROP);
            }
            return;
        }
        // follow the selected row: its report opens the moment it completes
        selectedState = item.stateProperty().subscribe((was, now) -> {
            if (now == SubmissionState.COMPLETED
                    && queueView.selectedItemProperty().get() == item
                    && detail.shown() != Detail.SETTINGS) {
                showSelection(item);
            }
        });
        showSelection(item);
    }

    private void showSelection(QueueItem item) {
        if (item == null) {
            detail.show(Detail.DROP);
        } else if (item.state() == SubmissionState.COMPLETED && item.analysisId() != null) {
            var pdf = item.format() == ScriptFormat.PDF ? item.file() : null;
            var unused =
                    report.get(); // builds the report page (and its player) before its view model opens the analysis
            app.report().open(item.analysisId(), pdf);
            detail.show(Detail.REPORT);
        } else {
            itemDetail.get().show(item);
            detail.show(Detail.ITEM);
        }
    }

    /** The library instead of the queue and its detail (or back). */
    public void showLibrary(boolean shown) {
        appBar.showSelected(shown ? View.LIBRARY : View.QUEUE);
        views.show(shown ? View.LIBRARY : View.QUEUE);
    }

    /** The committee page (my queue, the committee's ratings, sync) instead of the queue (or back). */
    public void showCommittee(boolean shown) {
        appBar.showSelected(shown ? View.COMMITTEE : View.QUEUE);
        views.show(shown ? View.COMMITTEE : View.QUEUE);
    }

    /** A saved analysis opens in the report view, from the library on this computer (no network needed). */
    private void openSavedAnalysis(String analysisId) {
        showLibrary(false);
        var unused = report.get(); // builds the report page before its view model opens the analysis
        app.report().open(analysisId, null);
        detail.show(Detail.REPORT);
    }

    public void openSettings() {
        showLibrary(false);
        settings.get().model().load(app.settings());
        detail.show(Detail.SETTINGS);
    }

    private void settingsSaved(Settings saved) {
        ThemeManager.apply(saved.theme());
        appBar.showTheme(saved.theme());
        app.apply(saved);
    }

    private void toggleTheme() {
        var next = app.settings().theme() == Settings.Theme.DARK ? Settings.Theme.LIGHT : Settings.Theme.DARK;
        var updated = app.settings().withTheme(next);
        try {
            app.settingsStore().save(updated);
        } catch (IOException e) {
            app.queue().say(Notice.warning("The theme could not be saved: " + e.getMessage()));
        }
        ThemeManager.apply(next);
        appBar.showTheme(next);
        app.apply(updated);
    }

    /** Files from the clipboard join the queue; a link attaches to the selected row, or waits for the next script. */
    public void paste() {
        intake.paste();
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
        boolean libraryShown = views.shown() == View.LIBRARY;
        if (PASTE.match(event) && !typing) {
            paste();
            event.consume();
        } else if (OPEN.match(event)) {
            intake.chooseFiles();
            event.consume();
        } else if (SETTINGS.match(event)) {
            openSettings();
            event.consume();
        } else if (LIBRARY.match(event)) {
            showLibrary(!libraryShown);
            event.consume();
        } else if (event.getCode() == KeyCode.SPACE
                && detail.shown() == Detail.REPORT
                && !typing
                && !libraryShown
                && !(focus instanceof ButtonBase)
                && !(focus instanceof ComboBoxBase<?>)) {
            report.get().player().toggle();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE
                && detail.isBuilt(Detail.REPORT)
                && report.get().pageViewer().isVisible()) {
            report.get().pageViewer().close();
            event.consume();
        }
    }

    // ---------------------------------------------------------------- for the app, the self-check and tests
    // (a page asked for here is built if it was not yet)

    public QueueView queueView() {
        return queueView;
    }

    public ReportView reportView() {
        return report.get().view();
    }

    public AudioPlayerView player() {
        return report.get().player();
    }

    public PageViewer pageViewer() {
        return report.get().pageViewer();
    }

    public ReadOnlyObjectProperty<Detail> detailProperty() {
        return detail.shownProperty();
    }

    public LibraryPage libraryPage() {
        return library.get();
    }

    public CommitteeView committeeView() {
        return committee.get();
    }

    public SettingsViewModel settingsModel() {
        return settings.get().model();
    }

    DropZoneView dropZone() {
        return dropZone.get();
    }

    /** The pages built so far (tests: the rest are built when first opened). */
    List<Enum<?>> built() {
        var built = new ArrayList<Enum<?>>();
        Stream.of(Detail.values()).filter(detail::isBuilt).forEach(built::add);
        Stream.of(View.values()).filter(views::isBuilt).forEach(built::add);
        return built;
    }

    boolean isConnected() {
        return app.connection().stateProperty().get() == ConnectionState.ONLINE;
    }
}
