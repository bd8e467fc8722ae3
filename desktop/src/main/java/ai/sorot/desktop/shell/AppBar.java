package ai.sorot.desktop.shell;

import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.ui.Icons;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.SegmentedButton;

/** The bar across the top: the wordmark, queue / library / committee, the ways to add scripts, theme and settings. */
final class AppBar extends HBox {

    /** What the bar's buttons do. */
    interface Actions {
        void showLibrary(boolean library);

        void showCommittee(boolean committee);

        void chooseFiles();

        void chooseFolder();

        void paste();

        void toggleTheme();

        void openSettings();
    }

    private final Button themeToggle = new Button();
    private final ToggleButton showQueue = new ToggleButton("Queue");
    private final ToggleButton showLibrary = new ToggleButton("Library");
    private final ToggleButton showCommittee = new ToggleButton("Committee");

    AppBar(Actions actions, Settings.Theme theme) {
        var wordmark = new Label("Sorot");
        wordmark.getStyleClass().add("wordmark");
        var add = new Button("Add screenplays", Icons.of(Icons.ADD, 13));
        add.setId("add-files");
        add.getStyleClass().add("accent");
        add.setTooltip(new Tooltip("PDF or Fountain files (Ctrl+O)"));
        add.setOnAction(e -> actions.chooseFiles());
        var folder = new Button("Add folder", Icons.of(Icons.FOLDER, 13));
        folder.setId("add-folder");
        folder.setOnAction(e -> actions.chooseFolder());
        var paste = new Button("Paste link", Icons.of(Icons.LINK, 13));
        paste.setId("paste-link");
        paste.setTooltip(new Tooltip("Paste a trailer link or files from the clipboard (Ctrl+V)"));
        paste.setOnAction(e -> actions.paste());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        themeToggle.setId("theme-toggle");
        themeToggle.getStyleClass().addAll("button-icon", "flat");
        themeToggle.setTooltip(new Tooltip("Light / dark"));
        themeToggle.setOnAction(e -> actions.toggleTheme());
        var settings = new Button("Settings", Icons.of(Icons.SETTINGS, 14));
        settings.setId("open-settings");
        settings.getStyleClass().add("flat");
        settings.setOnAction(e -> actions.openSettings());
        var views = new SegmentedButton(showQueue, showLibrary, showCommittee);
        showCommittee.setId("show-committee");
        showCommittee.setTooltip(new Tooltip("The screening committee: my queue, the committee's ratings, sync"));
        showCommittee.setOnAction(e -> actions.showCommittee(true));
        showQueue.setId("show-queue");
        showLibrary.setId("show-library");
        showLibrary.setTooltip(new Tooltip("Every saved analysis: search, sessions, review, compare, export (Ctrl+L)"));
        showQueue.setSelected(true);
        showQueue.setOnAction(e -> actions.showLibrary(false));
        showLibrary.setOnAction(e -> actions.showLibrary(true));
        getChildren().addAll(wordmark, views, add, folder, paste, spacer, themeToggle, settings);
        getStyleClass().add("app-bar");
        showTheme(theme);
    }

    /** The toggle offers the other theme. */
    void showTheme(Settings.Theme theme) {
        themeToggle.setGraphic(Icons.of(theme == Settings.Theme.DARK ? Icons.SUN : Icons.MOON));
    }

    void showSelected(MainWindow.View view) {
        showQueue.setSelected(view == MainWindow.View.QUEUE);
        showLibrary.setSelected(view == MainWindow.View.LIBRARY);
        showCommittee.setSelected(view == MainWindow.View.COMMITTEE);
    }
}
