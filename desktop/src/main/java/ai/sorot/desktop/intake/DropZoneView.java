package ai.sorot.desktop.intake;

import ai.sorot.desktop.ui.Icons;
import ai.sorot.desktop.ui.Page;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the detail area shows when nothing is selected: the invitation to drop scripts, the file
 * choosers, a spinner while dropped files are checked, and a trailer link waiting for its script.
 */
public final class DropZoneView extends StackPane implements Page {

    private final VBox zone = new VBox();

    public DropZoneView(IntakeViewModel<?> intake, Submissions<?> queue, Runnable chooseFiles, Runnable chooseFolder) {
        setId("drop-zone");
        getStyleClass().add("detail-pane");
        zone.getStyleClass().add("drop-zone");
        zone.setMaxSize(640, 420);

        var icon = Icons.of(Icons.UPLOAD, 54);
        var headline = new Label("Drop screenplays here");
        headline.getStyleClass().add("headline");
        var hint = new Label(
                "PDF, Fountain, Final Draft or Highland files, a whole folder of submissions, or a YouTube / Vimeo trailer link "
                        + "from your browser. Paste a link with Ctrl+V. Each file is checked before anything is sent.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(480);

        var files = new Button("Choose screenplays…", Icons.of(Icons.ADD, 13));
        files.setId("choose-files");
        files.getStyleClass().add("accent");
        files.setOnAction(e -> chooseFiles.run());
        var folder = new Button("Choose a folder…", Icons.of(Icons.FOLDER, 13));
        folder.setId("choose-folder");
        folder.setOnAction(e -> chooseFolder.run());
        var buttons = new HBox(10, files, folder);
        buttons.setAlignment(Pos.CENTER);

        var checking = new ProgressIndicator();
        checking.setMaxSize(22, 22);
        var checkingLabel = new Label();
        var checkingRow = new HBox(8, checking, checkingLabel);
        checkingRow.setAlignment(Pos.CENTER);
        checkingRow.visibleProperty().bind(intake.checkingProperty().greaterThan(0));
        checkingRow.managedProperty().bind(checkingRow.visibleProperty());
        intake.checkingProperty()
                .subscribe(
                        n -> checkingLabel.setText("Checking " + n + " file" + (n.intValue() == 1 ? "" : "s") + "…"));

        var pending = new Label();
        pending.setId("pending-trailer");
        pending.setWrapText(true);
        var clear = new Button(null, Icons.of(Icons.CLOSE, 11));
        clear.getStyleClass().addAll("flat", "button-icon", "small");
        clear.setOnAction(e -> queue.clearPendingTrailer());
        var pendingRow = new HBox(6, Icons.of(Icons.MOVIE, 14), pending, clear);
        pendingRow.setAlignment(Pos.CENTER);
        pendingRow.visibleProperty().bind(queue.pendingTrailerProperty().isNotNull());
        pendingRow.managedProperty().bind(pendingRow.visibleProperty());
        queue.pendingTrailerProperty()
                .subscribe(url -> pending.setText(url == null ? "" : "Trailer waiting for a script: " + url));

        zone.getChildren().addAll(icon, headline, hint, buttons, checkingRow, pendingRow);
        getChildren().add(zone);
    }

    /** Lit while something is dragged over the window. */
    public void showDragHover(boolean hover) {
        zone.getStyleClass().remove("drop-hover");
        if (hover) {
            zone.getStyleClass().add("drop-hover");
        }
    }

    @Override
    public Node view() {
        return this;
    }
}
