package ai.sorot.lambda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.support.FormatFixtures;
import ai.sorot.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sorot parse} as a script or the bench calls it: output formats and exit statuses. */
class ParseCommandTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = SorotCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path fountain(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static final String SCRIPT = """
            Title: The Letters
            Author: Ana Ruiz

            INT. OFFICE - NIGHT

            Rain hammers the window.

            MARA
            You kept the letters.

            JONAS
            (quietly)
            Every one of them.
            """;

    @Test
    void jsonIsTheBenchFormatWithStatisticsUnderStats() throws Exception {
        var run = run("parse", "--json", fountain("letters.fountain", SCRIPT).toString());
        assertThat(run.status()).isZero();
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.path("title").asText()).isEqualTo("The Letters");
        assertThat(json.path("authors").get(0).asText()).isEqualTo("Ana Ruiz");
        assertThat(json.path("pageCount").asInt()).isEqualTo(1);
        assertThat(json.path("elements").get(0).path("type").asText()).isEqualTo("SCENE_HEADING");
        assertThat(json.path("elements").get(0).path("page").asInt()).isEqualTo(1);
        assertThat(json.path("elements").get(0).has("dual")).isFalse();
        assertThat(json.path("stats").path("speakingRoles").asInt()).isEqualTo(2);
        assertThat(json.path("stats").path("sceneCount").asInt()).isEqualTo(1);
    }

    @Test
    void severalFilesGiveAnArrayInInputOrderAndStatsOmitsElements() throws Exception {
        var a = fountain("a.fountain", SCRIPT);
        var b = fountain("b.fountain", SCRIPT.replace("The Letters", "Second"));
        var run = run("parse", "--json", "--stats", a.toString(), b.toString());
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).path("file").asText()).endsWith("a.fountain");
        assertThat(json.get(1).path("title").asText()).isEqualTo("Second");
        assertThat(json.get(0).has("elements")).isFalse();
        assertThat(json.get(0).has("stats")).isTrue();
    }

    @Test
    void aFolderIsParsedWhole() throws Exception {
        fountain("a.fountain", SCRIPT);
        fountain("b.fountain", SCRIPT);
        Files.writeString(dir.resolve("notes.md"), "not a script");
        var run = run("parse", "--stats", dir.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("a.fountain")
                .contains("b.fountain")
                .doesNotContain("notes.md")
                .contains("2 speaking roles");
    }

    @Test
    void aFolderOfFinalDraftAndHighlandFilesIsParsedAsJsonInNameOrder() throws Exception {
        Files.write(dir.resolve("a-ferry.fdx"), FormatFixtures.finalDraft());
        Files.write(dir.resolve("b-keeper.highland"), FormatFixtures.highland());
        fountain("c-letters.fountain", SCRIPT);
        Files.writeString(dir.resolve("d-broken.fdx"), "<FinalDraft><Content><Paragraph>");
        var run = run("parse", "--json", dir.toString());
        assertThat(run.status()).as("one file is broken").isEqualTo(2);
        assertThat(run.err()).contains("d-broken.fdx: FDX_INVALID");
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json).hasSize(4);
        assertThat(json.get(0).path("title").asText()).isEqualTo("THE NIGHT FERRY");
        assertThat(json.get(0).path("stats").path("sceneCount").asInt()).isEqualTo(4);
        assertThat(json.get(1).path("title").asText()).isEqualTo("The Lighthouse Keeper");
        assertThat(json.get(0).path("format").asText()).isEqualTo("FINAL_DRAFT");
        assertThat(json.get(1).path("format").asText()).isEqualTo("HIGHLAND");
        assertThat(json.get(2).path("title").asText()).isEqualTo("The Letters");
        assertThat(json.get(3).path("error").path("code").asText()).isEqualTo("FDX_INVALID");
    }

    @Test
    void badInputExitsTwoWithOneLineOnStderrAndAnErrorObjectInJson() throws Exception {
        var notPdf = Files.writeString(dir.resolve("script.pdf"), "just some text");
        var run = run("parse", "--json", notPdf.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).contains("NOT_A_PDF").doesNotContain("\n").doesNotContain("Exception");
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.path("error").path("code").asText()).isEqualTo("NOT_A_PDF");
        assertThat(json.path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void theReadableSummaryNamesTheFigures() throws Exception {
        var run = run("parse", fountain("letters.fountain", SCRIPT).toString());
        assertThat(run.out())
                .contains("The Letters by Ana Ruiz")
                .contains("1 scenes")
                .contains("MARA")
                .contains("OFFICE")
                .contains("PARENTHETICAL  (quietly)");
    }

    @Test
    void unknownOptionsAreABadInvocation() {
        var run = run("parse", "--nope", "x.pdf");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option");
    }
}
