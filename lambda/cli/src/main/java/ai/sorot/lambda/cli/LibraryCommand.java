package ai.sorot.lambda.cli;

import ai.sorot.lambda.library.FilmFreeway;
import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.LibraryQuery;
import ai.sorot.lambda.library.Percentile;
import ai.sorot.lambda.library.ReviewSession;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Verdicts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sorot library ...}: the curator's library from a terminal, on the same file the desktop app uses. */
@Command(
        name = "library",
        mixinStandardHelpOptions = true,
        description = "List, search, export and import the analyses kept in the local library.",
        subcommands = {
            LibraryCommand.ListCommand.class,
            LibrarySearchCommand.class,
            LibrarySimilarCommand.class,
            LibraryClustersCommand.class,
            LibraryCommand.SessionsCommand.class,
            LibraryCommand.ExportCommand.class,
            LibraryCommand.ImportCommand.class
        })
final class LibraryCommand {

    /** Where the library is: {@code --library DIR}, else the Sorot home's. */
    static final class Location {
        @Option(
                names = "--library",
                paramLabel = "DIR",
                description = "The library folder (default: the Sorot home's, $SOROT_HOME/library)")
        Path folder;

        Library open() {
            return Library.open(
                    folder != null
                            ? folder
                            : SorotHome.fromEnvironment().ensureExists().library());
        }
    }

    abstract static class Listing {
        @Mixin
        Location location;

        @Option(names = "--session", paramLabel = "NAME", description = "Only the analyses of this review session")
        String session;

        @Option(
                names = "--sort",
                paramLabel = "COLUMN",
                defaultValue = "saved",
                description =
                        "title, authors, score, recommendation, pages, runtime, rating, verdict, saved, relevance (default: ${DEFAULT-VALUE})")
        LibraryQuery.Sort sort;

        @Option(names = "--asc", description = "Ascending order (default: descending)")
        boolean ascending;

        @Option(
                names = "--recommendation",
                paramLabel = "VERDICT",
                split = ",",
                description =
                        "Only these model recommendations: recommend, consider, pass, not-judged (no model read it); "
                                + "repeat or separate with commas")
        List<String> recommendations;

        @Option(
                names = "--limit",
                defaultValue = "50",
                description = "At most this many rows (default: ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Spec
        CommandSpec spec;

        int print(LibraryQuery query) throws Exception {
            try (var library = location.open()) {
                var q = query.sortedBy(sort, !ascending)
                        .page(limit, 0)
                        .withRecommendations(RecommendationFilter.parse(recommendations));
                ReviewSession s = null;
                if (session != null) {
                    s = library.session(session)
                            .orElseThrow(() ->
                                    new SorotException(ErrorCode.NOT_FOUND, "No session named \"" + session + "\"."));
                    q = q.inSession(s.id());
                }
                var rows = library.search(q);
                var out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
                } else {
                    table(out, library, rows, s);
                    out.printf("%d of %d%n", rows.size(), library.count(q));
                }
                return 0;
            }
        }

        private static void table(PrintWriter out, Library library, List<LibraryEntry> rows, ReviewSession session) {
            out.printf(
                    "%-34s %-22s %5s %-10s %5s %-16s %-7s %-8s%n",
                    "TITLE", "AUTHORS", "PAGES", "MODEL", "SCORE", "RANK", "RATING", "VERDICT");
            if (rows.stream().anyMatch(e -> e.recommendation() == null)) {
                out.println("(Not judged: no model read that script. " + Verdicts.HOW_TO_JUDGE + ")");
            }
            for (var e : rows) {
                var rank = session == null
                        ? library.percentileInLibrary(e.id())
                        : library.percentileInSession(e.id(), session.id());
                out.printf(
                        "%-34s %-22s %5s %-10s %5s %-16s %-7s %-8s%n",
                        clip(e.title(), 34),
                        clip(e.authors(), 22),
                        e.pages() == null ? "" : e.pages(),
                        e.recommendation() == null ? "Not judged" : e.recommendation(),
                        e.aiScore() == null ? "" : Math.round(e.aiScore()),
                        rank.map(Percentile::label).orElse(""),
                        e.rating() == null ? "" : "*".repeat(e.rating()),
                        e.verdict() == null ? "" : e.verdict());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the library, newest first.")
    static final class ListCommand extends Listing implements Callable<Integer> {
        @Option(names = "--shortlisted", description = "Only shortlisted analyses")
        boolean shortlisted;

        @Override
        public Integer call() throws Exception {
            return print(shortlisted ? LibraryQuery.ALL.withShortlisted(true) : LibraryQuery.ALL);
        }
    }

    static double round(double similarity) {
        return Math.round(similarity * 1000) / 1000.0;
    }

    static String clip(String text, int width) {
        return TerminalText.clip(text, width);
    }

    @Command(name = "sessions", mixinStandardHelpOptions = true, description = "List the review sessions.")
    static final class SessionsCommand implements Callable<Integer> {
        @Mixin
        Location location;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var library = location.open()) {
                var out = spec.commandLine().getOut();
                for (var s : library.sessions()) {
                    out.printf("%-40s %d of %d reviewed%n", TerminalText.safe(s.name()), s.reviewed(), s.size());
                }
                return 0;
            }
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description =
                    "Export a session (or the whole library) as CSV, a PDF report or a bundle for a co-programmer.")
    static final class ExportCommand implements Callable<Integer> {
        @Mixin
        Location location;

        @Option(
                names = "--session",
                paramLabel = "NAME",
                description = "The session to export (CSV: default the whole library)")
        String session;

        @Option(
                names = "--csv",
                paramLabel = "FILE",
                description =
                        "Write a CSV: title, authors, pages, runtime, AI recommendation and scores, rating, verdict, notes, tags")
        Path csv;

        @Option(names = "--pdf", paramLabel = "FILE", description = "Write a PDF report of the session")
        Path pdf;

        @Option(names = "--analysis", paramLabel = "ID", description = "With --pdf: one analysis instead of a session")
        String analysis;

        @Option(
                names = "--bundle",
                paramLabel = "FILE",
                description = "Write a session bundle (zip of reports, audio and reviews)")
        Path bundle;

        @Option(
                names = "--filmfreeway",
                paramLabel = "FILE",
                description = "Write the session's decisions as a FilmFreeway CSV keyed by submission id")
        Path filmfreeway;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (csv == null && pdf == null && bundle == null && filmfreeway == null) {
                throw new SorotException(
                        ErrorCode.MISSING_FIELD, "Say what to write: --csv, --pdf, --bundle or --filmfreeway FILE.");
            }
            try (var library = location.open()) {
                Long sessionId = session == null
                        ? null
                        : library.session(session)
                                .orElseThrow(() -> new SorotException(
                                        ErrorCode.NOT_FOUND, "No session named \"" + session + "\"."))
                                .id();
                var out = spec.commandLine().getOut();
                if (csv != null) {
                    library.exportCsv(sessionId, csv);
                    out.println("wrote " + csv);
                }
                if (pdf != null) {
                    if (analysis != null) {
                        library.exportAnalysisPdf(analysis, pdf);
                    } else {
                        library.exportSessionPdf(required(sessionId, "--pdf"), pdf);
                    }
                    out.println("wrote " + pdf);
                }
                if (bundle != null) {
                    library.exportBundle(required(sessionId, "--bundle"), bundle);
                    out.println("wrote " + bundle);
                }
                if (filmfreeway != null) {
                    FilmFreeway.exportDecisions(library, required(sessionId, "--filmfreeway"), filmfreeway);
                    out.println("wrote " + filmfreeway);
                }
                return 0;
            } catch (java.io.IOException e) {
                throw new SorotException(ErrorCode.INTERNAL, "The export could not be written: " + e.getMessage(), e);
            }
        }

        private static long required(Long sessionId, String option) {
            if (sessionId == null) {
                throw new SorotException(ErrorCode.MISSING_FIELD, option + " needs --session NAME.");
            }
            return sessionId;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import a session bundle from a co-programmer, or a FilmFreeway submissions export.")
    static final class ImportCommand implements Callable<Integer> {
        @Mixin
        Location location;

        @Parameters(paramLabel = "FILE", description = "A .zip session bundle, or with --filmfreeway a submissions CSV")
        Path file;

        @Option(names = "--filmfreeway", description = "FILE is FilmFreeway's submissions CSV export")
        boolean filmfreeway;

        @Option(
                names = "--session",
                paramLabel = "NAME",
                description = "With --filmfreeway: the session to build (default: the file name)")
        String session;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (var library = location.open()) {
                var out = spec.commandLine().getOut();
                if (filmfreeway) {
                    var name = session != null
                            ? session
                            : file.getFileName().toString().replaceAll("\\.csv$", "");
                    var s = FilmFreeway.importSubmissions(library, file, name);
                    var submissions = FilmFreeway.submissions(library, s.id());
                    long matched = submissions.stream()
                            .filter(x -> x.analysisId() != null)
                            .count();
                    out.printf(
                            "session \"%s\": %d submissions, %d matched to analyses in the library%n",
                            TerminalText.safe(s.name()), submissions.size(), matched);
                } else {
                    var s = library.importBundle(file);
                    out.printf("session \"%s\": %d analyses%n", TerminalText.safe(s.name()), s.size());
                }
                return 0;
            }
        }
    }
}
