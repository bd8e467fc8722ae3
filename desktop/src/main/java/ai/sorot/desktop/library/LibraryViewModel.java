package ai.sorot.desktop.library;

import ai.sorot.desktop.connection.Connection;
import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.LibraryQuery;
import ai.sorot.lambda.library.ReviewSession;
import ai.sorot.lambda.library.SemanticLibrary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The library page's state: the search and filters ({@link LibraryFilterState}), the rows they
 * match, the sessions, and the library-wide actions (sync here; sessions, imports and exports in
 * {@link LibraryActions}). Every library call runs on the background executor; results come back
 * on the UI executor. Knows no scene graph.
 */
public final class LibraryViewModel {

    /** Rows are light records; more than this and the list asks for a narrower search. */
    static final int MAX_ROWS = 50_000;

    private static final long DEBOUNCE_MS = 180;

    private final AnalysisArchive archive;
    private final Connection connection;
    private final ScheduledExecutorService io;
    private final Executor ui;

    private final LibraryFilterState filters = new LibraryFilterState(this, this::refreshSoon);

    private final ObservableList<LibraryEntry> rows = FXCollections.observableArrayList();
    private final ObservableList<ReviewSession> sessions = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper matching = new ReadOnlyIntegerWrapper(this, "matching");
    /** Of the rows shown, how many the phrase found by meaning rather than by its words (listed after those). */
    private final ReadOnlyIntegerWrapper byMeaning = new ReadOnlyIntegerWrapper(this, "byMeaning");

    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(this, "syncing");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final IntegerProperty loads = new SimpleIntegerProperty(this, "loads");

    private final LibraryActions actions;
    private final MeaningSearch meaning;
    private ScheduledFuture<?> pending;
    private int ticket;

    public LibraryViewModel(
            AnalysisArchive archive,
            Connection connection,
            ScheduledExecutorService io,
            Executor ui,
            Consumer<List<Path>> analyse) {
        this.archive = archive;
        this.connection = connection;
        this.io = io;
        this.ui = ui;
        this.actions = new LibraryActions(archive, io, ui, analyse, message::set, this::refresh);
        this.meaning = new MeaningSearch(archive::library);
    }

    public Library library() {
        return archive.library();
    }

    // ---------------------------------------------------------------- the list

    /** The filters as a library query (UI thread). */
    public LibraryQuery query() {
        return filters.query(MAX_ROWS);
    }

    /** Typing and filter changes wait a moment so a burst of keys runs one query. */
    void refreshSoon() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = io.schedule(() -> ui.execute(this::refresh), DEBOUNCE_MS, TimeUnit.MILLISECONDS);
    }

    /** Runs the query now, off the UI thread; a newer query's answer replaces an older one's. */
    public void refresh() {
        var q = query();
        int mine = ++ticket;
        searching.set(true);
        io.execute(() -> {
            try {
                var lib = archive.library();
                var found = new ArrayList<>(lib.search(q));
                int foundByMeaning = SemanticLibrary.isPhrase(q.text()) ? meaning.addCloseInMeaning(lib, q, found) : 0;
                int size = lib.size();
                var allSessions = lib.sessions();
                var allTags = lib.allTags();
                ui.execute(() -> {
                    if (mine != ticket) {
                        return;
                    }
                    rows.setAll(found);
                    matching.set(found.size());
                    byMeaning.set(foundByMeaning);
                    total.set(size);
                    if (!sessions.equals(allSessions)) {
                        sessions.setAll(allSessions); // only on a change: the list keeps its selection and cells
                    }
                    if (!tags.equals(allTags)) {
                        tags.setAll(allTags);
                        filters.keepTagIfKnown(allTags);
                    }
                    // a session picked as filter is refreshed so its counts stay true
                    filters.refreshSessionFilter(allSessions);
                    searching.set(false);
                    loads.set(loads.get() + 1);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (mine == ticket) {
                        searching.set(false);
                        message.set("The library could not be read: " + e.getMessage());
                    }
                });
            }
        });
    }

    /**
     * "More like this": the analyses closest in meaning to {@code id}, closest first, handed to
     * {@code then} on the UI thread (an empty list when there is nothing to compare with).
     */
    public void moreLikeThis(String id, Consumer<List<SemanticLibrary.Neighbour>> then) {
        message.set("Finding analyses like this one…");
        io.execute(() -> {
            try {
                var neighbours = meaning.similar(id);
                ui.execute(() -> {
                    message.set("");
                    then.accept(neighbours);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> message.set("Could not find similar analyses: " + e.getMessage()));
            }
        });
    }

    /** The session's scripts grouped by meaning (theme clusters), handed to {@code then} on the UI thread. */
    public void themeGroups(ReviewSession session, Consumer<List<SemanticLibrary.Cluster>> then) {
        message.set("Grouping the session's scripts by theme…");
        io.execute(() -> {
            try {
                var groups = meaning.clusters(session);
                ui.execute(() -> {
                    message.set("");
                    then.accept(groups);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> message.set("Could not group the scripts: " + e.getMessage()));
            }
        });
    }

    public void clearFilters() {
        filters.clear();
    }

    // ---------------------------------------------------------------- sync

    /** Saves the API's finished analyses that this library lacks. */
    public void sync() {
        var api = connection.api();
        if (api == null) {
            message.set("Not connected: the library will sync when the Sorot API is reachable.");
            return;
        }
        if (syncing.get()) {
            return;
        }
        syncing.set(true);
        message.set("Syncing with the API…");
        io.execute(() -> {
            String said;
            try {
                said = new LibrarySync(archive)
                        .run(api, () -> Thread.currentThread().isInterrupted())
                        .describe();
            } catch (Exception e) {
                said = "Sync failed: " + e.getMessage();
            }
            var text = said;
            ui.execute(() -> {
                syncing.set(false);
                message.set(text);
                refresh();
            });
        });
    }

    // ---------------------------------------------------------------- sessions, imports and exports

    /** A new session (or an existing one of that name) holding {@code ids} in order. */
    public void createSession(String name, List<String> ids, Consumer<ReviewSession> then) {
        actions.createSession(name, ids, then);
    }

    /** A session of every row the current search and filters match. */
    public void createSessionFromFilter(String name, Consumer<ReviewSession> then) {
        actions.createSession(name, query(), then);
    }

    public void addToSession(ReviewSession session, List<String> ids) {
        actions.addToSession(session, ids);
    }

    /**
     * A dropped folder of screenplays: those already analysed join the session (a new one named
     * after the folder when {@code session} is null); the others are queued for analysis.
     */
    public void addFolder(ReviewSession session, Path folder, Consumer<ReviewSession> then) {
        actions.addFolder(session, folder, then);
    }

    /** An analysis finished in the queue: a script from a dropped folder joins its session. UI thread. */
    public void analysisFinished(Path file, String analysisId) {
        actions.analysisFinished(file, analysisId);
    }

    public void setRubric(ReviewSession session, List<ReviewSession.Criterion> rubric) {
        actions.setRubric(session, rubric);
    }

    public void deleteSession(ReviewSession session) {
        filters.forget(session);
        actions.deleteSession(session);
    }

    public void removeFromSession(ReviewSession session, List<String> ids) {
        actions.removeFromSession(session, ids);
    }

    public void exportSessionCsv(ReviewSession session, Path out, Runnable done) {
        actions.exportSessionCsv(session, out, done);
    }

    public void exportSessionPdf(ReviewSession session, Path out, Runnable done) {
        actions.exportSessionPdf(session, out, done);
    }

    public void exportAnalysisPdf(String id, Path out, Runnable done) {
        actions.exportAnalysisPdf(id, out, done);
    }

    public void exportBundle(ReviewSession session, Path out, Runnable done) {
        actions.exportBundle(session, out, done);
    }

    public void exportDecisions(ReviewSession session, Path out, Runnable done) {
        actions.exportDecisions(session, out, done);
    }

    public void importBundle(Path bundle, Consumer<ReviewSession> then) {
        actions.importBundle(bundle, then);
    }

    public void importFilmFreeway(Path csv, String sessionName, Consumer<ReviewSession> then) {
        actions.importFilmFreeway(csv, sessionName, then);
    }

    // ---------------------------------------------------------------- properties

    public StringProperty textProperty() {
        return filters.text;
    }

    public ObjectProperty<String> recommendationProperty() {
        return filters.recommendation;
    }

    public ObjectProperty<Double> minScoreProperty() {
        return filters.minScore;
    }

    public ObjectProperty<Double> maxScoreProperty() {
        return filters.maxScore;
    }

    public StringProperty genreProperty() {
        return filters.genre;
    }

    public ObjectProperty<Boolean> ratedProperty() {
        return filters.rated;
    }

    public BooleanProperty shortlistedOnlyProperty() {
        return filters.shortlistedOnly;
    }

    public ObjectProperty<String> tagProperty() {
        return filters.tag;
    }

    public ObjectProperty<LocalDate> savedFromProperty() {
        return filters.savedFrom;
    }

    public ObjectProperty<LocalDate> savedToProperty() {
        return filters.savedTo;
    }

    public ObjectProperty<ReviewSession> sessionFilterProperty() {
        return filters.sessionFilter;
    }

    public ObservableList<LibraryEntry> rows() {
        return rows;
    }

    public ObservableList<ReviewSession> sessions() {
        return sessions;
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty byMeaningProperty() {
        return byMeaning.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty matchingProperty() {
        return matching.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
    /** What the list says when it has no row: nothing saved yet, no match in the library, or no match in this session. */
    public StringBinding emptyMessageBinding() {
        return filters.emptyMessage;
    }
    /** Counts finished loads: tests and the benchmark wait on it. */
    public IntegerProperty loadsProperty() {
        return loads;
    }

    public void say(String text) {
        message.set(text);
    }
}
