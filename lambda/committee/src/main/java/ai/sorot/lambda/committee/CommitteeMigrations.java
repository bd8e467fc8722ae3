package ai.sorot.lambda.committee;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The committee schema as a list of migrations; {@code PRAGMA user_version} records how many have
 * run (its own file, so the job store's versions never mix with these). A newer Sorot adds a
 * migration at the end and never edits one that shipped.
 */
final class CommitteeMigrations {

    private CommitteeMigrations() {}

    static final List<String> MIGRATIONS = List.of(
            // 1: members, reviews, sessions, assignments, conflicts
            """
            CREATE TABLE members (
              member_id TEXT PRIMARY KEY,
              name TEXT NOT NULL,
              email TEXT,
              role TEXT NOT NULL,
              subject TEXT,
              created_at TEXT NOT NULL,
              revoked_at TEXT,
              token_hash TEXT NOT NULL UNIQUE
            );
            CREATE INDEX members_subject ON members(subject);
            CREATE TABLE reviews (
              analysis_id TEXT NOT NULL,
              member_id TEXT NOT NULL,
              member_name TEXT,
              rating INTEGER,
              verdict TEXT,
              notes TEXT,
              shortlisted INTEGER NOT NULL DEFAULT 0,
              session_id TEXT,
              scores TEXT,
              version INTEGER NOT NULL,
              updated_at TEXT NOT NULL,
              PRIMARY KEY (analysis_id, member_id)
            );
            CREATE INDEX reviews_session ON reviews(session_id, member_id);
            CREATE TABLE sessions (
              session_id TEXT PRIMARY KEY,
              name TEXT NOT NULL,
              created_at TEXT NOT NULL,
              created_by TEXT,
              readers_per_script INTEGER NOT NULL,
              blind INTEGER NOT NULL,
              rubric TEXT NOT NULL,
              analysis_ids TEXT NOT NULL,
              reader_ids TEXT NOT NULL
            );
            CREATE TABLE assignments (
              session_id TEXT NOT NULL,
              analysis_id TEXT NOT NULL,
              member_id TEXT NOT NULL,
              title TEXT,
              pages INTEGER NOT NULL,
              PRIMARY KEY (session_id, member_id, analysis_id)
            );
            CREATE TABLE conflicts (
              session_id TEXT NOT NULL,
              member_id TEXT NOT NULL,
              analysis_id TEXT NOT NULL,
              PRIMARY KEY (session_id, member_id, analysis_id)
            )
            """,
            // 2: a session's assignments and reviews in script order without sorting them on every
            // GET /sessions/{id} (the assignments' index covers every column, so no row lookups either)
            """
            CREATE INDEX assignments_by_script ON assignments(session_id, analysis_id, member_id, title, pages);
            CREATE INDEX reviews_by_session_script ON reviews(session_id, analysis_id, member_id)
            """);

    static int latest() {
        return MIGRATIONS.size();
    }

    /** Runs the migrations this file has not seen, each in its own transaction. */
    static void migrate(Connection connection) throws SQLException {
        int version;
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > latest()) {
            throw new SQLException("The committee database was written by a newer Sorot (schema " + version
                    + "); this version knows schema " + latest() + ".");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int v = version; v < latest(); v++) {
                try (var statement = connection.createStatement()) {
                    for (String sql : MIGRATIONS.get(v).split(";\\s*\\n")) {
                        if (!sql.isBlank()) {
                            statement.execute(sql);
                        }
                    }
                    statement.execute("PRAGMA user_version = " + (v + 1));
                }
                connection.commit();
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
