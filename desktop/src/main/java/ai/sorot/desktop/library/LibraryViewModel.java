package ai.sorot.desktop.library;

import ai.sorot.desktop.connection.Connection;
import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.lambda.library.FilmFreeway;
import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.LibraryQuery;
import ai.sorot.lambda.library.ReviewSession;
import ai.sorot.lambda.library.SemanticLibrary;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The library page's state: the search and filters, the rows they match, the sessions, and the
 * library-wide actions (sync, sessions, imports, exports). Every library call runs on the
 * background executor; results come back on the UI executor. Knows no scene graph.
 */
public final class LibraryViewModel {

    /** Rows are light records; more than this and the list asks for a narrower search. */
    static final int MAX_ROWS = 50_000;

    private static final long DEBOUNCE_MS = 180;

    private final AnalysisArchive archive;
    private final Connection connection;
    private final ScheduledExecutorService io;
    private final Executor ui;
    private final Executor writes;
    private final Consumer<List<Path>> analyse;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<String> recommendation = new SimpleObjectProperty<>(this, "recommendation");
    private final ObjectProperty<Double> minScore = new SimpleObjectProperty<>(this, "minScore");
    private final ObjectProperty<Double> maxScore = new SimpleObjectProperty<>(this, "maxScore");
    private final StringProperty genre = new SimpleStringProperty(this, "genre", "");
    private final ObjectProperty<Boolean> rated = new SimpleObjectProperty<>(this, "rated");
    private final BooleanProperty shortlistedOnly = new SimpleBooleanProperty(this, "shortlistedOnly");
    private final ObjectProperty<String> tag = new SimpleObjectProperty<>(this, "tag");
    private final ObjectProperty<LocalDate> savedFrom = new SimpleObjectProperty<>(this, "savedFrom");
    private final ObjectProperty<LocalDate> savedTo = new SimpleObjectProperty<>(this, "savedTo");
    private final ObjectProperty<ReviewSession> sessionFilter = new SimpleObjectProperty<>(this, "sessionFilter");

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

    /** What the table says when no row shows: why it is empty, for the search and session at hand. */
    private final StringBinding emptyMessage = Bindings.createStringBinding(
            this::emptyText,
            text,
            recommendation,
            minScore,
            maxScore,
            genre,
            rated,
            shortlistedOnly,
            tag,
            savedFrom,
            savedTo,
            sessionFilter);

    /** Screenplays of a dropped folder sent for analysis, by file, with the session they join once analysed. */
    private final PendingSessionLinks awaiting;

    private ScheduledFuture<?> pending;
    private final MeaningSearch meaning;
    private int ticket;
    private boolean quiet;

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
        this.writes = new SerialExecutor(io);
        this.analyse = analyse;
        this.awaiting = PendingSessionLinks.in(archive.library().folder());
        this.meaning = new MeaningSearch(archive::library);
        for (Observable filter : List.of(
                text,
                recommendation,
                minScore,
                maxScore,
                genre,
                rated,
                shortlistedOnly,
                tag,
                savedFrom,
                savedTo,
                sessionFilter)) {
            filter.addListener(o -> {
                if (!quiet) {
                    refreshSoon();
                }
            });
        }
    }

    public Library library() {
        return archive.library();
    }

    // ---------------------------------------------------------------- the list

    /** The filters as a library query (UI thread). */
    public LibraryQuery query() {
        var q = LibraryQuery.ALL
                .withText(text.get() == null || text.get().isBlank() ? null : text.get())
                .withRecommendations(recommendation.get() == null ? Set.of() : Set.of(recommendation.get()))
                .withScore(minScore.get(), maxScore.get())
                .withGenre(genre.get() == null || genre.get().isBlank() ? null : genre.get())
                .withRated(rated.get())
                .withShortlisted(shortlistedOnly.get() ? Boolean.TRUE : null)
                .withTags(tag.get() == null ? Set.of() : Set.of(tag.get()))
                .withSaved(
                        start(savedFrom.get()),
                        savedTo.get() == null ? null : start(savedTo.get().plusDays(1)))
                .inSession(
                        sessionFilter.get() == null ? null : sessionFilter.get().id());
        boolean words = q.text() != null && q.text().codePoints().anyMatch(Character::isLetterOrDigit);
        return q.sortedBy(words ? LibraryQuery.Sort.RELEVANCE : LibraryQuery.Sort.SAVED, true)
                .page(MAX_ROWS, 0);
    }

    private static Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneId.systemDefault()).toInstant();
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
                var found = new java.util.ArrayList<>(lib.search(q));
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
                        var chosen = tag.get();
                        tags.setAll(allTags);
                        tag.set(chosen != null && allTags.contains(chosen) ? chosen : null);
                    }
                    // a session picked as filter is refreshed so its counts stay true
                    var current = sessionFilter.get();
                    if (current != null) {
                        allSessions.stream()
                                .filter(s -> s.id() == current.id())
                                .findFirst()
                                .ifPresentOrElse(
                                        s -> {
                                            if (!s.equals(current)) {
                                                sessionFilterQuietly(s);
                                            }
                                        },
                                        () -> sessionFilter.set(null));
                    }
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

    private void sessionFilterQuietly(ReviewSession s) {
        // same session, fresher counts: no new query
        quiet = true;
        try {
            sessionFilter.set(s);
        } finally {
            quiet = false;
        }
    }

    public void clearFilters() {
        text.set("");
        recommendation.set(null);
        minScore.set(null);
        maxScore.set(null);
        genre.set("");
        rated.set(null);
        shortlistedOnly.set(false);
        tag.set(null);
        savedFrom.set(null);
        savedTo.set(null);
        sessionFilter.set(null);
    }

    private String emptyText() {
        boolean narrowed = text.get() != null && !text.get().isBlank()
                || recommendation.get() != null
                || minScore.get() != null
                || maxScore.get() != null
                || genre.get() != null && !genre.get().isBlank()
                || rated.get() != null
                || shortlistedOnly.get()
                || tag.get() != null
                || savedFrom.get() != null
                || savedTo.get() != null;
        if (sessionFilter.get() != null) {
            return narrowed
                    ? "No match in this session."
                    : "This session is empty: select analyses and choose Add to session.";
        }
        return narrowed
                ? "No match in the library."
                : "Nothing here yet: every analysis you run is saved to the library.";
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

    // ---------------------------------------------------------------- sessions

    /** A new session (or an existing one of that name) holding {@code ids} in order. */
    public void createSession(String name, List<String> ids, Consumer<ReviewSession> then) {
        run(
                "Session \"" + name + "\" saved.",
                lib -> {
                    var s = lib.createSession(name, List.of());
                    lib.addToSession(s.id(), ids);
                    return lib.session(s.id()).orElseThrow();
                },
                then);
    }

    /** A session of every row the current search and filters match. */
    public void createSessionFromFilter(String name, Consumer<ReviewSession> then) {
        var q = query();
        run(
                "Session \"" + name + "\" saved.",
                lib -> {
                    var ids = lib.search(q).stream().map(LibraryEntry::id).toList();
                    var s = lib.createSession(name, List.of());
                    lib.addToSession(s.id(), ids);
                    return lib.session(s.id()).orElseThrow();
                },
                then);
    }

    public void addToSession(ReviewSession session, List<String> ids) {
        run(
                ids.size() == 1
                        ? "Added to \"" + session.name() + "\"."
                        : "Added " + ids.size() + " to \"" + session.name() + "\".",
                lib -> {
                    lib.addToSession(session.id(), ids);
                    return null;
                },
                null);
    }

    /**
     * A dropped folder of screenplays: those already analysed join the session (a new one named
     * after the folder when {@code session} is null); the others are queued for analysis.
     */
    public void addFolder(ReviewSession session, Path folder, Consumer<ReviewSession> then) {
        var name = session != null ? session.name() : folder.getFileName().toString();
        io.execute(() -> {
            try {
                var lib = archive.library();
                var result = FolderMatch.match(
                        FolderMatch.screenplays(folder), lib.search(LibraryQuery.ALL.page(1_000_000, 0)));
                var s = session != null ? session : lib.createSession(name, List.of());
                lib.addToSession(s.id(), result.matched());
                var fresh = lib.session(s.id()).orElseThrow();
                result.unknown().forEach(file -> awaiting.put(file, fresh.id()));
                ui.execute(() -> {
                    message.set(
                            result.matched().size() + " matched in \"" + name + "\""
                                    + (result.unknown().isEmpty()
                                            ? "."
                                            : "; " + result.unknown().size()
                                                    + " not in the library yet, queued for analysis; they join the session when done."));
                    if (!result.unknown().isEmpty()) {
                        analyse.accept(result.unknown());
                    }
                    refresh();
                    if (then != null) {
                        then.accept(fresh);
                    }
                });
            } catch (Exception e) {
                ui.execute(() -> message.set("The folder could not be read: " + e.getMessage()));
            }
        });
    }

    /** An analysis finished in the queue: a script from a dropped folder joins its session. UI thread. */
    public void analysisFinished(Path file, String analysisId) {
        if (file == null || analysisId == null) {
            return;
        }
        writes.execute(() -> {
            try {
                var sessionId = awaiting.take(file);
                var lib = archive.library();
                // the session may have been deleted meanwhile
                var session = sessionId.isPresent()
                        ? lib.session(sessionId.getAsLong())
                        : java.util.Optional.<ReviewSession>empty();
                if (session.isPresent()) {
                    lib.addToSession(session.get().id(), List.of(analysisId));
                    ui.execute(() -> {
                        message.set(file.getFileName() + " joined \""
                                + session.get().name() + "\".");
                        refresh();
                    });
                }
            } catch (RuntimeException e) {
                ui.execute(() -> message.set(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
    }

    public void setRubric(ReviewSession session, List<ReviewSession.Criterion> rubric) {
        run(
                "Score card of \"" + session.name() + "\" saved.",
                lib -> {
                    lib.setRubric(session.id(), rubric);
                    return null;
                },
                null);
    }

    public void deleteSession(ReviewSession session) {
        if (sessionFilter.get() != null && sessionFilter.get().id() == session.id()) {
            sessionFilter.set(null);
        }
        run(
                "Session \"" + session.name() + "\" deleted (its analyses stay in the library).",
                lib -> {
                    lib.deleteSession(session.id());
                    return null;
                },
                null);
    }

    public void removeFromSession(ReviewSession session, List<String> ids) {
        run(
                "Removed from \"" + session.name() + "\".",
                lib -> {
                    ids.forEach(id -> lib.removeFromSession(session.id(), id));
                    return null;
                },
                null);
    }

    // ---------------------------------------------------------------- imports and exports

    public void exportSessionCsv(ReviewSession session, Path out, Runnable done) {
        run(
                "Wrote " + out.getFileName() + ".",
                lib -> {
                    lib.exportCsv(session == null ? null : session.id(), out);
                    return null;
                },
                r -> done.run());
    }

    public void exportSessionPdf(ReviewSession session, Path out, Runnable done) {
        run(
                "Wrote " + out.getFileName() + ".",
                lib -> {
                    lib.exportSessionPdf(session.id(), out);
                    return null;
                },
                r -> done.run());
    }

    public void exportAnalysisPdf(String id, Path out, Runnable done) {
        run(
                "Wrote " + out.getFileName() + ".",
                lib -> {
                    lib.exportAnalysisPdf(id, out);
                    return null;
                },
                r -> done.run());
    }

    public void exportBundle(ReviewSession session, Path out, Runnable done) {
        run(
                "Wrote " + out.getFileName() + ".",
                lib -> {
                    lib.exportBundle(session.id(), out);
                    return null;
                },
                r -> done.run());
    }

    public void exportDecisions(ReviewSession session, Path out, Runnable done) {
        run(
                "Wrote " + out.getFileName() + " (decisions by FilmFreeway submission id).",
                lib -> {
                    FilmFreeway.exportDecisions(lib, session.id(), out);
                    return null;
                },
                r -> done.run());
    }

    public void importBundle(Path bundle, Consumer<ReviewSession> then) {
        run("Imported " + bundle.getFileName() + ".", lib -> lib.importBundle(bundle), then);
    }

    public void importFilmFreeway(Path csv, String sessionName, Consumer<ReviewSession> then) {
        run(
                "Imported the FilmFreeway submissions into \"" + sessionName + "\".",
                lib -> FilmFreeway.importSubmissions(lib, csv, sessionName),
                then);
    }

    private interface LibraryWork<T> {
        T run(Library library) throws Exception;
    }

    /** A library action in order with the other edits; the list is refreshed after it. */
    private <T> void run(String success, LibraryWork<T> work, Consumer<T> then) {
        writes.execute(() -> {
            try {
                T result = work.run(archive.library());
                ui.execute(() -> {
                    message.set(success);
                    refresh();
                    if (then != null) {
                        then.accept(result);
                    }
                });
            } catch (Exception e) {
                ui.execute(() -> message.set(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
    }

    // ---------------------------------------------------------------- properties

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<String> recommendationProperty() {
        return recommendation;
    }

    public ObjectProperty<Double> minScoreProperty() {
        return minScore;
    }

    public ObjectProperty<Double> maxScoreProperty() {
        return maxScore;
    }

    public StringProperty genreProperty() {
        return genre;
    }

    public ObjectProperty<Boolean> ratedProperty() {
        return rated;
    }

    public BooleanProperty shortlistedOnlyProperty() {
        return shortlistedOnly;
    }

    public ObjectProperty<String> tagProperty() {
        return tag;
    }

    public ObjectProperty<LocalDate> savedFromProperty() {
        return savedFrom;
    }

    public ObjectProperty<LocalDate> savedToProperty() {
        return savedTo;
    }

    public ObjectProperty<ReviewSession> sessionFilterProperty() {
        return sessionFilter;
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
        return emptyMessage;
    }
    /** Counts finished loads: tests and the benchmark wait on it. */
    public IntegerProperty loadsProperty() {
        return loads;
    }

    public void say(String text) {
        message.set(text);
    }
}
