package ai.sorot.lambda.committee;

import ai.sorot.lambda.sqlite.Migrations;

/**
 * The committee database's schema, version by version (see {@link Migrations}); {@code PRAGMA
 * user_version} of its own file records how many steps have run, so the job store's versions never
 * mix with these. A newer Sorot adds a step at the end and never edits one that shipped.
 */
final class CommitteeSchema {

    private CommitteeSchema() {}

    static final Migrations MIGRATIONS = Migrations.of(
            // 1: members, reviews, sessions, assignments, conflicts
            st -> {
                st.executeUpdate("""
                        CREATE TABLE members (
                          member_id TEXT PRIMARY KEY,
                          name TEXT NOT NULL,
                          email TEXT,
                          role TEXT NOT NULL,
                          subject TEXT,
                          created_at TEXT NOT NULL,
                          revoked_at TEXT,
                          token_hash TEXT NOT NULL UNIQUE
                        )""");
                st.executeUpdate("CREATE INDEX members_subject ON members(subject)");
                st.executeUpdate("""
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
                        )""");
                st.executeUpdate("CREATE INDEX reviews_session ON reviews(session_id, member_id)");
                st.executeUpdate("""
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
                        )""");
                st.executeUpdate("""
                        CREATE TABLE assignments (
                          session_id TEXT NOT NULL,
                          analysis_id TEXT NOT NULL,
                          member_id TEXT NOT NULL,
                          title TEXT,
                          pages INTEGER NOT NULL,
                          PRIMARY KEY (session_id, member_id, analysis_id)
                        )""");
                st.executeUpdate("""
                        CREATE TABLE conflicts (
                          session_id TEXT NOT NULL,
                          member_id TEXT NOT NULL,
                          analysis_id TEXT NOT NULL,
                          PRIMARY KEY (session_id, member_id, analysis_id)
                        )""");
            },
            // 2: a session's assignments and reviews in script order without sorting them on every
            // GET /sessions/{id} (the assignments' index covers every column, so no row lookups either)
            st -> {
                st.executeUpdate("CREATE INDEX assignments_by_script"
                        + " ON assignments(session_id, analysis_id, member_id, title, pages)");
                st.executeUpdate(
                        "CREATE INDEX reviews_by_session_script ON reviews(session_id, analysis_id, member_id)");
            });
}
