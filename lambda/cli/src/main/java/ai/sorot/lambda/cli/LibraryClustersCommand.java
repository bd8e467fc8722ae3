package ai.sorot.lambda.cli;

import static ai.sorot.lambda.cli.LibraryCommand.clip;

import ai.sorot.lambda.library.SemanticLibrary;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sorot library clusters}: the analyses grouped by meaning. */
@Command(
        name = "clusters",
        mixinStandardHelpOptions = true,
        description = {
            "Groups the analyses (of a session, or the whole library) by meaning: k-means on their embeddings, "
                    + "each group named by the themes and genres its reports name most (with counts)."
        })
final class LibraryClustersCommand implements Callable<Integer> {
    @Mixin
    LibraryCommand.Location location;

    @Option(names = "--session", paramLabel = "NAME", description = "Only the analyses of this review session")
    String session;

    @Option(
            names = "--groups",
            defaultValue = "5",
            description = "At most this many groups (default: ${DEFAULT-VALUE})")
    int groups;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var library = location.open()) {
            Long sessionId = null;
            if (session != null) {
                sessionId = library.session(session)
                        .orElseThrow(
                                () -> new SorotException(ErrorCode.NOT_FOUND, "No session named \"" + session + "\"."))
                        .id();
            }
            var out = spec.commandLine().getOut();
            for (var c : new SemanticLibrary(library).clusters(sessionId, Math.max(1, groups))) {
                out.printf("%s: %d%n", c.label(), c.members().size());
                for (var e : c.members()) {
                    out.printf("  %s%n", clip(e.title(), 70));
                }
            }
            return 0;
        }
    }
}
