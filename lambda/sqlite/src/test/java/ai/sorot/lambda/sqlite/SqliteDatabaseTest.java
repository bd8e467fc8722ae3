package ai.sorot.lambda.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite helpers both stores use, on a real file. */
class SqliteDatabaseTest {

    enum Colour {
        RED,
        GREEN
    }

    record Row(String text, Long whole, Double decimal, Boolean flag, Instant at, Colour colour) {}

    @TempDir
    Path dir;

    private static final Migrations SCHEMA = Migrations.of(
            st -> st.executeUpdate(
                    "CREATE TABLE t (text TEXT, whole INTEGER, decimal REAL, flag INTEGER, at INTEGER, colour TEXT)"),
            st -> st.executeUpdate("CREATE INDEX t_text ON t (text)"));

    @Test
    void valuesBoundInOneCallReadBackAsTheyWereIncludingNulls() {
        var at = Instant.parse("2026-12-06T03:00:00.123Z");
        try (var db = SqliteDatabase.open(dir.resolve("a.db"), "the test database", 2, SCHEMA)) {
            db.write(c -> c.sql("INSERT INTO t VALUES (?,?,?,?,?,?)")
                    .bind("a", 7L, 0.5, true, at, Colour.GREEN)
                    .update());
            db.write(c -> c.sql("INSERT INTO t VALUES (?,?,?,?,?,?)")
                    .bind("b", null, null, null, null, null)
                    .update());
            var rows = db.read(c -> c.sql("SELECT * FROM t ORDER BY text")
                    .list(rs -> new Row(
                            rs.getString("text"),
                            Columns.whole(rs, "whole"),
                            Columns.decimal(rs, "decimal"),
                            Columns.flag(rs, "flag"),
                            Columns.instant(rs, "at"),
                            Columns.enumOf(rs, "colour", Colour.class))));
            assertThat(rows)
                    .containsExactly(
                            new Row("a", 7L, 0.5, true, at, Colour.GREEN), new Row("b", null, null, null, null, null));
        }
    }

    @Test
    void aWriteThatThrowsLeavesNothingBehind() {
        try (var db = SqliteDatabase.open(dir.resolve("b.db"), "the test database", 1, SCHEMA)) {
            assertThatThrownBy(() -> db.write(c -> {
                        c.sql("INSERT INTO t (text) VALUES (?)").bind("half").update();
                        throw new IllegalStateException("failed half way");
                    }))
                    .hasMessage("failed half way");
            java.util.Optional<Integer> count =
                    db.read(c -> c.sql("SELECT count(*) FROM t").first(rs -> rs.getInt(1)));
            assertThat(count).contains(0);
        }
    }

    @Test
    void migrationsRunOnceEachAndAFileFromANewerSorotIsRefused() {
        var file = dir.resolve("c.db");
        SqliteDatabase.open(file, "the test database", 1, SCHEMA).close();
        // reopening runs nothing again (the index would fail to be created twice)
        try (var db = SqliteDatabase.open(file, "the test database", 1, SCHEMA)) {
            java.util.Optional<Integer> version =
                    db.read(c -> c.sql("PRAGMA user_version").first(rs -> rs.getInt(1)));
            assertThat(version).contains(2);
        }
        var older = Migrations.of(SCHEMA.steps().getFirst());
        assertThatThrownBy(() -> SqliteDatabase.open(file, "the test database", 1, older))
                .isInstanceOf(SorotException.class)
                .satisfies(e -> assertThat(((SorotException) e).code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining("newer Sorot");
    }

    @Test
    void aClosedDatabaseSaysSoByName() {
        var db = SqliteDatabase.open(dir.resolve("d.db"), "the test database", 1, SCHEMA);
        db.close();
        assertThatThrownBy(() -> db.read(c -> 1)).hasMessage("The test database is closed.");
    }

    @Test
    void aSharedDatabaseHoldsNoWriteLockBetweenWritesAndStillRollsBack() throws Exception {
        var file = dir.resolve("shared.db");
        try (var db = SqliteDatabase.openShared(file, "the test database", 1, SCHEMA)) {
            db.write(c -> c.sql("INSERT INTO t (text) VALUES (?)").bind("first").update());
            try (var other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                    var st = other.createStatement()) {
                st.execute("PRAGMA busy_timeout = 500");
                st.executeUpdate("INSERT INTO t (text) VALUES ('other process')");
            }
            assertThatThrownBy(() -> db.write(c -> {
                        c.sql("INSERT INTO t (text) VALUES (?)").bind("half").update();
                        throw new IllegalStateException("failed half way");
                    }))
                    .isInstanceOf(IllegalStateException.class);
            db.write(c -> c.sql("INSERT INTO t (text) VALUES (?)").bind("last").update());
            java.util.List<String> texts =
                    db.read(c -> c.sql("SELECT text FROM t ORDER BY rowid").list(rs -> rs.getString(1)));
            assertThat(texts).containsExactly("first", "other process", "last");
        }
    }
}
