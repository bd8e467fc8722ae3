package ai.sorot.lambda.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The read-only shared folder (open-licence corpus, real scripts read at run time only, bench
 * tools), found as bench/lib/shared.sh finds it: $SOROT_SHARED, else "shared" beside the
 * repository, else beside the main checkout when this is a git worktree. Empty where there is none:
 * the tests that need it skip.
 */
public final class SharedFolder {

    private SharedFolder() {}

    public static Optional<Path> locate() {
        var named = System.getenv("SOROT_SHARED");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isDirectory);
        }
        // tests run in their module's folder, somewhere below the repository root
        var repository = repositoryRoot();
        if (repository == null) {
            return Optional.empty();
        }
        var beside = repository.resolveSibling("shared");
        if (Files.isDirectory(beside)) {
            return Optional.of(beside);
        }
        return mainCheckout(repository)
                .map(main -> main.resolveSibling("shared"))
                .filter(Files::isDirectory);
    }

    /** The repository root: the nearest folder up from the working directory that holds shared-model. */
    public static Path repositoryRoot() {
        for (var folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve("shared-model")) && Files.isRegularFile(folder.resolve("pom.xml"))) {
                return folder;
            }
        }
        return null;
    }

    /** A worktree's .git is a file "gitdir: MAIN/.git/worktrees/NAME". */
    private static Optional<Path> mainCheckout(Path repository) {
        var git = repository.resolve(".git");
        if (!Files.isRegularFile(git)) {
            return Optional.empty();
        }
        try {
            var line = Files.readString(git).strip();
            if (!line.startsWith("gitdir:")) {
                return Optional.empty();
            }
            var gitDir = repository
                    .resolve(line.substring("gitdir:".length()).strip())
                    .normalize();
            for (var p = gitDir; p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals(".git")) {
                    return Optional.ofNullable(p.getParent());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
