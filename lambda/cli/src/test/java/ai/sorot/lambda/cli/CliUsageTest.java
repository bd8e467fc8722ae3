package ai.sorot.lambda.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.support.SharedFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user types from the README, and the typos they make, through the CLI's real command line. */
class CliUsageTest {

    @TempDir
    Path dir;

    private record Run(int status, String output) {}

    private static Run run(String... args) {
        var out = new StringWriter();
        var cli = SorotCli.commandLine(args); // as main builds it
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int status = cli.execute(args);
        return new Run(status, out.toString());
    }

    @Test
    void aCommandNamedFirstIsBuiltAloneAndAnythingElseGetsTheWholeCommandLine() {
        assertThat(SorotCli.commandLine(new String[] {"parse", "x.pdf"}).getSubcommands())
                .containsOnlyKeys("parse");
        assertThat(SorotCli.commandLine(new String[] {"analyse", "x.pdf"}).getSubcommands())
                .containsOnlyKeys("analyze", "analyse");
        assertThat(SorotCli.commandLine(new String[] {"help", "parse"}).getSubcommands())
                .containsKeys("parse", "serve", "library", "help");
        assertThat(SorotCli.commandLine(new String[] {"pars"}).getSubcommands()).containsKeys("parse", "serve");
        assertThat(run("parse", "--help").output()).startsWith("Usage: sorot parse");
    }

    @Test
    void helpNamesEveryCommandTheReadmeAndDocsUse() throws Exception {
        var root = SharedFolder.repositoryRoot();
        assumeTrue(root != null && Files.isRegularFile(root.resolve("README.md")), "README.md not above the module");
        var pages = new ArrayList<Path>(List.of(root.resolve("README.md")));
        try (var docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        var used = new TreeSet<String>();
        var pattern = Pattern.compile("(?m)(?:^|`|\\$ |&& )\\./sorot ([a-z][a-z-]+)");
        for (var page : pages) {
            var m = pattern.matcher(Files.readString(page));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(used).contains("desktop", "package", "analyze", "serve", "library", "parse");

        var help = run("--help");
        assertThat(help.status()).isZero();
        for (var command : used) {
            assertThat(help.output())
                    .as("./sorot --help names " + command)
                    .containsPattern("(?m)^\\s+" + command + "\\b");
        }
    }

    @Test
    void theBritishSpellingTheHelpUsesRunsTheSameCommand() {
        var help = run("analyse", "--help");
        assertThat(help.status()).as(help.output()).isZero();
        assertThat(help.output()).contains("Analyse one screenplay");

        var missing = run("analyse", dir.resolve("missing.pdf").toString(), "--no-save", "--out", dir.toString());
        assertThat(missing.status()).as(missing.output()).isEqualTo(2);
        assertThat(missing.output()).contains("FILE_NOT_FOUND").doesNotContain("Unmatched");
    }

    @Test
    void theLaunchersOwnCommandsStartedFromTheJarSayWhereTheyRun() {
        var desktop = run("desktop", "script.pdf");
        assertThat(desktop.status()).isEqualTo(2);
        assertThat(desktop.output()).contains("./sorot desktop script.pdf").doesNotContain("Exception");
    }

    @Test
    void anUnknownSortColumnIsAUsageErrorNamingTheAllowedOnes() {
        var library = dir.resolve("library");
        Library.open(library).close();

        var bad = run("library", "list", "--library", library.toString(), "--sort", "foo");
        assertThat(bad.status()).as(bad.output()).isEqualTo(2);
        assertThat(bad.output())
                .doesNotContain("unexpected")
                .doesNotContain("IllegalArgumentException")
                .contains("'foo'")
                .containsIgnoringCase("title")
                .containsIgnoringCase("relevance");

        var search = run("library", "search", "--library", library.toString(), "--sort", "nope", "word");
        assertThat(search.status()).as(search.output()).isEqualTo(2);
        assertThat(search.output()).doesNotContain("unexpected");
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorNotAnUnexpectedOne() {
        var bad = run("serve", "--port", "99999");
        assertThat(bad.status()).as(bad.output()).isEqualTo(2);
        assertThat(bad.output()).contains("0 to 65535").doesNotContain("unexpected");
    }

    @Test
    void sortColumnsMatchWhateverTheirCase() {
        var library = dir.resolve("library");
        Library.open(library).close();
        for (var column : new String[] {"score", "SCORE", "Title", "saved"}) {
            var ok = run("library", "list", "--library", library.toString(), "--sort", column);
            assertThat(ok.status()).as(column + ": " + ok.output()).isZero();
        }
        var search = run("library", "search", "--library", library.toString(), "word");
        assertThat(search.status()).as(search.output()).isZero();
    }

    @Test
    void aSearchWithNoWordsSaysSoInsteadOfListingEverything() {
        var library = dir.resolve("library");
        Library.open(library).close();
        for (var query : new String[] {"\"", "--", "?!", "\u00a0"}) {
            var search = run("library", "search", "--library", library.toString(), "--", query);
            assertThat(search.status()).as(query + ": " + search.output()).isEqualTo(2);
            assertThat(search.output()).contains("INVALID_PARAMETER").contains("no words to search for");
        }
    }
}
