package ai.sorot.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.lambda.library.Library;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.ProgrammingNotes;
import ai.sorot.model.report.Recommendation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submitted screenplays are the submitters' and the programmer's: nothing Sorot keeps in its home
 * is readable by other local users. Real files, real permissions, real SQLite and a real server.
 */
class OwnerOnlyHomeTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
    }

    private static void make(Path path, String permissions, String content) throws Exception {
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }

    /** Every path under root (root included) whose permissions are not owner-only, with what they are. */
    private static TreeMap<String, String> openToOthers(Path root) throws Exception {
        var open = new TreeMap<String, String>();
        try (Stream<Path> all = Files.walk(root)) {
            for (var path : all.toList()) {
                var permissions =
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                var wanted = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------";
                if (!permissions.equals(wanted)) {
                    open.put(root.relativize(path).toString(), permissions);
                }
            }
        }
        return open;
    }

    @Test
    void anExistingHomeOpenToOthersIsTightenedWholeWhenOpened() throws Exception {
        var root = Files.createDirectory(dir.resolve("home"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        make(root.resolve("sorot.db"), "rw-r--r--", "db");
        make(root.resolve("sorot.db-wal"), "rw-r--r--", "wal");
        make(root.resolve("blobs/uploads/u1/script.pdf"), "rw-r--r--", "%PDF");
        make(root.resolve("library/library.db"), "rw-rw-rw-", "db");
        make(root.resolve("library/items/analysis-1/report.json"), "rw-r--r--", "{}");
        for (var folder : List.of(
                "blobs", "blobs/uploads", "blobs/uploads/u1", "library", "library/items", "library/items/analysis-1")) {
            Files.setPosixFilePermissions(root.resolve(folder), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(openToOthers(root)).containsEntry("sorot.db", "rw-r--r--").containsEntry("blobs", "rwxr-xr-x");

        new SorotHome(root).ensureExists();

        assertThat(openToOthers(root)).isEmpty();
        assertThat(Files.readString(root.resolve("blobs/uploads/u1/script.pdf")))
                .as("contents untouched")
                .isEqualTo("%PDF");
    }

    @Test
    void aHomeSharedWithOtherFilesHasOnlySorotsEntriesTightened() throws Exception {
        // SOROT_HOME pointed at a folder that holds other things too (the user's own home, say)
        var root = Files.createDirectory(dir.resolve("shared-home"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        make(root.resolve("notes.txt"), "rw-r--r--", "mine");
        make(root.resolve("photos/cat.jpg"), "rw-r--r--", "jpg");
        Files.setPosixFilePermissions(root.resolve("photos"), PosixFilePermissions.fromString("rwxr-xr-x"));
        make(root.resolve("sorot.db"), "rw-r--r--", "db");
        make(root.resolve("blobs/uploads/u1/script.pdf"), "rw-r--r--", "%PDF");
        Files.setPosixFilePermissions(root.resolve("blobs"), PosixFilePermissions.fromString("rwxr-xr-x"));

        new SorotHome(root).ensureExists();

        assertThat(openToOthers(root)).containsOnlyKeys("", "notes.txt", "photos", "photos/cat.jpg");
        assertThat(openToOthers(root)).containsEntry("", "rwxr-xr-x").containsEntry("notes.txt", "rw-r--r--");
    }

    @Test
    void aFileLeftOpenInAnOwnerOnlyHomeIsTightenedAtTheNextOpen() throws Exception {
        var home = new SorotHome(dir.resolve("home")).ensureExists();
        make(home.database(), "rw-r--r--", "");

        home.ensureExists();

        assertThat(openToOthers(home.root())).isEmpty();
    }

    @Test
    void whatAServerAndTheLibraryWriteIsOwnerOnly() throws Exception {
        // a home inside a folder that is open to others, as ~ often is
        var parent = Files.createDirectory(dir.resolve("user"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        var home = new SorotHome(parent.resolve(".sorot"));
        try (var server = LocalServer.start(LocalServer.Options.defaults(home).withPort(0))) {
            server.backend()
                    .blobs()
                    .put("uploads/u1/script.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "application/pdf");
            try (var library = Library.open(home.library())) {
                var coverage = new Coverage(
                        "A nurse meets a thief.",
                        "Synopsis.",
                        List.of("Drama"),
                        "wry",
                        List.of(),
                        List.of(),
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        Recommendation.CONSIDER,
                        "Because.",
                        null);
                var report = new AnalysisReport(
                        "analysis-1",
                        "Night Shift",
                        List.of("Ana Ruiz"),
                        "night.pdf",
                        null,
                        Instant.now(),
                        Instant.now(),
                        null,
                        coverage,
                        null,
                        new Curation(
                                60.0,
                                Recommendation.CONSIDER,
                                "",
                                new ProgrammingNotes("short", "all", List.of()),
                                List.of()),
                        null,
                        List.of(),
                        null);
                library.save(
                        report,
                        new Library.Attachments(
                                new byte[] {1, 2},
                                "audio/wav",
                                new byte[] {3},
                                "%PDF".getBytes(StandardCharsets.US_ASCII),
                                "night.pdf"));
            }
            assertThat(home.serverInfo()).exists();
            assertThat(home.database()).exists();
            assertThat(openToOthers(home.root())).as("while the server runs").isEmpty();
        }
        assertThat(openToOthers(home.root())).isEmpty();
    }
}
