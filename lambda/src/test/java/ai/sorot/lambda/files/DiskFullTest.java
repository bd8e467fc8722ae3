package ai.sorot.lambda.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.model.api.ErrorCode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk is recognised from the errors the JDK and SQLite really raise. */
class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aWriteToADeviceWithNoSpaceIsDiskFull() {
        var full = Path.of("/dev/full"); // Linux's always-full device: every write fails with ENOSPC
        assumeTrue(Files.isWritable(full), "no /dev/full here");
        var error = catchThrowable(() -> Files.write(full, new byte[8192]));
        assertThat(error).isInstanceOf(java.io.IOException.class);
        assertThat(DiskFull.causedBy(error)).as(error.toString()).isTrue();
        var reported = DiskFull.or(ErrorCode.INTERNAL, "The analysis could not be saved", error);
        assertThat(reported.code()).isEqualTo(ErrorCode.DISK_FULL);
        assertThat(reported.getMessage()).startsWith("The analysis could not be saved: the disk is full");
    }

    @Test
    void sqliteRunningOutOfPagesIsDiskFull() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("small.db")); var st = c.createStatement()) {
            st.execute("CREATE TABLE t (b BLOB)");
            st.execute("PRAGMA max_page_count = 8"); // SQLite answers SQLITE_FULL past this, as on a full disk
            var error = catchThrowable(() -> {
                for (int i = 0; i < 100; i++) {
                    st.execute("INSERT INTO t VALUES (zeroblob(4096))");
                }
            });
            assertThat(error).isInstanceOf(java.sql.SQLException.class);
            assertThat(DiskFull.causedBy(error)).as(error.toString()).isTrue();
            assertThat(DiskFull.or(ErrorCode.INTERNAL, "Library error", new RuntimeException(error)).code())
                    .isEqualTo(ErrorCode.DISK_FULL);
        }
    }

    @Test
    void otherFailuresAreNotDiskFull() throws Exception {
        var missing = catchThrowable(() -> Files.readAllBytes(dir.resolve("missing")));
        assertThat(missing).isInstanceOf(NoSuchFileException.class);
        assertThat(DiskFull.causedBy(missing)).isFalse();
        assertThat(DiskFull.or(ErrorCode.INTERNAL, "Reading", missing).code()).isEqualTo(ErrorCode.INTERNAL);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("x.db")); var st = c.createStatement()) {
            st.execute("CREATE TABLE t (id TEXT PRIMARY KEY)");
            st.execute("INSERT INTO t VALUES ('a')");
            var duplicate = catchThrowable(() -> st.execute("INSERT INTO t VALUES ('a')"));
            assertThat(DiskFull.causedBy(duplicate)).as(duplicate.toString()).isFalse();
        }
    }
}
