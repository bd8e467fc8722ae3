package ai.sorot.lambda.cli;

import static ai.sorot.lambda.cli.LibraryCommand.clip;
import static ai.sorot.lambda.cli.LibraryCommand.round;

import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.SemanticLibrary;
import ai.sorot.model.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sorot library similar}: the analyses closest in meaning to one. */
@Command(
        name = "similar",
        mixinStandardHelpOptions = true,
        description = {
            "The analyses closest in meaning to one, with the cosine similarity of their embeddings (1 is the same, 0 unrelated).",
            "Runs on this computer (all-MiniLM-L6-v2); the first use embeds the analyses saved before."
        })
final class LibrarySimilarCommand implements Callable<Integer> {
    @Mixin
    LibraryCommand.Location location;

    @Parameters(index = "0", paramLabel = "ID", description = "The analysis id (as library list --json shows it)")
    String id;

    @Option(names = "--limit", defaultValue = "10", description = "At most this many (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (var library = location.open()) {
            var neighbours = new SemanticLibrary(library).similar(id, limit);
            var out = spec.commandLine().getOut();
            if (json) {
                var array = Json.mapper().createArrayNode();
                for (var n : neighbours) {
                    var node = (com.fasterxml.jackson.databind.node.ObjectNode)
                            Json.mapper().valueToTree(n.entry());
                    node.put("similarity", round(n.similarity()));
                    array.add(node);
                }
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
                return 0;
            }
            var self = library.entry(id).map(LibraryEntry::title).orElse(id);
            out.printf("Closest in meaning to %s:%n", self);
            for (var n : neighbours) {
                out.printf(
                        "  similarity %.2f  %-34s %-22s%n",
                        n.similarity(),
                        clip(n.entry().title(), 34),
                        clip(n.entry().authors(), 22));
            }
            if (neighbours.isEmpty()) {
                out.println("  nothing to compare with: the library has no other analysis with text to embed");
            }
            return 0;
        }
    }
}
