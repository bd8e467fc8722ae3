package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.lambda.cli.SorotCli;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.support.ApiClient;
import ai.sorot.lambda.support.SharedFolder;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes or random characters are refused as NOT_A_SCREENPLAY, with the evidence, on every
 * path that reads Fountain (CLI parse and analyze, the API's fountainText); real scripts, however
 * short, and scripts of nonsense words laid out as a screenplay are read.
 */
class NotAScreenplayTest {

    @TempDir
    Path dir;

    private static byte[] randomBytes(long seed, int n) {
        var bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Printable ASCII with a line break now and then, as a fuzzer or a pasted garbage string gives. */
    private static String randomCharacters(long seed, int n) {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(random.nextInt(60) == 0 ? '\n' : (char) (32 + random.nextInt(95)));
        }
        return text.toString();
    }

    /** Letters and spaces only: readable characters, but no screenplay structure. */
    private static String randomWords(long seed, int n) {
        var random = new Random(seed);
        var text = new StringBuilder();
        while (text.length() < n) {
            for (int w = 2 + random.nextInt(9); w > 0; w--) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(random.nextInt(12) == 0 ? ".\n\n" : " ");
        }
        return text.toString();
    }

    private record Run(int exit, String output) {}

    /** The CLI in this process; analyze writes its progress and outcome to System.err, so that is captured too. */
    private static Run cli(String... args) {
        var out = new StringWriter();
        var streams = new java.io.ByteArrayOutputStream();
        var oldOut = System.out;
        var oldErr = System.err;
        try {
            System.setOut(new java.io.PrintStream(streams, true));
            System.setErr(new java.io.PrintStream(streams, true));
            var cli = SorotCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(out, true));
            int exit = cli.execute(args);
            return new Run(exit, out + streams.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static SorotException refusal(Runnable read) {
        var error = catchThrowableOfType(SorotException.class, read::run);
        assertThat(error).as("refused").isNotNull();
        return error;
    }

    @Test
    void randomBytesAreNotAScreenplayForParseAndAnalyzeAlike() throws Exception {
        var file = Files.write(dir.resolve("noise.fountain"), randomBytes(7, 4_000));

        var parse = cli("parse", file.toString());
        assertThat(parse.exit()).as(parse.output()).isEqualTo(2);
        assertThat(parse.output()).contains("NOT_A_SCREENPLAY").contains("not text");

        var analyze = cli(
                "analyze",
                file.toString(),
                "--no-save",
                "--out",
                dir.resolve("out").toString(),
                "--quiet");
        assertThat(analyze.exit()).as(analyze.output()).isEqualTo(2);
        assertThat(analyze.output())
                .contains("NOT_A_SCREENPLAY")
                .doesNotContain("CONSIDER")
                .doesNotContain("RECOMMEND");
    }

    @Test
    void randomCharactersAndRandomWordsAreRefusedWithTheirEvidence() {
        var reader = new ScreenplayReader();
        for (long n = 1; n <= 20; n++) {
            long seed = n;
            var characters = refusal(() -> reader.readFountain(randomCharacters(seed, 4_000)));
            assertThat(characters.code()).isEqualTo(ErrorCode.NOT_A_SCREENPLAY);
            assertThat(characters.getMessage())
                    .contains("not readable text")
                    .containsPattern("\\d+% of its [\\d,]+ characters");

            var words = refusal(() -> reader.readFountain(randomWords(seed, 4_000)));
            assertThat(words.code()).isEqualTo(ErrorCode.NOT_A_SCREENPLAY);
            assertThat(words.getMessage()).containsPattern("no scene headings or character cues in [\\d,]+ characters");
        }
        var bytes = refusal(() -> reader.read(randomBytes(3, 4_000), "upload.fountain"));
        assertThat(bytes.code()).isEqualTo(ErrorCode.NOT_A_SCREENPLAY);
    }

    @Test
    void theApiRefusesRandomFountainTextTheSameWay() {
        try (var server = LocalServer.start(
                LocalServer.Options.defaults(new SorotHome(dir.resolve("home"))).withPort(0))) {
            var api = new ApiClient(server.url(), server.token());
            var id = api.submitFountain(randomCharacters(11, 4_000), "Noise");
            var status = api.awaitFinal(id, Duration.ofSeconds(60));
            assertThat(status.path("status").asText()).isEqualTo("failed");
            assertThat(status.path("error").path("code").asText()).isEqualTo("NOT_A_SCREENPLAY");
            assertThat(status.path("error").path("message").asText()).contains("not readable text");
        }
    }

    @Test
    void nonsenseWordsLaidOutAsAScreenplayAreReadNotRefused() {
        var random = new Random(5);
        var script = new StringBuilder();
        for (int scene = 0; scene < 12; scene++) {
            script.append("INT. ").append(word(random).toUpperCase()).append(" - NIGHT\n\n");
            for (int line = 0; line < 6; line++) {
                script.append(word(random))
                        .append(' ')
                        .append(word(random))
                        .append(' ')
                        .append(word(random))
                        .append(".\n\n");
                script.append(word(random).toUpperCase())
                        .append('\n')
                        .append(word(random))
                        .append(' ')
                        .append(word(random))
                        .append("?\n\n");
            }
        }
        var screenplay = new ScreenplayReader().readFountain(script.toString());
        assertThat(screenplay.scenes()).hasSize(12);
    }

    private static String word(Random random) {
        var w = new StringBuilder();
        for (int i = 3 + random.nextInt(6); i > 0; i--) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    @Test
    void aScriptSavedByAnOldWindowsEditorIsRead() {
        var text = "INT. CAFÉ - DAY\n\nZOË\nÇa va? Très bien.\n\nEXT. STRAßE - NIGHT\n\nRain.\n";
        var screenplay = new ScreenplayReader().read(text.getBytes(Charset.forName("windows-1252")), "cafe.fountain");
        assertThat(screenplay.scenes()).hasSize(2);
        assertThat(screenplay.scenes().getFirst().heading()).contains("CAFÉ");
    }

    @Test
    void binaryDataIsNotAScreenplayHoweverShort() {
        var error = refusal(() -> new ScreenplayReader().readFountain("INT. ROOM - DAY\n\n\0\0\0"));
        assertThat(error.code()).isEqualTo(ErrorCode.NOT_A_SCREENPLAY);
        assertThat(error.getMessage()).contains("binary");
    }

    @Test
    void noScriptOfTheSharedCorpusIsRefused() throws Exception {
        var corpus = SharedFolder.locate().map(shared -> shared.resolve("corpus"));
        assumeTrue(corpus.isPresent() && Files.isDirectory(corpus.get()), "../shared/corpus is not on this machine");
        var reader = new ScreenplayReader();
        var refused = new ArrayList<String>();
        int read = 0;
        try (Stream<Path> files = Files.walk(corpus.get())) {
            for (var file : files.filter(p -> p.toString().endsWith(".fountain"))
                    .sorted()
                    .toList()) {
                try {
                    reader.read(file);
                    read++;
                } catch (SorotException e) {
                    refused.add(corpus.get().relativize(file) + ": " + e.code() + ": " + e.getMessage());
                }
            }
        }
        assertThat(refused).isEmpty();
        assertThat(read).isPositive();
    }
}
