package ai.sorot.lambda.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A database's schema as numbered steps, keyed on SQLite's {@code PRAGMA user_version}: opening
 * runs the steps past the file's version, each with the version it brings, and commits once. A
 * file written by a newer Sorot (a higher version) is refused rather than misread. {@code always}
 * runs on every open, for additions an older Sorot can ignore ({@code CREATE ... IF NOT EXISTS}).
 */
public record Migrations(List<Step> steps, Step always) {

    /** One step of the schema; it may run several statements. */
    @FunctionalInterface
    public interface Step {
        void apply(java.sql.Statement st) throws SQLException;
    }

    public Migrations {
        steps = List.copyOf(steps);
    }

    public static Migrations of(Step... steps) {
        return new Migrations(List.of(steps), null);
    }

    public Migrations thenAlways(Step step) {
        return new Migrations(steps, step);
    }

    /** The version the last step brings. */
    public int latest() {
        return steps.size();
    }

    /**
     * Brings a connection's database up to date. {@link SqliteDatabase} calls it on open; a store
     * that keeps its own connection (the curator's library) calls it directly.
     */
    public void applyTo(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (var st = c.createStatement()) {
            int version;
            try (var rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > latest()) {
                throw new SQLException("the database was written by a newer Sorot (schema " + version
                        + ", this one knows " + latest() + ")");
            }
            for (int v = version; v < latest(); v++) {
                steps.get(v).apply(st);
                st.executeUpdate("PRAGMA user_version = " + (v + 1));
            }
            if (always != null) {
                always.apply(st);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
