package ai.sorot.desktop.queue;

import ai.sorot.desktop.intake.ScriptFormat;
import ai.sorot.desktop.shell.Format;
import ai.sorot.desktop.shell.Icons;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * What one queue row shows: thumbnail, title, the five steps with the current one lit, a
 * progress bar with the elapsed time, the verdict once done, the error when not, and the row's
 * actions. A cell keeps one and points it at whichever item it shows.
 */
final class QueueRow extends HBox {

    private final QueueViewModel queue;
    private final Function<QueueItem, Image> thumbnails;
    private final ObservableValue<Instant> now;

    private final StackPane thumbFrame = new StackPane();
    private final ImageView thumb = new ImageView();
    private final Label formatLabel = new Label();
    private final Label title = new Label();
    private final Label meta = new Label();
    private final HBox chips = new HBox();
    private final List<Label> chipLabels = new ArrayList<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label error = new Label();
    private final Label verdict = new Label();
    private final Label score = new Label();
    private final Button cancel = iconButton(Icons.CLOSE, "Cancel", "cancel-button");
    private final Button retry = iconButton(Icons.RETRY, "Retry", "retry-button");
    private final Button remove = iconButton(Icons.DELETE, "Remove from the queue", "remove-button");

    private QueueItem item;
    private Subscription subscription = Subscription.EMPTY;

    QueueRow(QueueViewModel queue, Function<QueueItem, Image> thumbnails, ObservableValue<Instant> now) {
        this.queue = queue;
        this.thumbnails = thumbnails;
        this.now = now;
        getStyleClass().add("queue-row");

        thumb.setFitWidth(44);
        thumb.setFitHeight(57);
        thumb.setPreserveRatio(true);
        thumbFrame.getStyleClass().add("thumb-frame");
        thumbFrame.getChildren().addAll(formatLabel, thumb);

        title.getStyleClass().add("row-title");
        title.setTextOverrun(OverrunStyle.ELLIPSIS);
        title.setMaxWidth(Double.MAX_VALUE);
        meta.getStyleClass().add("row-meta");
        meta.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        chips.getStyleClass().add("step-chips");
        for (var name : Steps.SHORT) {
            var chip = new Label(name);
            chip.getStyleClass().add("step-chip");
            chipLabels.add(chip);
            chips.getChildren().add(chip);
        }
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setPrefWidth(140);
        HBox.setHgrow(progress, Priority.SOMETIMES);
        status.getStyleClass().add("row-status");
        status.setMinWidth(0);
        var statusLine = new HBox(8, progress, status);
        statusLine.setAlignment(Pos.CENTER_LEFT);
        error.getStyleClass().add("row-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE); // a wrapped reason gets the lines it needs
        error.managedProperty().bind(error.visibleProperty());

        var center = new VBox(3, title, meta, chips, statusLine, error);
        center.setMinWidth(0);
        HBox.setHgrow(center, Priority.ALWAYS);

        verdict.getStyleClass().add("verdict");
        verdict.managedProperty().bind(verdict.visibleProperty());
        score.getStyleClass().add("score");
        score.managedProperty().bind(score.visibleProperty());
        for (var button : List.of(cancel, retry, remove)) {
            button.managedProperty().bind(button.visibleProperty());
        }
        var buttons = new HBox(2, retry, cancel, remove);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        var right = new VBox(4, verdict, score, buttons);
        right.setAlignment(Pos.TOP_RIGHT);
        right.setMinWidth(Region.USE_PREF_SIZE);

        getChildren().addAll(thumbFrame, center, right);

        cancel.setOnAction(e -> { if (item != null) queue.cancel(item); });
        retry.setOnAction(e -> { if (item != null) queue.retry(item); });
        remove.setOnAction(e -> { if (item != null) queue.remove(item); });
    }

    void show(QueueItem newItem) {
        subscription.unsubscribe();
        item = newItem;
        if (newItem == null) {
            subscription = Subscription.EMPTY;
            return;
        }
        Runnable refresh = this::refresh;
        subscription = Subscription.combine(
                newItem.stateProperty().subscribe(refresh),
                newItem.titleProperty().subscribe(refresh),
                newItem.pagesProperty().subscribe(refresh),
                newItem.trailerUrlProperty().subscribe(refresh),
                newItem.stepsProperty().subscribe(refresh),
                newItem.currentStepProperty().subscribe(refresh),
                newItem.progressProperty().subscribe(refresh),
                newItem.errorMessageProperty().subscribe(refresh),
                newItem.waitingForApiProperty().subscribe(refresh),
                newItem.overallScoreProperty().subscribe(refresh),
                now.subscribe(this::refreshStatus));
        var image = newItem.hasThumbnail() ? thumbnails.apply(newItem) : null;
        thumb.setImage(image);
        formatLabel.setText(image != null ? "" : newItem.format() == ScriptFormat.FOUNTAIN ? "FTN" : "PDF");
        refresh();
    }

    private void refresh() {
        if (item == null) {
            return;
        }
        var state = item.state();
        title.setText(item.title());
        setId("row-" + item.id());
        var parts = new ArrayList<String>();
        if (state == SubmissionState.REFUSED) {
            // the title already is the file name: say where it is instead
            parts.add(item.file() == null || item.file().getParent() == null ? "" : item.file().getParent().toString());
        } else {
            parts.add(item.fileName());
        }
        if (item.pages() > 0) {
            parts.add((item.pagesEstimated() ? "~" : "") + Format.plural(item.pages(), "page"));
        }
        if (item.trailerUrl() != null) {
            parts.add("+ trailer");
        }
        meta.setText(String.join(" · ", parts));
        meta.setTooltip(new Tooltip(item.file() == null ? item.fileName() : item.file().toString()
                + (item.trailerUrl() == null ? "" : "\n" + item.trailerUrl())));

        var steps = StepView.of(item);
        boolean showSteps = state != SubmissionState.REFUSED;
        chips.setVisible(showSteps);
        chips.setManaged(showSteps);
        for (int i = 0; i < chipLabels.size(); i++) {
            var chip = chipLabels.get(i);
            var step = steps.get(i);
            chip.getStyleClass().removeAll("running", "completed", "skipped", "failed", "pending");
            chip.getStyleClass().add(step.status().json());
            chip.setTooltip(new Tooltip(step.number() + ". " + step.name() + " — " + step.status().json()));
        }

        progress.setVisible(state != SubmissionState.REFUSED);
        progress.setManaged(progress.isVisible());
        progress.setProgress(switch (state) {
            case SENDING, FETCHING -> ProgressBar.INDETERMINATE_PROGRESS;
            case COMPLETED -> 1.0;
            case QUEUED, RUNNING, FAILED, CANCELLED -> item.progressProperty().get() / 100.0;
            default -> 0;
        });
        progress.getStyleClass().removeAll("success", "danger");
        if (state == SubmissionState.COMPLETED) {
            progress.getStyleClass().add("success");
        } else if (state == SubmissionState.FAILED) {
            progress.getStyleClass().add("danger");
        }

        var message = item.errorMessageProperty().get();
        boolean showError = message != null && (state == SubmissionState.FAILED || state == SubmissionState.REFUSED
                || state == SubmissionState.CANCELLED);
        error.setVisible(showError);
        if (showError) {
            var code = item.errorCodeProperty().get();
            error.setText(code == null || state == SubmissionState.CANCELLED ? message : message + " (" + code + ")");
        }
        error.getStyleClass().remove("muted");
        if (state == SubmissionState.CANCELLED) {
            error.getStyleClass().add("muted");
        }

        var rec = item.recommendationProperty().get();
        verdict.setVisible(state == SubmissionState.COMPLETED && rec != null);
        verdict.setText(rec == null ? "" : rec);
        verdict.getStyleClass().removeAll("recommend", "consider", "pass");
        if (rec != null) {
            verdict.getStyleClass().add(rec.toLowerCase(Locale.ROOT));
        }
        var overall = item.overallScoreProperty().get();
        score.setVisible(state == SubmissionState.COMPLETED && overall != null);
        score.setText(overall == null ? "" : Math.round(overall) + "/100");

        cancel.setVisible(state.canCancel());
        retry.setVisible(state.canRetry());
        remove.setVisible(state.isFinal());
        refreshStatus();
    }

    private void refreshStatus() {
        if (item == null) {
            return;
        }
        var state = item.state();
        var started = item.submittedAtProperty().get();
        var finished = item.finishedAtProperty().get();
        var clock = now.getValue();
        String text = switch (state) {
            case REFUSED -> "Refused before sending";
            case WAITING -> item.waitingForApiProperty().get() ? "Waiting for the API" : "Waiting for a free slot";
            case SENDING -> item.sizeBytes() > ai.sorot.desktop.connection.SorotApi.UPLOAD_THRESHOLD_BYTES
                    ? "Uploading " + Format.size(item.sizeBytes()) + "…" : "Sending…";
            case QUEUED -> "Queued on the server";
            case RUNNING -> {
                int step = item.currentStepProperty().get();
                var name = item.stepNameProperty().get();
                yield "Step " + Math.max(step, 1) + " of 5" + (name == null ? "" : " · " + name) + " · " + item.progressProperty().get() + "%";
            }
            case FETCHING -> "Saving the report and audio…";
            case COMPLETED -> "Done" + (started != null && finished != null ? " in " + Format.elapsed(started, finished) : "");
            case FAILED -> "Failed" + (started != null && finished != null ? " after " + Format.elapsed(started, finished) : "");
            case CANCELLED -> "Cancelled";
        };
        if (state.isActive() && started != null && clock != null) {
            text += " · " + Format.elapsed(started, clock);
        }
        if (state.isActive() && item.waitingForApiProperty().get()) {
            text += " · API unreachable";
        }
        status.setText(text);
    }

    private static Button iconButton(String icon, String tooltip, String styleClass) {
        var button = new Button(null, Icons.of(icon, 13));
        button.getStyleClass().addAll("button-icon", "flat", "small", styleClass);
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        return button;
    }
}
