package ai.sorot.lambda.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Recommendation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library on a real full disk: a 2 MB tmpfs mounted for the test (Linux, as root; skipped
 * where mounting is not allowed). Earlier data stays, no orphan folder is left, the error is DISK_FULL.
 */
class LibraryDiskFullTest {

    @TempDir
    Path dir;

    Path disk;
    Library library;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectory(dir.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString()), "cannot mount a tmpfs here");
        library = Library.open(disk.resolve("library"));
        library.save(
                Reports.report(
                        "first",
                        "The Letters",
                        "Ana Ruiz",
                        "A detective reopens letters.",
                        List.of("Drama"),
                        Recommendation.RECOMMEND,
                        82,
                        104),
                new Library.Attachments(new byte[] {'R', 'I', 'F', 'F'}, "audio/wav", null, null, null));
        library.rate("first", 5);
    }

    @AfterEach
    void unmount() throws Exception {
        if (library != null) {
            library.close();
        }
        run("umount", disk.toString());
    }

    @Test
    void savingWhenTheDiskFillsKeepsEarlierDataAndLeavesNoFolder() {
        var big = new Library.Attachments(random(3 << 20), "audio/wav", null, null, null);
        var report =
                Reports.report("second", "Night Shift", "Lee Park", "A nurse.", List.of(), Recommendation.PASS, 40, 90);

        assertThatThrownBy(() -> library.save(report, big))
                .isInstanceOf(SorotException.class)
                .satisfies(e -> assertThat(((SorotException) e).code()).isEqualTo(ErrorCode.DISK_FULL))
                .hasMessageContaining("the disk is full");

        assertEarlierDataKept();
        assertThat(library.contains("second")).isFalse();
        // once the space is back, saving works again
        library.save(report, Library.Attachments.NONE);
        assertThat(library.contains("second")).isTrue();
    }

    @Test
    void whenTheDatabaseCannotGrowTheSaveIsUndoneToo() throws IOException {
        library.close();
        library = Library.open(disk.resolve("library")); // a fresh, empty write-ahead log
        fillLeaving(12 * 1024);
        var report =
                Reports.report("second", "Night Shift", "Lee Park", "A nurse.", List.of(), Recommendation.PASS, 40, 90);

        assertThatThrownBy(() -> library.save(report, Library.Attachments.NONE))
                .isInstanceOf(SorotException.class)
                .satisfies(e ->
                        assertThat(((SorotException) e).code()).as(describe(e)).isEqualTo(ErrorCode.DISK_FULL));

        Files.delete(disk.resolve("filler"));
        assertEarlierDataKept();
        assertThat(library.contains("second")).isFalse();
    }

    @Test
    void anImportThatFillsTheDiskLeavesNoHalfMadeSession() throws IOException {
        var bundle = dir.resolve("round.zip");
        try (var zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            for (var id : List.of("small", "large")) {
                zip.putNextEntry(new ZipEntry("items/" + id + "/report.json"));
                zip.write(Json.mapper()
                        .writeValueAsBytes(Reports.report(
                                id, "Title " + id, "Someone", "Logline.", List.of(), Recommendation.CONSIDER, 50, 90)));
            }
            zip.putNextEntry(new ZipEntry("items/large/source.pdf"));
            zip.write(random(3 << 20));
            zip.putNextEntry(new ZipEntry(SessionBundle.MANIFEST));
            zip.write(Json.mapper()
                    .writeValueAsBytes(new SessionBundle.Manifest(
                            SessionBundle.FORMAT, "Shared", List.of(), List.of(item("small"), item("large")))));
        }

        assertThatThrownBy(() -> library.importBundle(bundle))
                .isInstanceOf(SorotException.class)
                .satisfies(e -> assertThat(((SorotException) e).code()).isEqualTo(ErrorCode.DISK_FULL));

        assertThat(library.sessions()).isEmpty();
        assertEarlierDataKept();
    }

    private void assertEarlierDataKept() {
        assertThat(library.size()).isEqualTo(1);
        assertThat(library.report("first").title()).isEqualTo("The Letters");
        assertThat(library.entry("first").orElseThrow().rating()).isEqualTo(5);
        try (var items = Files.list(disk.resolve("library").resolve("items"))) {
            assertThat(items.map(p -> p.getFileName().toString())).containsExactly("first");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try (var all = Files.walk(disk)) {
            assertThat(all.map(Path::toString)).noneMatch(p -> p.endsWith(".part"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Fills the disk, then frees all but {@code free} bytes of it. */
    private void fillLeaving(int free) throws IOException {
        var filler = disk.resolve("filler");
        long written = 0;
        try (var out = Files.newOutputStream(filler)) {
            var chunk = new byte[4096];
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException full) {
            // the disk is full now
        }
        try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, written - free));
        }
    }

    private static String describe(Throwable e) {
        var text = new StringBuilder();
        for (var t = e; t != null; t = t.getCause()) {
            text.append(t)
                    .append(t instanceof java.sql.SQLException sql ? " [code " + sql.getErrorCode() + "]" : "")
                    .append(" <- ");
        }
        return text.toString();
    }

    private static SessionBundle.Item item(String id) {
        return new SessionBundle.Item(id, null, false, null, null, null, false, List.of(), Map.of());
    }

    private static byte[] random(int size) {
        var bytes = new byte[size];
        new Random(3).nextBytes(bytes);
        return bytes;
    }

    private static boolean run(String... command) throws Exception {
        try {
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
