package ai.sorot.desktop.queue;

import ai.sorot.desktop.connection.Backoff;
import ai.sorot.desktop.intake.PreflightResult;
import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.api.StepState;
import ai.sorot.model.report.Check;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the queue, observable. Changed only on the FX thread (the queue's UI executor);
 * background work hands its results back there.
 */
public final class QueueItem {

    private final String id;
    private final Path file;
    private final String fileName;
    private final ScriptFormat format;
    private final long sizeBytes;
    private final String sha256;
    private final boolean hasThumbnail;
    private final Instant addedAt;

    private final IntegerProperty pages = new SimpleIntegerProperty(this, "pages");
    private final BooleanProperty pagesEstimated = new SimpleBooleanProperty(this, "pagesEstimated");
    private final StringProperty title = new SimpleStringProperty(this, "title");
    private final StringProperty trailerUrl = new SimpleStringProperty(this, "trailerUrl");
    private final StringProperty analysisId = new SimpleStringProperty(this, "analysisId");
    private final ObjectProperty<SubmissionState> state = new SimpleObjectProperty<>(this, "state");
    private final IntegerProperty currentStep = new SimpleIntegerProperty(this, "currentStep");
    private final StringProperty stepName = new SimpleStringProperty(this, "stepName");
    private final IntegerProperty progress = new SimpleIntegerProperty(this, "progress");
    private final ObjectProperty<List<StepState>> steps = new SimpleObjectProperty<>(this, "steps", List.of());
    private final StringProperty errorCode = new SimpleStringProperty(this, "errorCode");
    private final StringProperty errorMessage = new SimpleStringProperty(this, "errorMessage");
    private final StringProperty recommendation = new SimpleStringProperty(this, "recommendation");
    private final ObjectProperty<Double> overallScore = new SimpleObjectProperty<>(this, "overallScore");
    /** What Sorot noticed about the script (set when the report arrives; not kept across restarts). */
    private final ObjectProperty<List<Check>> checks = new SimpleObjectProperty<>(this, "checks", List.of());

    private final ObjectProperty<Instant> submittedAt = new SimpleObjectProperty<>(this, "submittedAt");
    private final ObjectProperty<Instant> finishedAt = new SimpleObjectProperty<>(this, "finishedAt");
    private final BooleanProperty waitingForApi = new SimpleBooleanProperty(this, "waitingForApi");

    /** Set by retry: the API would otherwise answer with the earlier (failed) analysis of the same file. */
    boolean force;
    /** Bumped on cancel and retry, so that answers to an older attempt are dropped. */
    int generation;

    Backoff backoff = Backoff.forPolling();
    int consecutiveErrors;

    private QueueItem(
            String id,
            Path file,
            String fileName,
            ScriptFormat format,
            int pages,
            boolean pagesEstimated,
            long sizeBytes,
            String sha256,
            boolean hasThumbnail,
            Instant addedAt) {
        this.id = id;
        this.file = file;
        this.fileName = fileName;
        this.format = format;
        this.pages.set(pages);
        this.pagesEstimated.set(pagesEstimated);
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.hasThumbnail = hasThumbnail;
        this.addedAt = addedAt;
    }

    static QueueItem accepted(PreflightResult.Accepted accepted, boolean hasThumbnail, Instant now) {
        var item = new QueueItem(
                UUID.randomUUID().toString(),
                accepted.file(),
                accepted.fileName(),
                accepted.format(),
                accepted.pages(),
                accepted.pagesEstimated(),
                accepted.sizeBytes(),
                accepted.sha256(),
                hasThumbnail,
                now);
        item.title.set(accepted.title());
        item.state.set(SubmissionState.WAITING);
        return item;
    }

    static QueueItem refused(PreflightResult.Refused refused, Instant now) {
        var item = new QueueItem(
                UUID.randomUUID().toString(), refused.file(), refused.fileName(), null, 0, false, 0, null, false, now);
        item.title.set(refused.fileName());
        item.state.set(SubmissionState.REFUSED);
        item.errorCode.set(refused.code());
        item.errorMessage.set(refused.reason());
        return item;
    }

    static QueueItem restore(QueuedSubmission s) {
        var item = new QueueItem(
                s.id(),
                s.file() == null ? null : Path.of(s.file()),
                s.fileName(),
                s.format(),
                s.pages(),
                s.pagesEstimated(),
                s.sizeBytes(),
                s.sha256(),
                s.hasThumbnail(),
                s.addedAt() == null ? Instant.now() : s.addedAt());
        item.title.set(s.title());
        item.trailerUrl.set(s.trailerUrl());
        item.analysisId.set(s.analysisId());
        item.state.set(s.state() == null ? SubmissionState.WAITING : s.state());
        item.force = s.force();
        item.currentStep.set(s.currentStep());
        item.stepName.set(s.stepName());
        item.progress.set(s.progress());
        item.steps.set(s.steps());
        item.errorCode.set(s.errorCode());
        item.errorMessage.set(s.errorMessage());
        // a verdict an older Sorot stored for a script no model read is not restored
        boolean noModel =
                s.steps() != null && s.steps().stream().anyMatch(step -> "offline heuristics".equals(step.provider()));
        item.recommendation.set(noModel ? null : s.recommendation());
        item.overallScore.set(noModel ? null : s.overallScore());
        item.submittedAt.set(s.submittedAt());
        item.finishedAt.set(s.finishedAt());
        return item;
    }

    QueuedSubmission snapshot() {
        return new QueuedSubmission(
                id,
                file == null ? null : file.toString(),
                fileName,
                format,
                title.get(),
                pages.get(),
                pagesEstimated.get(),
                sizeBytes,
                sha256,
                hasThumbnail,
                trailerUrl.get(),
                analysisId.get(),
                state.get(),
                force,
                currentStep.get(),
                stepName.get(),
                progress.get(),
                steps.get(),
                errorCode.get(),
                errorMessage.get(),
                recommendation.get(),
                overallScore.get(),
                addedAt,
                submittedAt.get(),
                finishedAt.get());
    }

    public String id() {
        return id;
    }

    public Path file() {
        return file;
    }

    public String fileName() {
        return fileName;
    }

    public ScriptFormat format() {
        return format;
    }
    /** The script's pages (the title page not counted): pre-flight's count, then the report's. */
    public int pages() {
        return pages.get();
    }

    public IntegerProperty pagesProperty() {
        return pages;
    }

    public boolean pagesEstimated() {
        return pagesEstimated.get();
    }

    public BooleanProperty pagesEstimatedProperty() {
        return pagesEstimated;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public boolean hasThumbnail() {
        return hasThumbnail;
    }

    public Instant addedAt() {
        return addedAt;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public String title() {
        return title.get();
    }

    public StringProperty trailerUrlProperty() {
        return trailerUrl;
    }

    public String trailerUrl() {
        return trailerUrl.get();
    }

    public StringProperty analysisIdProperty() {
        return analysisId;
    }

    public String analysisId() {
        return analysisId.get();
    }

    public ObjectProperty<SubmissionState> stateProperty() {
        return state;
    }

    public SubmissionState state() {
        return state.get();
    }

    public IntegerProperty currentStepProperty() {
        return currentStep;
    }

    public StringProperty stepNameProperty() {
        return stepName;
    }

    public IntegerProperty progressProperty() {
        return progress;
    }

    public ObjectProperty<List<StepState>> stepsProperty() {
        return steps;
    }

    public StringProperty errorCodeProperty() {
        return errorCode;
    }

    public StringProperty errorMessageProperty() {
        return errorMessage;
    }

    public StringProperty recommendationProperty() {
        return recommendation;
    }

    public ObjectProperty<Double> overallScoreProperty() {
        return overallScore;
    }

    public ObjectProperty<List<Check>> checksProperty() {
        return checks;
    }

    public ObjectProperty<Instant> submittedAtProperty() {
        return submittedAt;
    }

    public ObjectProperty<Instant> finishedAtProperty() {
        return finishedAt;
    }

    public BooleanProperty waitingForApiProperty() {
        return waitingForApi;
    }

    @Override
    public String toString() {
        return "QueueItem[" + fileName + ", " + state.get() + (analysisId.get() == null ? "" : ", " + analysisId.get())
                + "]";
    }
}
