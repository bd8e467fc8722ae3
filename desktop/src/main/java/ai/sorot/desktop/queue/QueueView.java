package ai.sorot.desktop.queue;

import ai.sorot.desktop.intake.DropContent;
import ai.sorot.desktop.intake.IntakeViewModel;
import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.desktop.ui.Format;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The queue panel: a header with the counts, and a virtualised list of rows (it stays smooth with
 * hundreds). A trailer link dropped on a row attaches to that script.
 */
public final class QueueView extends BorderPane {

    private static final int THUMBNAIL_CACHE = 300;

    private final QueueViewModel queue;
    private final IntakeViewModel<QueueItem> intake;
    private final AnalysisArchive archive;
    private final ListView<QueueItem> list = new ListView<>();
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(Instant.now());
    private final Map<String, Image> thumbnails = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > THUMBNAIL_CACHE;
        }
    };

    public QueueView(QueueViewModel queue, IntakeViewModel<QueueItem> intake, AnalysisArchive archive, Clock clock) {
        this.queue = queue;
        this.intake = intake;
        this.archive = archive;
        getStyleClass().add("queue-pane");
        setId("queue");

        var title = new Label("Queue");
        title.getStyleClass().add("title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        var counts = new Label();
        counts.getStyleClass().add("muted");
        counts.setId("queue-counts");
        counts.setWrapText(true); // many states at once wrap under each other rather than cut
        counts.setMinWidth(0);
        HBox.setHgrow(counts, Priority.SOMETIMES);
        counts.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> summary(),
                        queue.waitingProperty(),
                        queue.activeProperty(),
                        queue.completedProperty(),
                        queue.failedProperty()));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var clear = new Button("Clear finished");
        clear.setId("clear-finished");
        clear.getStyleClass().addAll("flat", "small");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(e -> queue.clearFinished());
        var header = new HBox(title, counts, spacer, clear);
        header.getStyleClass().add("queue-header");
        header.setAlignment(Pos.CENTER_LEFT);

        list.setId("queue-list");
        list.getStyleClass().add("queue-list");
        list.setItems(queue.items());
        list.setCellFactory(view -> new Cell());
        list.setFixedCellSize(QueueRow.HEIGHT); // no measuring: the list scrolls smoothly through hundreds of rows
        var empty = new VBox(
                6,
                new Label("No screenplays yet."),
                muted("Drop PDFs, Fountain files or a folder anywhere in the window."));
        empty.setAlignment(Pos.CENTER);
        list.setPlaceholder(empty);

        setTop(header);
        setCenter(list);

        // one clock for every row's elapsed time: visible cells only, once a second
        var ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> now.set(clock.instant())));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private String summary() {
        var parts = new java.util.ArrayList<String>();
        if (queue.activeProperty().get() > 0) {
            parts.add(queue.activeProperty().get() + " running");
        }
        if (queue.waitingProperty().get() > 0) {
            parts.add(queue.waitingProperty().get() + " waiting");
        }
        if (queue.completedProperty().get() > 0) {
            parts.add(queue.completedProperty().get() + " done");
        }
        if (queue.failedProperty().get() > 0) {
            parts.add(Format.plural(queue.failedProperty().get(), "problem"));
        }
        return String.join(" · ", parts);
    }

    private static Label muted(String text) {
        var label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        return label;
    }

    private Image thumbnail(QueueItem item) {
        return thumbnails.computeIfAbsent(item.sha256(), sha -> {
            var file = archive.thumbnail(sha);
            return java.nio.file.Files.isRegularFile(file)
                    ? new Image(file.toUri().toString(), 88, 114, true, true, true)
                    : null;
        });
    }

    public ListView<QueueItem> list() {
        return list;
    }

    public ReadOnlyObjectProperty<QueueItem> selectedItemProperty() {
        return list.getSelectionModel().selectedItemProperty();
    }

    public void select(QueueItem item) {
        list.getSelectionModel().select(item);
        list.scrollTo(item);
    }

    private final class Cell extends ListCell<QueueItem> {

        private final QueueRow row = new QueueRow(queue, QueueView.this::thumbnail, now);

        Cell() {
            setOnDragOver(this::dragOver);
            setOnDragExited(e -> getStyleClass().remove("link-drop-target"));
            setOnDragDropped(this::dropped);
            setPrefWidth(0); // let the list width decide; long titles ellipsize instead of scrolling sideways
        }

        @Override
        protected void updateItem(QueueItem item, boolean empty) {
            super.updateItem(item, empty);
            row.show(empty ? null : item);
            setGraphic(empty || item == null ? null : row);
            setText(null);
        }

        /** Only links are taken by a row; files fall through to the window, which adds them to the queue. */
        private void dragOver(DragEvent event) {
            var board = event.getDragboard();
            if (getItem() != null && !board.hasFiles() && DropContent.mayHold(board)) {
                event.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
                if (!getStyleClass().contains("link-drop-target")) {
                    getStyleClass().add("link-drop-target");
                }
                event.consume();
            }
        }

        private void dropped(DragEvent event) {
            var board = event.getDragboard();
            if (getItem() == null || board.hasFiles()) {
                return;
            }
            var content = DropContent.read(board);
            if (content.links().isEmpty()) {
                return;
            }
            intake.accept(content, getItem());
            event.setDropCompleted(true);
            event.consume();
        }
    }
}
