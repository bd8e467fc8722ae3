package ai.sorot.lambda.cli;

import static ai.sorot.lambda.cli.LibraryCommand.clip;
import static ai.sorot.lambda.cli.LibraryCommand.round;

import ai.sorot.lambda.library.LibraryQuery;
import ai.sorot.lambda.library.SemanticLibrary;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sorot library search}: the analyses a phrase finds by its words, then by meaning. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Full-text search over titles, authors, loglines, synopses, notes and tags, then the analyses "
                    + "closest in meaning to the phrase (\"a road movie about grief\") that the words did not find.",
            "The meaning search runs on this computer (all-MiniLM-L6-v2); the first use embeds the analyses saved before."
        })
final class LibrarySearchCommand extends LibraryCommand.Listing implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "WORD")
    List<String> words;

    @Option(names = "--words-only", description = "Only the full-text matches, no search by meaning")
    boolean wordsOnly;

    @Override
    public Integer call() throws Exception {
        if (sort == LibraryQuery.Sort.SAVED) {
            sort = LibraryQuery.Sort.RELEVANCE;
        }
        var phrase = String.join(" ", words);
        if (!LibraryQuery.ALL.withText(phrase).hasWords()) {
            // "search" with only punctuation would match everything: say so instead of listing the library
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER,
                    "\"" + TerminalText.clip(phrase, 40)
                            + "\" has no words to search for; use `./sorot library list` to see everything.");
        }
        if (wordsOnly) {
            return print(LibraryQuery.ALL.withText(phrase));
        }
        try (var library = location.open()) {
            Long sessionId = null;
            if (session != null) {
                sessionId = library.session(session)
                        .orElseThrow(
                                () -> new SorotException(ErrorCode.NOT_FOUND, "No session named \"" + session + "\"."))
                        .id();
            }
            var hits = new SemanticLibrary(library).search(phrase, sessionId, limit);
            var out = spec.commandLine().getOut();
            if (json) {
                var array = Json.mapper().createArrayNode();
                for (var h : hits) {
                    var node = Json.mapper().valueToTree(h.entry());
                    ((com.fasterxml.jackson.databind.node.ObjectNode) node)
                            .put("match", h.match().name().toLowerCase(Locale.ROOT));
                    if (h.similarity() != null) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) node)
                                .put("similarity", round(h.similarity()));
                    }
                    array.add(node);
                }
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
                return 0;
            }
            out.printf("%-34s %-22s %5s  %s%n", "TITLE", "AUTHORS", "PAGES", "FOUND BY");
            for (var h : hits) {
                var e = h.entry();
                out.printf(
                        "%-34s %-22s %5s  %s%n",
                        clip(e.title(), 34),
                        clip(e.authors(), 22),
                        e.pages() == null ? "" : e.pages(),
                        h.match() == SemanticLibrary.Match.WORDS
                                ? "words"
                                : String.format(Locale.ROOT, "meaning, similarity %.2f", h.similarity()));
            }
            long byWords = hits.stream()
                    .filter(h -> h.match() == SemanticLibrary.Match.WORDS)
                    .count();
            out.printf(
                    "%d of %d matched by words, %d more close in meaning (similarity %.2f or more)%n",
                    byWords,
                    library.count(
                            sessionId == null
                                    ? LibraryQuery.ALL.withText(phrase)
                                    : LibraryQuery.ALL.withText(phrase).inSession(sessionId)),
                    hits.size() - byWords,
                    SemanticLibrary.PHRASE_THRESHOLD);
            return 0;
        }
    }
}
