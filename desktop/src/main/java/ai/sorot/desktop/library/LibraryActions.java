package ai.sorot.desktop.library;

import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.lambda.library.FilmFreeway;
import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.LibraryQuery;
import ai.sorot.lambda.library.ReviewSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The library-wide edits behind the library page: sessions (create, fill, score card, delete),
 * dropped folders, imports and exports. Each runs in order with the other edits on the serial
 * writer; its outcome is said on the UI thread and the list is reloaded after it.
 */
final class LibraryActions {

    private final AnalysisArchive archive;
    private final Executor io;
    private final Executor ui;
    private final Executor writes;
    private final Consumer<List<Path>> analyse;
    private final Consumer<String> say;
    private final Runnable reload;

    /** Screenplays of a dropped folder sent for analysis, by file, with the session they join once analysed. */
    private final PendingSessionLinks awaiting;

    /**
     * {@code say} shows a message and {@code reload} reloads the list, both called on the UI
     * thread; {@code analyse} queues screenplays for analysis.
     */
    LibraryActions(
            AnalysisArchive archive,
            Executor io,
            Executor ui,
            Consumer<List<Path>> analyse,
            Consumer<String> say,
            Runnable reload) {
        this.archive = archive;
        this.io = io;
        this.ui = ui;
        this.writes = new SerialExecutor(io);
        this.analyse = analyse;
        this.say = say;
        this.reload = reload;
        this.awaiting = PendingSessionLinks.in(archive.library().folder());
    }

    // ---------------------------------------------------------------- sessions

    void createSession(String name, List<String> ids, Consumer<ReviewSession> then) {
        run("Session \"" + name + "\" saved.", lib -> sessionOf(lib, name, ids), then);
    }

    /** A session of every row {@code query} matches, searched when the edit runs. */
    void createSession(String name, LibraryQuery query, Consumer<ReviewSession> then) {
        run(
                "Session \"" + name + "\" saved.",
                lib -> sessionOf(
                        lib,
                        name,
                        lib.search(query).stream().map(LibraryEntry::id).toList()),
                then);
    }

    private static ReviewSession sessionOf(Library lib, String name, List<String> ids) {
        var s = lib.createSession(name, List.of());
        lib.addToSession(s.id(), ids);
        return lib.session(s.id()).orElseThrow();
    }

    void addToSession(ReviewSession session, List<String> ids) {
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
    void addFolder(ReviewSession session, Path folder, Consumer<ReviewSession> then) {
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
                    say.accept(
                            result.matched().size() + " matched in \"" + name + "\""
                                    + (result.unknown().isEmpty()
                                            ? "."
                                            : "; " + result.unknown().size()
                                                    + " not in the library yet, queued for analysis; they join the session when done."));
                    if (!result.unknown().isEmpty()) {
                        analyse.accept(result.unknown());
                    }
                    reload.run();
                    if (then != null) {
                        then.accept(fresh);
                    }
                });
            } catch (Exception e) {
                ui.execute(() -> say.accept("The folder could not be read: " + e.getMessage()));
            }
        });
    }

    /** An analysis finished in the queue: a script from a dropped folder joins its session. */
    void analysisFinished(Path file, String analysisId) {
        if (file == null || analysisId == null) {
            return;
        }
        writes.execute(() -> {
            try {
                var sessionId = awaiting.take(file);
                var lib = archive.library();
                // the session may have been deleted meanwhile
                var session =
                        sessionId.isPresent() ? lib.session(sessionId.getAsLong()) : Optional.<ReviewSession>empty();
                if (session.isPresent()) {
                    lib.addToSession(session.get().id(), List.of(analysisId));
                    ui.execute(() -> {
                        say.accept(file.getFileName() + " joined \""
                                + session.get().name() + "\".");
                        reload.run();
                    });
                }
            } catch (RuntimeException e) {
                ui.execute(() -> say.accept(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
    }

    void setRubric(ReviewSession session, List<ReviewSession.Criterion> rubric) {
        run(
                "Score card of \"" + session.name() + "\" saved.",
                lib -> {
                    lib.setRubric(session.id(), rubric);
                    return null;
                },
                null);
    }

    void deleteSession(ReviewSession session) {
        run(
                "Session \"" + session.name() + "\" deleted (its analyses stay in the library).",
                lib -> {
                    lib.deleteSession(session.id());
                    return null;
                },
                null);
    }

    void removeFromSession(ReviewSession session, List<String> ids) {
        run(
                "Removed from \"" + session.name() + "\".",
                lib -> {
                    ids.forEach(id -> lib.removeFromSession(session.id(), id));
                    return null;
                },
                null);
    }

    // ---------------------------------------------------------------- imports and exports

    void exportSessionCsv(ReviewSession session, Path out, Runnable done) {
        write(
                "Wrote " + out.getFileName() + ".",
                lib -> lib.exportCsv(session == null ? null : session.id(), out),
                done);
    }

    void exportSessionPdf(ReviewSession session, Path out, Runnable done) {
        write("Wrote " + out.getFileName() + ".", lib -> lib.exportSessionPdf(session.id(), out), done);
    }

    void exportAnalysisPdf(String id, Path out, Runnable done) {
        write("Wrote " + out.getFileName() + ".", lib -> lib.exportAnalysisPdf(id, out), done);
    }

    void exportBundle(ReviewSession session, Path out, Runnable done) {
        write("Wrote " + out.getFileName() + ".", lib -> lib.exportBundle(session.id(), out), done);
    }

    void exportDecisions(ReviewSession session, Path out, Runnable done) {
        write(
                "Wrote " + out.getFileName() + " (decisions by FilmFreeway submission id).",
                lib -> FilmFreeway.exportDecisions(lib, session.id(), out),
                done);
    }

    void importBundle(Path bundle, Consumer<ReviewSession> then) {
        run("Imported " + bundle.getFileName() + ".", lib -> lib.importBundle(bundle), then);
    }

    void importFilmFreeway(Path csv, String sessionName, Consumer<ReviewSession> then) {
        run(
                "Imported the FilmFreeway submissions into \"" + sessionName + "\".",
                lib -> FilmFreeway.importSubmissions(lib, csv, sessionName),
                then);
    }

    // ---------------------------------------------------------------- the writer

    private interface LibraryWork<T> {
        T run(Library library) throws Exception;
    }

    private interface LibraryExport {
        void run(Library library) throws Exception;
    }

    /** An export: {@code done} runs on the UI thread once the file is written. */
    private void write(String success, LibraryExport export, Runnable done) {
        run(
                success,
                lib -> {
                    export.run(lib);
                    return null;
                },
                written -> done.run());
    }

    /** A library action in order with the other edits; the list is reloaded after it. */
    private <T> void run(String success, LibraryWork<T> work, Consumer<T> then) {
        writes.execute(() -> {
            try {
                T result = work.run(archive.library());
                ui.execute(() -> {
                    say.accept(success);
                    reload.run();
                    if (then != null) {
                        then.accept(result);
                    }
                });
            } catch (Exception e) {
                ui.execute(() -> say.accept(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
    }
}
