package ai.sorot.desktop.library;

import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.lambda.library.CuratorVerdict;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.Percentile;
import ai.sorot.lambda.library.ReviewSession;
import ai.sorot.model.report.AnalysisReport;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * Review mode: one submission of a session at a time, the AI's view (recommendation, score and
 * where that score ranks) beside the curator's own (rating, verdict, shortlist, notes, the
 * session's score card). Every edit is saved as it is made, in order, off the UI thread; an
 * analysis counts as reviewed once it has a rating or a verdict. Knows no scene graph.
 */
public final class ReviewViewModel {

    private final AnalysisArchive archive;
    private final Executor io;
    private final Executor ui;
    private final Executor writes;

    private final ReadOnlyObjectWrapper<ReviewSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper reviewed = new ReadOnlyIntegerWrapper(this, "reviewed");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyObjectWrapper<LibraryEntry> entry = new ReadOnlyObjectWrapper<>(this, "entry");
    private final ReadOnlyObjectWrapper<AnalysisReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Path> audio = new ReadOnlyObjectWrapper<>(this, "audio");
    private final ReadOnlyStringWrapper sessionRank = new ReadOnlyStringWrapper(this, "sessionRank", "");
    private final ReadOnlyStringWrapper libraryRank = new ReadOnlyStringWrapper(this, "libraryRank", "");
    private final ReadOnlyBooleanWrapper currentReviewed = new ReadOnlyBooleanWrapper(this, "currentReviewed");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ObjectProperty<Integer> rating = new SimpleObjectProperty<>(this, "rating");
    private final ObjectProperty<CuratorVerdict> verdict = new SimpleObjectProperty<>(this, "verdict");
    private final BooleanProperty shortlisted = new SimpleBooleanProperty(this, "shortlisted");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final ObservableMap<String, Integer> card = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper tags = new ReadOnlyStringWrapper(this, "tags", "");
    private final ReadOnlyStringWrapper committee = new ReadOnlyStringWrapper(this, "committee", "");
    /** The committee's reviews of an analysis in one line, for a member (blocking; "" when none): see ai.sorot.desktop.committee. */
    private volatile java.util.function.BiFunction<String, Boolean, String> committeeLine = (id, own) -> "";

    private List<String> ids = List.of();
    private int ticket;
    /** True while a loaded item's values are put in the properties: those are not edits. */
    private boolean showing;

    private final AtomicReference<String[]> pendingNotes = new AtomicReference<>();

    public ReviewViewModel(AnalysisArchive archive, Executor io, Executor ui) {
        this.archive = archive;
        this.io = io;
        this.ui = ui;
        this.writes = new SerialExecutor(io);
        notes.addListener((o, was, now) -> {
            if (!showing && entry.get() != null) {
                saveNotes(entry.get().id(), now);
            }
        });
    }

    /** Opens {@code s} at {@code startId} (or at its first unreviewed item when null). UI thread. */
    public void open(ReviewSession s, String startId) {
        int mine = ++ticket;
        loading.set(true);
        problem.set(null);
        io.execute(() -> {
            try {
                var lib = archive.library();
                var items = lib.sessionItems(s.id());
                var fresh = lib.session(s.id()).orElse(s);
                int start = startId == null ? -1 : items.indexOf(startId);
                if (start < 0) {
                    start = 0;
                    for (int i = 0; i < items.size(); i++) {
                        if (!lib.isReviewed(s.id(), items.get(i))) {
                            start = i;
                            break;
                        }
                    }
                }
                int first = start;
                ui.execute(() -> {
                    if (mine != ticket) {
                        return;
                    }
                    ids = List.copyOf(items);
                    session.set(fresh);
                    total.set(items.size());
                    reviewed.set(fresh.reviewed());
                    updateProgress();
                    if (items.isEmpty()) {
                        loading.set(false);
                        clearItem();
                        problem.set("This session is empty: drag analyses onto it in the library.");
                    } else {
                        show(first);
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    loading.set(false);
                    problem.set(e.getMessage());
                });
            }
        });
    }

    public void next() {
        if (index.get() + 1 < ids.size()) {
            show(index.get() + 1);
        }
    }

    public void previous() {
        if (index.get() > 0) {
            show(index.get() - 1);
        }
    }

    private void show(int i) {
        int mine = ++ticket;
        index.set(i);
        loading.set(true);
        var id = ids.get(i);
        var s = session.get();
        io.execute(() -> {
            try {
                var lib = archive.library();
                var found = lib.entry(id)
                        .orElseThrow(() ->
                                new IllegalStateException("The analysis " + id + " is no longer in the library."));
                AnalysisReport loaded;
                try {
                    loaded = lib.report(id);
                } catch (RuntimeException missing) {
                    loaded = null;
                }
                var sound = lib.audio(id).orElse(null);
                var inSession = lib.percentileInSession(id, s.id())
                        .map(Percentile::label)
                        .orElse("");
                var inLibrary =
                        lib.percentileInLibrary(id).map(Percentile::label).orElse("");
                var scores = lib.criterionScores(s.id(), id);
                var committeeText = committeeLine.apply(id, found.rating() != null || found.verdict() != null);
                boolean done = lib.isReviewed(s.id(), id);
                var rep = loaded;
                ui.execute(() -> {
                    if (mine != ticket) {
                        return;
                    }
                    showing = true;
                    try {
                        entry.set(found);
                        audio.set(sound); // before the report: the view loads the player when the report changes
                        report.set(rep);
                        sessionRank.set(inSession.isEmpty() ? "" : inSession + " in this session");
                        libraryRank.set(inLibrary.isEmpty() ? "" : inLibrary + " in the library");
                        rating.set(found.rating());
                        verdict.set(found.verdict());
                        shortlisted.set(found.shortlisted());
                        notes.set(found.notes());
                        tags.set(String.join(" ", found.tags()));
                        card.clear();
                        card.putAll(scores);
                        committee.set(committeeText);
                        currentReviewed.set(done);
                    } finally {
                        showing = false;
                    }
                    problem.set(null);
                    loading.set(false);
                    updateProgress();
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (mine == ticket) {
                        loading.set(false);
                        problem.set(e.getMessage());
                    }
                });
            }
        });
    }

    private void clearItem() {
        showing = true;
        try {
            entry.set(null);
            report.set(null);
            audio.set(null);
            rating.set(null);
            verdict.set(null);
            shortlisted.set(false);
            notes.set("");
            tags.set("");
            card.clear();
        } finally {
            showing = false;
        }
    }

    // ---------------------------------------------------------------- the curator's edits

    public void rate(Integer stars) {
        var current = editable();
        if (current == null) {
            return;
        }
        rating.set(stars);
        var id = current.id();
        writes.execute(() -> archive.library().rate(id, stars));
        if (stars != null) {
            markReviewed();
        }
    }

    public void setVerdict(CuratorVerdict value) {
        var current = editable();
        if (current == null) {
            return;
        }
        verdict.set(value);
        var id = current.id();
        writes.execute(() -> archive.library().setVerdict(id, value));
        if (value != null) {
            markReviewed();
        }
    }

    /** ACCEPT, MAYBE, DECLINE, then none again. */
    public void cycleVerdict() {
        var now = verdict.get();
        setVerdict(
                now == null
                        ? CuratorVerdict.ACCEPT
                        : switch (now) {
                            case ACCEPT -> CuratorVerdict.MAYBE;
                            case MAYBE -> CuratorVerdict.DECLINE;
                            case DECLINE -> null;
                        });
    }

    public void toggleShortlist() {
        var current = editable();
        if (current == null) {
            return;
        }
        boolean value = !shortlisted.get();
        shortlisted.set(value);
        var id = current.id();
        writes.execute(() -> archive.library().setShortlisted(id, value));
    }

    public void score(String criterion, int value) {
        var current = editable();
        var s = session.get();
        if (current == null || s == null) {
            return;
        }
        card.put(criterion, value);
        var id = current.id();
        writes.execute(() -> archive.library().scoreCriterion(s.id(), id, criterion, value));
    }

    /**
     * The tags as typed ("shorts local-talent"): words separated by spaces or commas; the ones
     * added are tagged, the ones gone are removed.
     */
    public void setTags(String text) {
        var current = editable();
        if (current == null) {
            return;
        }
        var wanted = new LinkedHashSet<String>();
        for (var word : (text == null ? "" : text).toLowerCase(Locale.ROOT).split("[\\s,]+")) {
            if (!word.isBlank() && word.length() <= 40) {
                wanted.add(word);
            }
        }
        var had = Set.copyOf(
                List.of(tags.get().isBlank() ? new String[0] : tags.get().split(" ")));
        tags.set(String.join(" ", wanted.stream().sorted().toList()));
        var id = current.id();
        writes.execute(() -> {
            var lib = archive.library();
            wanted.stream().filter(t -> !had.contains(t)).forEach(t -> lib.tag(id, t));
            had.stream().filter(t -> !wanted.contains(t)).forEach(t -> lib.untag(id, t));
        });
    }

    /** Notes are saved as typed; a burst of keys is written once, with the latest text. */
    private void saveNotes(String id, String text) {
        pendingNotes.set(new String[] {id, text});
        writes.execute(() -> {
            var latest = pendingNotes.getAndSet(null);
            if (latest != null) {
                archive.library().setNotes(latest[0], latest[1]);
            }
        });
    }

    /** The item on screen, or null while the next one loads (a key pressed then would edit the wrong one). */
    private LibraryEntry editable() {
        var e = entry.get();
        return e == null
                        || loading.get()
                        || index.get() < 0
                        || !ids.get(index.get()).equals(e.id())
                ? null
                : e;
    }

    private void markReviewed() {
        if (currentReviewed.get()) {
            return;
        }
        currentReviewed.set(true);
        reviewed.set(reviewed.get() + 1);
        updateProgress();
        var s = session.get();
        var id = entry.get().id();
        writes.execute(() -> archive.library().markReviewed(s.id(), id, true));
    }

    private void updateProgress() {
        progress.set(reviewed.get() + " of " + total.get() + " reviewed");
    }

    /** Runs after every edit made so far is saved (tests, and leaving review mode). */
    public void afterSaves(Runnable then) {
        writes.execute(() -> ui.execute(then));
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<ReviewSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty reviewedProperty() {
        return reviewed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LibraryEntry> entryProperty() {
        return entry.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AnalysisReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> audioProperty() {
        return audio.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionRankProperty() {
        return sessionRank.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty libraryRankProperty() {
        return libraryRank.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty currentReviewedProperty() {
        return currentReviewed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tagsProperty() {
        return tags.getReadOnlyProperty();
    }
    /** Beside the curator's own rating: the committee's, as last synced ("" for a curator on their own). */
    public ReadOnlyStringProperty committeeProperty() {
        return committee.getReadOnlyProperty();
    }

    public void setCommitteeLine(java.util.function.BiFunction<String, Boolean, String> line) {
        committeeLine = line;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> ratingProperty() {
        return rating;
    }

    public ReadOnlyObjectProperty<CuratorVerdict> verdictProperty() {
        return verdict;
    }

    public ReadOnlyBooleanProperty shortlistedProperty() {
        return shortlisted;
    }
    /** Bound both ways to the note field: every change is an edit. */
    public StringProperty notesProperty() {
        return notes;
    }

    public Map<String, Integer> card() {
        return FXCollections.unmodifiableObservableMap(card);
    }

    public ObservableMap<String, Integer> cardProperty() {
        return card;
    }
}
