package ai.sorot.desktop.committee;

import ai.sorot.desktop.connection.ApiFailure;
import ai.sorot.lambda.library.CuratorVerdict;
import ai.sorot.model.committee.AnalysisReviews;
import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.CommitteeVerdict;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The committee page: a member's queue in one session ("My queue"), their own rating of the chosen
 * script beside the committee's (mean, verdict counts, spread; in a blind session only once their own
 * exists), the outbox of reviews waiting for the network, and the conflicts to settle. Every rating
 * is written to the library on this computer first and sent when the API answers; the work runs as
 * {@link Task}s on one serial executor, so edits reach the outbox in the order they were made.
 * Knows no scene graph.
 */
public final class CommitteeViewModel {

    private final CommitteeDesk desk;
    private final Executor work;

    private final StringProperty sessionId = new SimpleStringProperty(this, "sessionId", "");
    private final ObservableList<Assignment> queue = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Assignment> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<Integer> myRating = new ReadOnlyObjectWrapper<>(this, "myRating");
    private final ReadOnlyObjectWrapper<CommitteeVerdict> myVerdict = new ReadOnlyObjectWrapper<>(this, "myVerdict");
    private final ReadOnlyObjectWrapper<AnalysisReviews> committee = new ReadOnlyObjectWrapper<>(this, "committee");
    private final ReadOnlyStringWrapper committeeText = new ReadOnlyStringWrapper(this, "committeeText", "");
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(this, "waiting");
    private final ObservableList<CommitteeStore.Pending> conflicts = FXCollections.observableArrayList();
    /** One read-only view, kept: a listener on a fresh wrapper per call would be collected with it. */
    private final ObservableList<CommitteeStore.Pending> conflictsView =
            FXCollections.unmodifiableObservableList(conflicts);

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private int running;
    /** Why the server refused a queued review, when it did (not a network matter: retrying will not help). */
    private String problem;

    /** @param work runs the tasks one after the other, off the FX thread */
    public CommitteeViewModel(CommitteeDesk desk, Executor work) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.work = Objects.requireNonNull(work, "work");
    }

    // ---------------------------------------------------------------- actions (FX thread)

    /** Opens the session typed in: its queue as last saved here at once, then as the server has it. */
    public void openSession() {
        var id = currentSession();
        if (id == null) {
            message.set("Enter the session id the lead gave you.");
            return;
        }
        run(
                "Loading your queue…",
                () -> {
                    var sync = desk.sync();
                    sync.store().setLastSession(id);
                    var client = desk.client();
                    if (client.isEmpty()) {
                        return new Loaded(sync.store().queue(id), "Offline: your queue as last synced.");
                    }
                    return new Loaded(sync.pullQueue(client.get(), id), null);
                },
                loaded -> {
                    var keep = selected.get() == null ? null : selected.get().analysisId();
                    queue.setAll(loaded.queue());
                    message.set(
                            loaded.note() != null
                                    ? loaded.note()
                                    : loaded.queue().isEmpty()
                                            ? "Nothing is assigned to you in this session."
                                            : loaded.queue().size() + " scripts in your queue.");
                    loaded.queue().stream()
                            .filter(a -> a.analysisId().equals(keep))
                            .findFirst()
                            .or(() -> loaded.queue().stream().findFirst())
                            .ifPresent(this::select);
                });
    }

    private record Loaded(List<Assignment> queue, String note) {}

    /** Opens the session last opened on this desktop, if any (its queue as saved, then as the server has it). */
    public void restore() {
        run(null, () -> desk.sync().store().lastSession().orElse(null), last -> {
            if (last != null && currentSession() == null) {
                sessionId.set(last);
                openSession();
            }
        });
    }

    /** Shows {@code assignment}: the curator's own review from the library, the committee's as last pulled (then fresh). */
    public void select(Assignment assignment) {
        selected.set(assignment);
        if (assignment == null) {
            myRating.set(null);
            myVerdict.set(null);
            showCommittee(null);
            return;
        }
        var id = assignment.analysisId();
        var session = currentSession();
        run(
                null,
                () -> {
                    var sync = desk.sync();
                    var client = desk.client();
                    AnalysisReviews reviews = sync.store()
                            .reviews(session == null ? "" : session, id)
                            .orElse(null);
                    if (client.isPresent()) {
                        try {
                            reviews = session == null
                                    ? client.get().reviews(id)
                                    : sync.pullSessionReviews(client.get(), session, id);
                        } catch (ApiFailure f) {
                            if (!f.isTransient()) {
                                throw f;
                            }
                        }
                    }
                    var entry = desk.archive().library().entry(id).orElse(null);
                    return new Shown(
                            id,
                            entry == null ? null : entry.rating(),
                            entry == null || entry.verdict() == null
                                    ? null
                                    : CommitteeVerdict.valueOf(entry.verdict().name()),
                            reviews);
                },
                this::show);
    }

    private record Shown(String analysisId, Integer rating, CommitteeVerdict verdict, AnalysisReviews reviews) {}

    private void show(Shown shown) {
        if (selected.get() == null || !selected.get().analysisId().equals(shown.analysisId())) {
            return; // another script was chosen meanwhile
        }
        myRating.set(shown.rating());
        myVerdict.set(shown.verdict());
        showCommittee(shown.reviews());
    }

    /** The curator's stars for the selected script: into the library now, to the committee when online. */
    public void rate(Integer stars) {
        var chosen = selected.get();
        if (chosen == null) {
            return;
        }
        myRating.set(stars);
        write(chosen, library -> library.rate(chosen.analysisId(), stars));
    }

    public void setVerdict(CommitteeVerdict verdict) {
        var chosen = selected.get();
        if (chosen == null) {
            return;
        }
        myVerdict.set(verdict);
        write(
                chosen,
                library -> library.setVerdict(
                        chosen.analysisId(), verdict == null ? null : CuratorVerdict.valueOf(verdict.name())));
    }

    private void write(Assignment chosen, Consumer<ai.sorot.lambda.library.Library> edit) {
        var session = chosen.sessionId();
        var id = chosen.analysisId();
        run(
                null,
                () -> {
                    var sync = desk.sync();
                    edit.accept(desk.archive().library());
                    sync.noteLocalEdit(id, session);
                    var client = desk.client();
                    if (client.isEmpty()) {
                        return new Shown(id, null, null, null);
                    }
                    try {
                        sync.push(client.get());
                        return new Shown(id, null, null, sync.pullSessionReviews(client.get(), session, id));
                    } catch (ApiFailure f) {
                        if (f.isTransient()) {
                            return new Shown(id, null, null, null); // stays in the outbox
                        }
                        throw f;
                    }
                },
                shown -> {
                    if (shown.reviews() != null
                            && selected.get() != null
                            && selected.get().analysisId().equals(id)) {
                        showCommittee(shown.reviews());
                    }
                    markReviewed(chosen);
                    if (problem != null) {
                        message.set("Not sent: " + problem + " Edit the review to try again.");
                    } else if (waiting.get() > 0 && conflicts.isEmpty()) {
                        message.set(
                                "Saved on this computer; " + waiting.get() + " review" + (waiting.get() == 1 ? "" : "s")
                                        + " will be sent when the committee's server answers.");
                    }
                });
    }

    /** The queue shows the script as reviewed once the curator has rated it or given a verdict here. */
    private void markReviewed(Assignment chosen) {
        int at = queue.indexOf(chosen);
        if (at >= 0 && !chosen.reviewed() && (myRating.get() != null || myVerdict.get() != null)) {
            var done = new Assignment(
                    chosen.sessionId(), chosen.analysisId(), chosen.title(), chosen.memberId(), chosen.pages(), true);
            if (selected.get() == chosen) {
                selected.set(done);
            }
            queue.set(at, done);
        }
    }

    /** Sync now: local edits out, the committee's reviews (and new analyses) in. */
    public void syncNow() {
        var session = currentSession();
        run(
                "Syncing with the committee…",
                () -> {
                    var client = desk.client()
                            .orElseThrow(() -> ApiFailure.network(
                                    "Offline: reviews are kept on this computer and sent when the committee's server answers.",
                                    null));
                    return desk.sync()
                            .sync(client, session, () -> Thread.currentThread().isInterrupted());
                },
                outcome -> {
                    message.set(outcome.describe());
                    if (session != null) {
                        queue.setAll(desk.sync().store().queue(session));
                    }
                    if (selected.get() != null) {
                        select(queue.stream()
                                .filter(a ->
                                        a.analysisId().equals(selected.get().analysisId()))
                                .findFirst()
                                .orElse(selected.get()));
                    }
                });
    }

    /** A conflict settled with the version written on this computer: sent again over the server's. */
    public void keepMine(String analysisId) {
        settle(analysisId, true);
    }

    /** A conflict settled with the server's version: it replaces this computer's, in the library too. */
    public void keepTheirs(String analysisId) {
        settle(analysisId, false);
    }

    private void settle(String analysisId, boolean mine) {
        run(
                null,
                () -> {
                    var sync = desk.sync();
                    if (mine) {
                        sync.keepMine(analysisId);
                        desk.client().ifPresent(sync::push);
                    } else {
                        sync.keepTheirs(analysisId);
                    }
                    return analysisId;
                },
                id -> {
                    message.set(mine ? "Your version was kept." : "The other version was kept.");
                    if (selected.get() != null && selected.get().analysisId().equals(id)) {
                        select(selected.get());
                    }
                });
    }

    // ---------------------------------------------------------------- plumbing

    private void showCommittee(AnalysisReviews reviews) {
        committee.set(reviews);
        committeeText.set(CommitteeSummary.describe(reviews, myRating.get() != null || myVerdict.get() != null));
    }

    private String currentSession() {
        var id = sessionId.get() == null ? "" : sessionId.get().strip();
        return id.isEmpty() ? null : id;
    }

    /** Runs {@code call} as a task on the serial executor; the outbox count and conflicts refresh after it. */
    private <T> void run(String note, Callable<T> call, Consumer<T> done) {
        if (note != null) {
            message.set(note);
        }
        running++;
        busy.set(true);
        var task = new Task<Outcome<T>>() {
            @Override
            protected Outcome<T> call() throws Exception {
                T value = call.call();
                var pending = desk.sync().store().pending();
                return new Outcome<>(
                        value,
                        pending.size(),
                        pending.stream().filter(p -> p.conflict() != null).toList(),
                        pending.stream()
                                .map(CommitteeStore.Pending::problem)
                                .filter(Objects::nonNull)
                                .findFirst()
                                .orElse(null));
            }
        };
        task.setOnSucceeded(e -> {
            finished();
            var outcome = task.getValue();
            waiting.set(outcome.waiting());
            conflicts.setAll(outcome.conflicts());
            problem = outcome.problem();
            done.accept(outcome.value());
        });
        task.setOnFailed(e -> {
            finished();
            var error = task.getException();
            message.set(
                    error instanceof ApiFailure f && f.isUnauthorized()
                            ? "The committee's server refused the member token; set it in Settings."
                            : error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
            refreshOutbox();
        });
        work.execute(task);
    }

    private record Outcome<T>(T value, int waiting, List<CommitteeStore.Pending> conflicts, String problem) {}

    private void refreshOutbox() {
        run(null, () -> null, ignored -> {});
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    // ---------------------------------------------------------------- state

    public StringProperty sessionIdProperty() {
        return sessionId;
    }

    public ObservableList<Assignment> queue() {
        return queue;
    }

    public ReadOnlyObjectProperty<Assignment> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> myRatingProperty() {
        return myRating.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CommitteeVerdict> myVerdictProperty() {
        return myVerdict.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AnalysisReviews> committeeProperty() {
        return committee.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty committeeTextProperty() {
        return committeeText.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ObservableList<CommitteeStore.Pending> conflicts() {
        return conflictsView;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
