package ai.sorot.lambda.local;

import ai.sorot.lambda.sqlite.Migrations;

/** The job database's schema, version by version (see {@link Migrations}). */
final class JobStoreSchema {

    private JobStoreSchema() {}

    static final Migrations MIGRATIONS = Migrations.of(
                    st -> {
                        st.executeUpdate("""
                        CREATE TABLE IF NOT EXISTS jobs (
                          id TEXT PRIMARY KEY,
                          state TEXT NOT NULL,
                          content_key TEXT NOT NULL,
                          source_key TEXT NOT NULL,
                          file_name TEXT NOT NULL,
                          source_kind TEXT NOT NULL,
                          source_bytes INTEGER NOT NULL,
                          trailer_url TEXT,
                          request_title TEXT,
                          title TEXT,
                          created_at INTEGER NOT NULL,
                          updated_at INTEGER NOT NULL,
                          completed_at INTEGER,
                          error_code TEXT,
                          error_message TEXT,
                          recommendation TEXT,
                          overall_score REAL)""");
                        st.executeUpdate("CREATE INDEX IF NOT EXISTS jobs_newest ON jobs (created_at DESC, id DESC)");
                        st.executeUpdate(
                                "CREATE INDEX IF NOT EXISTS jobs_content ON jobs (content_key, created_at DESC)");
                        st.executeUpdate("CREATE INDEX IF NOT EXISTS jobs_state ON jobs (state, created_at)");
                        st.executeUpdate("""
                        CREATE TABLE IF NOT EXISTS steps (
                          job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
                          step INTEGER NOT NULL,
                          status TEXT NOT NULL,
                          started_at INTEGER,
                          finished_at INTEGER,
                          error_code TEXT,
                          error_message TEXT,
                          provider TEXT,
                          model TEXT,
                          offline INTEGER,
                          input_tokens INTEGER,
                          output_tokens INTEGER,
                          characters INTEGER,
                          video_seconds REAL,
                          cost_usd REAL,
                          output_key TEXT,
                          attempts INTEGER NOT NULL DEFAULT 0,
                          lease_owner TEXT,
                          lease_until INTEGER,
                          PRIMARY KEY (job_id, step))""");
                    },
                    st -> {
                        // where a step's model read the script (this computer, a festival host, the cloud) and that
                        // host
                        st.executeUpdate("ALTER TABLE steps ADD COLUMN place TEXT");
                        st.executeUpdate("ALTER TABLE steps ADD COLUMN host TEXT");
                    })
            // beside the numbered schema, not in it: a store of any version gains it on open, and an older Sorot
            // ignores it
            .thenAlways(st -> st.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS fingerprints (
                      analysis_id TEXT PRIMARY KEY,
                      title TEXT,
                      file_name TEXT,
                      fingerprint TEXT NOT NULL)"""));
}
