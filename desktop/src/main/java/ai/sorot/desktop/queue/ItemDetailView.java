package ai.sorot.desktop.queue;

import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.desktop.ui.Format;
import ai.sorot.desktop.ui.Icons;
import ai.sorot.desktop.ui.Page;
import ai.sorot.model.api.StepStatus;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * One submission while it runs (or after it failed): its five steps in full, who ran each and
 * for how long, the error in words, and what can be done about it.
 */
public final class ItemDetailView extends ScrollPane implements Page {

    private final QueueViewModel queue;
    private final AnalysisArchive archive;
    private final VBox content = new VBox();
    private final Label title = new Label();
    private final Label meta = new Label();
    private final Label stateLabel = new Label();
    private final StackPane thumbFrame = new StackPane();
    private final ImageView thumb = new ImageView();
    private final VBox steps = new VBox();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label error = new Label();
    private final TextField trailerField = new TextField();
    private final Button attach = new Button("Attach trailer", Icons.of(Icons.LINK, 13));
    private final Button cancel = new Button("Cancel", Icons.of(Icons.CLOSE, 12));
    private final Button retry = new Button("Retry", Icons.of(Icons.RETRY, 13));
    private final Button remove = new Button("Remove", Icons.of(Icons.DELETE, 13));
    private final Label refusedHint =
            new Label("Nothing was sent. Fix the file (or export it again from the writing software) "
                    + "and drop it again; remove this row when you are done with it.");
    private java.util.List<javafx.scene.Node> analysisParts = java.util.List.of();
    private QueueItem item;
    private Subscription subscription = Subscription.EMPTY;

    public ItemDetailView(QueueViewModel queue, AnalysisArchive archive) {
        this.queue = queue;
        this.archive = archive;
        setId("item-detail");
        getStyleClass().add("detail-pane");
        setFitToWidth(true);
        content.getStyleClass().add("page-content");
        setContent(content);

        title.getStyleClass().add("page-title");
        title.setWrapText(true);
        title.setId("detail-title");
        meta.getStyleClass().add("muted");
        meta.setWrapText(true);
        stateLabel.setId("detail-state");
        stateLabel.getStyleClass().add("badge");
        thumb.setFitWidth(160);
        thumb.setPreserveRatio(true);
        thumbFrame.getStyleClass().addAll("thumb-frame", "large");
        thumbFrame.getChildren().add(thumb);
        var heading = new VBox(6, title, meta, stateLabel);
        HBox.setHgrow(heading, Priority.ALWAYS);
        var top = new HBox(18, thumbFrame, heading);

        steps.getStyleClass().add("step-list");
        steps.setId("detail-steps");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setId("detail-progress");
        error.setId("detail-error");
        error.setWrapText(true);
        error.getStyleClass().add("row-error");
        error.managedProperty().bind(error.visibleProperty());

        trailerField.setPromptText("Paste a YouTube or Vimeo trailer link");
        trailerField.setId("trailer-field");
        HBox.setHgrow(trailerField, Priority.ALWAYS);
        attach.setId("attach-trailer");
        attach.setOnAction(e -> {
            if (item != null && queue.offerTrailer(trailerField.getText(), item)) {
                trailerField.clear();
            }
        });
        trailerField.setOnAction(attach.getOnAction());
        var trailerRow = new HBox(8, trailerField, attach);
        trailerRow.setAlignment(Pos.CENTER_LEFT);

        cancel.setId("detail-cancel");
        retry.setId("detail-retry");
        remove.setId("detail-remove");
        cancel.setOnAction(e -> {
            if (item != null) queue.cancel(item);
        });
        retry.setOnAction(e -> {
            if (item != null) queue.retry(item);
        });
        remove.setOnAction(e -> {
            if (item != null) queue.remove(item);
        });
        retry.getStyleClass().add("accent");
        for (var b : new Button[] {cancel, retry, remove}) {
            b.managedProperty().bind(b.visibleProperty());
        }
        var actions = new HBox(8, retry, cancel, remove);

        var stepsTitle = new Label("Analysis steps");
        stepsTitle.getStyleClass().add("section-title");
        var trailerTitle = new Label("Trailer");
        trailerTitle.getStyleClass().add("section-title");
        refusedHint.getStyleClass().add("muted");
        refusedHint.setWrapText(true);
        // a refused file never reached the API: no steps, no trailer, just why and what to do
        analysisParts = java.util.List.of(stepsTitle, progress, steps, trailerTitle, trailerRow);
        for (var node : analysisParts) {
            node.managedProperty().bind(node.visibleProperty());
        }
        refusedHint.managedProperty().bind(refusedHint.visibleProperty());
        content.getChildren()
                .addAll(top, error, refusedHint, stepsTitle, progress, steps, trailerTitle, trailerRow, actions);
    }

    public void show(QueueItem newItem) {
        subscription.unsubscribe();
        item = newItem;
        if (newItem == null) {
            subscription = Subscription.EMPTY;
            return;
        }
        Runnable refresh = this::refresh;
        subscription = Subscription.combine(
                newItem.stateProperty().subscribe(refresh),
                newItem.stepsProperty().subscribe(refresh),
                newItem.progressProperty().subscribe(refresh),
                newItem.errorMessageProperty().subscribe(refresh),
                newItem.titleProperty().subscribe(refresh),
                newItem.trailerUrlProperty().subscribe(refresh),
                newItem.waitingForApiProperty().subscribe(refresh));
        var thumbnail = newItem.hasThumbnail() ? archive.thumbnail(newItem.sha256()) : null;
        thumb.setImage(
                thumbnail != null && Files.isRegularFile(thumbnail)
                        ? new Image(thumbnail.toUri().toString(), true)
                        : null);
        thumbFrame.setVisible(thumb.getImage() != null);
        thumbFrame.setManaged(thumb.getImage() != null);
        refresh();
    }

    private void refresh() {
        var state = item.state();
        title.setText(item.title());
        var facts = new ArrayList<String>();
        facts.add(item.file() == null ? item.fileName() : item.file().toString());
        if (item.pages() > 0) {
            facts.add((item.pagesEstimated() ? "about " : "") + Format.plural(item.pages(), "page"));
        }
        if (item.sizeBytes() > 0) {
            facts.add(Format.size(item.sizeBytes()));
        }
        if (item.format() != null) { // a refused file has no format we read
            facts.add(item.format().label());
        }
        if (item.analysisId() != null) {
            facts.add(item.analysisId());
        }
        meta.setText(String.join(" · ", facts));
        stateLabel.setText(state.label() + (item.waitingForApiProperty().get() ? " · the API is unreachable" : ""));

        var message = item.errorMessageProperty().get();
        error.setVisible(message != null);
        error.setText(
                message == null
                        ? ""
                        : item.errorCodeProperty().get() == null
                                ? message
                                : message + "  [" + item.errorCodeProperty().get() + "]");

        progress.setProgress(
                state == SubmissionState.SENDING || state == SubmissionState.FETCHING
                        ? ProgressBar.INDETERMINATE_PROGRESS
                        : state == SubmissionState.COMPLETED
                                ? 1
                                : item.progressProperty().get() / 100.0);
        steps.getChildren().clear();
        for (var step : StepView.of(item)) {
            var marker = new StackPane(new Label(
                    step.status() == StepStatus.COMPLETED
                            ? "✓"
                            : step.status() == StepStatus.FAILED
                                    ? "!"
                                    : step.status() == StepStatus.SKIPPED ? "–" : Integer.toString(step.number())));
            marker.getStyleClass().addAll("step-marker", step.status().json());
            var name = new Label(step.name());
            name.getStyleClass().add("step-name");
            var detail = new Label(detailOf(step));
            detail.getStyleClass().add("step-detail");
            detail.setWrapText(true);
            var line = new HBox(10, marker, new VBox(1, name, detail));
            line.getStyleClass().addAll("step-line", step.status().json());
            steps.getChildren().add(line);
        }
        boolean refused = state == SubmissionState.REFUSED;
        analysisParts.forEach(node -> node.setVisible(!refused));
        refusedHint.setVisible(refused);
        trailerField.setPromptText(
                item.trailerUrl() == null ? "Paste a YouTube or Vimeo trailer link" : "Replace " + item.trailerUrl());
        cancel.setVisible(state.canCancel());
        retry.setVisible(state.canRetry());
        remove.setVisible(state.isFinal());
    }

    private static String detailOf(StepView step) {
        var detail = step.detail();
        var parts = new ArrayList<String>();
        parts.add(
                switch (step.status()) {
                    case PENDING -> "waiting";
                    case RUNNING -> "running";
                    case COMPLETED -> "done";
                    case SKIPPED -> step.number() == 3 ? "skipped: no trailer link" : "skipped";
                    case FAILED -> "failed";
                });
        if (detail != null) {
            if (detail.startedAt() != null && detail.finishedAt() != null) {
                var took = Duration.between(detail.startedAt(), detail.finishedAt());
                parts.add(
                        took.toMillis() < 1000
                                ? took.toMillis() + " ms"
                                : "%.1f s".formatted(took.toMillis() / 1000.0));
            }
            if (detail.model() != null || detail.provider() != null) {
                parts.add(
                        detail.model() == null
                                ? detail.provider()
                                : detail.model() + (detail.provider() == null ? "" : " on " + detail.provider()));
            }
            if (detail.error() != null) {
                parts.add(detail.error().message() + " [" + detail.error().code() + "]");
            }
        }
        return String.join(" · ", parts);
    }

    @Override
    public Node view() {
        return this;
    }
}
