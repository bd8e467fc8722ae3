package ai.sorot.desktop.queue;

import ai.sorot.desktop.connection.SorotApi;
import ai.sorot.desktop.report.CheckList;
import ai.sorot.desktop.ui.Format;
import ai.sorot.desktop.ui.FormatBadge;
import ai.sorot.desktop.ui.Icons;
import ai.sorot.model.report.Verdicts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * What one queue row shows: thumbnail, title, the five steps with the current one lit, a
 * progress bar with the elapsed time (or the reason it failed), the verdict once done, and the
 * row's actions. Every row has the same height, so the list lays out without measuring (smooth
 * with hundreds of rows); a cell keeps one and points it at whichever item it shows. Changes that
 * arrive together are drawn once, and a style or text is only touched when it changes.
 */
public final class QueueRow extends HBox {

    /** The height every row has: the list uses it as its fixed cell size. */
    static final double HEIGHT = 128;
    /** Lines the title and the file line share; a title that needs more takes the file line's place (it stays in the tooltip). */
    private static final double TITLE_AND_META_BUDGET = 62;
    /** The key under which a row's node properties hold the id of the item it shows (for tests and tools). */
    public static final String ITEM_ID = "sorot.queue.item";

    private static final List<String> STEP_CLASSES = List.of("running", "completed", "skipped", "failed", "pending");

    private final QueueViewModel queue;
    private final Function<QueueItem, Image> thumbnails;
    private final ObservableValue<Instant> now;

    private final ImageView thumb = new ImageView();
    private final Label formatLabel = new Label();
    private final Label title = new Label();
    private final Label meta = new Label();
    private final Tooltip metaTip = new Tooltip();
    // the five steps wrap onto a second line rather than shorten to 'Ext...' in a narrow queue
    private final FlowPane chips = new FlowPane(3, 3);
    private final List<Label> chipLabels = new ArrayList<>();
    private final List<Tooltip> chipTips = new ArrayList<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Tooltip statusTip = new Tooltip();
    private final Label error = new Label();
    private final Tooltip errorTip = new Tooltip();
    private final Label verdict = new Label();
    private final Label score = new Label();
    private final Label checkFlag = new Label();
    private final Tooltip notJudgedTip = new Tooltip(Verdicts.NOT_JUDGED + ".\n" + Verdicts.HOW_TO_JUDGE);
    private final Button cancel = iconButton(Icons.CLOSE, "Cancel", "cancel-button");
    private final Button retry = iconButton(Icons.RETRY, "Retry", "retry-button");
    private final Button remove = iconButton(Icons.DELETE, "Remove from the queue", "remove-button");

    private QueueItem item;
    private Subscription subscription = Subscription.EMPTY;
    private boolean refreshPending;

    QueueRow(QueueViewModel queue, Function<QueueItem, Image> thumbnails, ObservableValue<Instant> now) {
        this.queue = queue;
        this.thumbnails = thumbnails;
        this.now = now;
        getStyleClass().add("queue-row");
        setMinHeight(HEIGHT - 16);
        setMaxHeight(HEIGHT - 16);

        thumb.setFitWidth(44);
        thumb.setFitHeight(57);
        thumb.setPreserveRatio(true);
        var thumbFrame = new StackPane(formatLabel, thumb);
        thumbFrame.getStyleClass().add("thumb-frame");

        // every line wraps rather than ending in an ellipsis: the row's height has room for it
        title.getStyleClass().add("row-title");
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setTooltip(metaTip);
        meta.getStyleClass().add("row-meta");
        meta.setWrapText(true);
        meta.setMinHeight(Region.USE_PREF_SIZE);
        meta.setTooltip(metaTip);
        meta.managedProperty().bind(meta.visibleProperty());
        title.widthProperty().subscribe(this::shareTitleLines);
        chips.getStyleClass().add("step-chips");
        for (var name : Steps.SHORT) {
            var chip = new Label(name);
            chip.getStyleClass().addAll("step-chip", "pending");
            chip.setMinWidth(Region.USE_PREF_SIZE);
            var tip = new Tooltip();
            chip.setTooltip(tip);
            chipLabels.add(chip);
            chipTips.add(tip);
            chips.getChildren().add(chip);
        }
        // a refused file has no steps nor progress: its reason takes their place, wrapped
        error.getStyleClass().add("row-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setTooltip(errorTip);
        chips.managedProperty().bind(chips.visibleProperty());
        error.managedProperty().bind(error.visibleProperty());
        var stepsOrReason = new StackPane(chips, error);
        stepsOrReason.setAlignment(Pos.CENTER_LEFT);
        StackPane.setAlignment(chips, Pos.CENTER_LEFT);

        progress.setMaxWidth(Double.MAX_VALUE);
        status.getStyleClass().add("row-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setTooltip(statusTip);
        status.setMaxWidth(Double.MAX_VALUE);

        var center = new VBox(3, title, meta, stepsOrReason, progress, status);
        center.setMinWidth(0);
        HBox.setHgrow(center, Priority.ALWAYS);

        verdict.getStyleClass().add("verdict");
        score.getStyleClass().add("score");
        checkFlag.getStyleClass().add("check-flag");
        // the right column stays narrow: a long verdict or check flag wraps instead of squeezing the steps
        for (var label : List.of(verdict, checkFlag)) {
            label.setWrapText(true);
            label.setMaxWidth(130);
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        for (Node node : List.of(verdict, score, checkFlag, cancel, retry, remove)) {
            node.managedProperty().bind(node.visibleProperty());
        }
        var buttons = new HBox(2, retry, cancel, remove);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        var right = new VBox(4, verdict, score, checkFlag, buttons);
        right.setAlignment(Pos.TOP_RIGHT);
        right.setMinWidth(Region.USE_PREF_SIZE);

        getChildren().addAll(thumbFrame, center, right);

        cancel.setOnAction(e -> {
            if (item != null) queue.cancel(item);
        });
        retry.setOnAction(e -> {
            if (item != null) queue.retry(item);
        });
        remove.setOnAction(e -> {
            if (item != null) queue.remove(item);
        });
    }

    void show(QueueItem newItem) {
        subscription.unsubscribe();
        item = newItem;
        if (newItem == null) {
            subscription = Subscription.EMPTY;
            return;
        }
        Runnable later = this::refreshSoon;
        subscription = Subscription.combine(
                newItem.stateProperty().subscribe(later),
                newItem.titleProperty().subscribe(later),
                newItem.pagesProperty().subscribe(later),
                newItem.trailerUrlProperty().subscribe(later),
                newItem.stepsProperty().subscribe(later),
                newItem.currentStepProperty().subscribe(later),
                newItem.progressProperty().subscribe(later),
                newItem.errorMessageProperty().subscribe(later),
                newItem.waitingForApiProperty().subscribe(later),
                newItem.overallScoreProperty().subscribe(later),
                newItem.checksProperty().subscribe(later),
                now.subscribe(this::refreshStatus));
        var image = newItem.hasThumbnail() ? thumbnails.apply(newItem) : null;
        thumb.setImage(image);
        // a refused file may have no format at all (not a screenplay we read)
        formatLabel.setText(image != null || newItem.format() == null ? "" : FormatBadge.of(newItem.format()));
        refresh();
    }

    /** A status update changes several properties at once: draw them together, once. */
    private void refreshSoon() {
        if (!refreshPending) {
            refreshPending = true;
            Platform.runLater(() -> {
                refreshPending = false;
                refresh();
            });
        }
    }

    private void refresh() {
        if (item == null) {
            return;
        }
        var state = item.state();
        setText(title, item.title());
        // not setId: an id change re-applies CSS to the whole row, on every scroll step
        getProperties().put(ITEM_ID, item.id());
        var parts = new ArrayList<String>();
        if (state == SubmissionState.REFUSED) {
            // the title already is the file name: say where it is instead
            parts.add(
                    item.file() == null || item.file().getParent() == null
                            ? ""
                            : item.file().getParent().toString());
        } else {
            parts.add(item.fileName());
        }
        if (item.pages() > 0) {
            parts.add((item.pagesEstimated() ? "~" : "") + Format.plural(item.pages(), "page"));
        }
        if (item.trailerUrl() != null) {
            parts.add("+ trailer");
        }
        setText(meta, String.join(" · ", parts));
        shareTitleLines();
        metaTip.setText((item.file() == null ? item.fileName() : item.file().toString())
                + (item.trailerUrl() == null ? "" : "\nTrailer: " + item.trailerUrl()));

        boolean refused = state == SubmissionState.REFUSED;
        chips.setVisible(!refused);
        error.setVisible(refused);
        if (refused) {
            setText(
                    error,
                    withoutFileName(item.errorMessageProperty().get(), item.fileName()) + " ("
                            + item.errorCodeProperty().get() + ")");
            errorTip.setText(error.getText());
        } else {
            var steps = StepView.of(item);
            for (int i = 0; i < chipLabels.size(); i++) {
                var step = steps.get(i);
                setStyle(chipLabels.get(i), STEP_CLASSES, step.status().json());
                chipTips.get(i)
                        .setText(step.number() + ". " + step.name() + " — "
                                + step.status().json());
            }
        }

        progress.setVisible(!refused);
        progress.setManaged(!refused);
        double value = switch (state) {
            case SENDING, FETCHING -> ProgressBar.INDETERMINATE_PROGRESS;
            case COMPLETED -> 1.0;
            case QUEUED, RUNNING, FAILED, CANCELLED -> item.progressProperty().get() / 100.0;
            default -> 0;
        };
        if (progress.getProgress() != value) {
            progress.setProgress(value);
        }
        setStyle(
                progress,
                List.of("success", "danger"),
                state == SubmissionState.COMPLETED ? "success" : state == SubmissionState.FAILED ? "danger" : null);

        var rec = item.recommendationProperty().get();
        verdict.setVisible(state == SubmissionState.COMPLETED);
        setText(verdict, rec == null ? "Not judged" : rec);
        setStyle(
                verdict,
                List.of("recommend", "consider", "pass", "not-judged"),
                rec == null ? "not-judged" : rec.toLowerCase(Locale.ROOT));
        verdict.setTooltip(rec == null ? notJudgedTip : null);
        var checks = item.checksProperty().get();
        checkFlag.setVisible(state == SubmissionState.COMPLETED && !checks.isEmpty());
        setText(checkFlag, CheckList.flag(checks));
        checkFlag.setTooltip(checks.isEmpty() ? null : CheckList.tooltip(checks));
        var overall = item.overallScoreProperty().get();
        score.setVisible(state == SubmissionState.COMPLETED && overall != null);
        setText(score, overall == null ? "" : Math.round(overall) + "/100");

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
        var message = item.errorMessageProperty().get();
        String text = switch (state) {
            case REFUSED -> "Refused before sending";
            case WAITING -> item.waitingForApiProperty().get() ? "Waiting for the API" : "Waiting for a free slot";
            case SENDING ->
                item.sizeBytes() > SorotApi.UPLOAD_THRESHOLD_BYTES
                        ? "Uploading " + Format.size(item.sizeBytes()) + "…"
                        : "Sending…";
            case QUEUED -> "Queued on the server";
            case RUNNING -> {
                int step = item.currentStepProperty().get();
                var name = item.stepNameProperty().get();
                // the bar above shows how far: the words say which step
                yield "Step " + Math.max(step, 1) + "/5" + (name == null ? "" : " · " + name);
            }
            case FETCHING -> "Saving the report and audio…";
            case COMPLETED ->
                "Done" + (started != null && finished != null ? " in " + Format.elapsed(started, finished) : "");
            case FAILED -> "Failed: " + message;
            case CANCELLED -> "Cancelled";
        };
        if (state.isActive() && started != null && clock != null) {
            text += " · " + Format.elapsed(started, clock);
        }
        if (state.isActive() && item.waitingForApiProperty().get()) {
            text += " · API unreachable";
        }
        setText(status, text);
        setStyle(status, List.of("row-error"), state == SubmissionState.FAILED ? "row-error" : null);
        statusTip.setText(
                state == SubmissionState.FAILED || state == SubmissionState.CANCELLED && message != null
                        ? message
                                + (item.errorCodeProperty().get() == null
                                        ? ""
                                        : " (" + item.errorCodeProperty().get() + ")")
                        : text);
    }

    /**
     * The title and the file line share three lines of the row: a title long enough to need them
     * all (or a title and a file name that both wrap) hides the file line, which the tooltip keeps.
     */
    private void shareTitleLines() {
        double width = title.getWidth() - title.snappedLeftInset() - title.snappedRightInset();
        if (width <= 0) {
            return;
        }
        double needed = textHeight(title, width) + textHeight(meta, width);
        meta.setVisible(needed <= TITLE_AND_META_BUDGET);
    }

    private final javafx.scene.text.Text probe = new javafx.scene.text.Text();

    private double textHeight(Label label, double width) {
        probe.setFont(label.getFont());
        probe.setWrappingWidth(width);
        probe.setText(label.getText() == null || label.getText().isEmpty() ? " " : label.getText());
        return probe.getLayoutBounds().getHeight();
    }

    /** A reason that starts with the file's name, shown under that name, starts with "This file" instead. */
    static String withoutFileName(String reason, String fileName) {
        if (reason == null || fileName == null || !reason.startsWith(fileName + " ")) {
            return reason;
        }
        return "This file" + reason.substring(fileName.length());
    }

    private static void setText(Label label, String text) {
        if (!Objects.equals(label.getText(), text)) {
            label.setText(text);
        }
    }

    /** Sets one class of a family (or none): CSS is only re-applied when the class really changes. */
    private static void setStyle(Node node, List<String> family, String wanted) {
        var classes = node.getStyleClass();
        for (var name : family) {
            if (!name.equals(wanted) && classes.contains(name)) {
                classes.remove(name);
            }
        }
        if (wanted != null && !classes.contains(wanted)) {
            classes.add(wanted);
        }
    }

    private static Button iconButton(String icon, String tooltip, String styleClass) {
        var button = new Button(null, Icons.of(icon, 13));
        button.getStyleClass().addAll("button-icon", "flat", "small", styleClass);
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        return button;
    }
}
