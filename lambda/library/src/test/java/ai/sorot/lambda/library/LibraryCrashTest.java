package ai.sorot.lambda.library;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.report.Recommendation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process with SIGKILL while it is saving analyses as fast as it can, then opens the
 * library again: every save that had returned is there, whole, and nothing half-written remains.
 */
class LibraryCrashTest {

    @TempDir
    Path dir;

    /** The writer, run in its own JVM: saves analyses in a loop and says so after each one. */
    public static void main(String[] args) throws Exception {
        try (var library = Library.open(Path.of(args[0]))) {
            for (int i = 0; ; i++) {
                library.save(
                        Reports.report(
                                "analysis-" + i,
                                "Script " + i,
                                "Writer " + i,
                                "Logline " + i,
                                List.of("Drama"),
                                Recommendation.CONSIDER,
                                i % 100,
                                90),
                        new Library.Attachments(audio(i), "audio/wav", null, null, null));
                library.rate("analysis-" + i, 1 + i % 5);
                System.out.println("saved " + i);
                System.out.flush();
            }
        }
    }

    static byte[] audio(int i) {
        var bytes = new byte[256 * 1024];
        java.util.Arrays.fill(bytes, (byte) i);
        return bytes;
    }

    @Test
    void killNineDuringWritesLosesNothingThatWasSaved() throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // its temp folder is the test's: what the killed JVM leaves there (SQLite's native library) goes with it
        var tmp = Files.createDirectories(dir.resolve("jvm-tmp"));
        var process = new ProcessBuilder(
                        java,
                        "-Djava.io.tmpdir=" + tmp,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LibraryCrashTest.class.getName(),
                        dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        var saved = new ArrayList<Integer>();
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                saved.add(Integer.parseInt(line.substring("saved ".length())));
                if (saved.size() == 25) {
                    process.destroyForcibly(); // SIGKILL, in the middle of the next save
                    break;
                }
            }
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(saved).hasSize(25);

        try (var library = Library.open(dir)) {
            for (int i : saved) {
                var id = "analysis-" + i;
                var entry = library.entry(id).orElseThrow(() -> new AssertionError(id + " was lost"));
                assertThat(entry.rating()).isEqualTo(1 + i % 5);
                assertThat(library.report(id).title()).isEqualTo("Script " + i);
                assertThat(library.audio(id)).get().satisfies(p -> assertThat(p).hasBinaryContent(audio(i)));
            }
            // the save in flight either completed whole or is absent: never a row without its files
            for (var entry : library.search(LibraryQuery.ALL.page(1000, 0))) {
                assertThat(library.report(entry.id())).isNotNull();
                assertThat(library.audio(entry.id()))
                        .get()
                        .satisfies(p -> assertThat(Files.size(p)).isEqualTo(256 * 1024));
            }
        }
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("library.db"));
                var rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }
}
