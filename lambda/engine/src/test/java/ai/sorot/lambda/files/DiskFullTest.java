package ai.sorot.lambda.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk is recognised from the failures the JDK and SQLite really raise, however wrapped. */
class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aWriteToAFullDeviceIsRecognised() {
        var full = Path.of("/dev/full"); // Linux's device that answers every write with ENOSPC
        assumeTrue(Files.isWritable(full), "/dev/full is a Linux device");
        var failure = catchThrowable(() -> Files.write(full, new byte[4096]));
        assertThat(failure).isInstanceOf(java.io.IOException.class);
        assertThat(DiskFull.isDiskFull(failure)).isTrue();
        assertThat(DiskFull.isDiskFull(new SorotException(ErrorCode.INTERNAL, "Cannot store x", failure)))
                .isTrue();
    }

    @Test
    void sqliteFullIsRecognised() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("full.db"))) {
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE t (b BLOB)");
                st.execute("PRAGMA max_page_count = 8"); // SQLite's own way to make a database file full
            }
            var failure = catchThrowable(() -> {
                try (var insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                    insert.setBytes(1, new byte[256 * 1024]);
                    insert.executeUpdate();
                }
            });
            assertThat(failure).hasMessageContaining("SQLITE_FULL");
            assertThat(DiskFull.isDiskFull(failure)).isTrue();
            assertThat(DiskFull.isDiskFull(new SorotException(ErrorCode.INTERNAL, "The job database failed", failure)))
                    .isTrue();
        }
    }

    @Test
    void otherFailuresAreNot() throws Exception {
        var missing = catchThrowable(() -> Files.readAllBytes(dir.resolve("nothing-here")));
        assertThat(missing).isInstanceOf(NoSuchFileException.class);
        assertThat(DiskFull.isDiskFull(missing)).isFalse();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("unique.db"))) {
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE t (k TEXT PRIMARY KEY)");
                st.execute("INSERT INTO t VALUES ('a')");
            }
            var duplicate = catchThrowable(() -> c.createStatement().execute("INSERT INTO t VALUES ('a')"));
            assertThat(DiskFull.isDiskFull(duplicate)).isFalse();
        }
        assertThat(DiskFull.isDiskFull(new IllegalStateException("no space left on the shelf")))
                .isFalse();
        assertThat(DiskFull.isDiskFull(null)).isFalse();
    }

    @Test
    void aFullDiskIsReportedAsDiskFullWithWhatCouldNotBeSaved() {
        var full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "/dev/full is a Linux device");
        var failure = catchThrowable(() -> Files.write(full, new byte[4096]));
        var reported = DiskFull.or(ErrorCode.INTERNAL, "The analysis could not be saved", failure);
        assertThat(reported.code()).isEqualTo(ErrorCode.DISK_FULL);
        assertThat(reported.getMessage()).startsWith("The analysis could not be saved: the disk is full");
        assertThat(DiskFull.or(ErrorCode.INTERNAL, "Again", reported)).isSameAs(reported);
        var other = DiskFull.or(ErrorCode.INTERNAL, "Reading", new java.io.IOException("Permission denied"));
        assertThat(other.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(other.getMessage()).isEqualTo("Reading: Permission denied");
    }
}
