package ai.sorot.lambda.library;

import ai.sorot.lambda.sqlite.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The library schema as a list of migrations; {@code PRAGMA user_version} records how many have
 * run. A newer Sorot adds a migration at the end and never edits one that shipped.
 */
final class LibraryMigrations {

    private LibraryMigrations() {}

    static final List<String> MIGRATIONS = List.of(
            // 1: analyses, the curator's review, tags, full-text search
            """
            CREATE TABLE analyses (
              rowid INTEGER PRIMARY KEY,
              id TEXT NOT NULL UNIQUE,
              title TEXT NOT NULL,
              authors TEXT NOT NULL DEFAULT '',
              file_name TEXT,
              trailer_url TEXT,
              logline TEXT NOT NULL DEFAULT '',
              synopsis TEXT NOT NULL DEFAULT '',
              genres TEXT NOT NULL DEFAULT '',
              recommendation TEXT,
              ai_score REAL,
              pages INTEGER,
              runtime REAL,
              scenes INTEGER,
              analysers TEXT,
              created_at TEXT,
              completed_at TEXT,
              saved_at TEXT NOT NULL,
              has_audio INTEGER NOT NULL DEFAULT 0,
              audio_type TEXT,
              has_thumbnail INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX analyses_score ON analyses(ai_score);
            CREATE INDEX analyses_saved ON analyses(saved_at);
            CREATE INDEX analyses_recommendation ON analyses(recommendation);
            CREATE TABLE reviews (
              analysis_id TEXT PRIMARY KEY REFERENCES analyses(id) ON DELETE CASCADE,
              rating INTEGER CHECK (rating BETWEEN 1 AND 5),
              verdict TEXT,
              notes TEXT NOT NULL DEFAULT '',
              shortlisted INTEGER NOT NULL DEFAULT 0,
              updated_at TEXT NOT NULL
            );
            CREATE INDEX reviews_rating ON reviews(rating);
            CREATE TABLE tags (
              analysis_id TEXT NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
              tag TEXT NOT NULL,
              PRIMARY KEY (analysis_id, tag)
            );
            CREATE VIRTUAL TABLE search USING fts5(
              title, authors, logline, synopsis, notes, tags,
              tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
            );
            """,
            // 2: review sessions, their rubric and scores, FilmFreeway submissions
            """
            CREATE TABLE sessions (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL UNIQUE,
              created_at TEXT NOT NULL,
              rubric TEXT NOT NULL DEFAULT '[]'
            );
            CREATE TABLE session_items (
              session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
              analysis_id TEXT NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              reviewed INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (session_id, analysis_id)
            );
            CREATE TABLE rubric_scores (
              session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
              analysis_id TEXT NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
              criterion TEXT NOT NULL,
              score INTEGER NOT NULL,
              PRIMARY KEY (session_id, analysis_id, criterion)
            );
            CREATE TABLE submissions (
              session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
              submission_id TEXT NOT NULL,
              title TEXT NOT NULL,
              submitter TEXT NOT NULL DEFAULT '',
              links TEXT NOT NULL DEFAULT '',
              analysis_id TEXT REFERENCES analyses(id) ON DELETE SET NULL,
              PRIMARY KEY (session_id, submission_id)
            );
            """,
            // 3: indexes for the columns the list sorts by, so a deep scroll stays fast at 10,000 analyses
            """
            CREATE INDEX analyses_title ON analyses(title COLLATE NOCASE);
            CREATE INDEX analyses_authors ON analyses(authors COLLATE NOCASE);
            CREATE INDEX analyses_pages ON analyses(pages);
            """,
            // 4: one embedding per analysis (SemanticLibrary): 384 little-endian floats, the model that
            // made them, and the analysis's saved/completed times they were made from (a re-analysis
            // differs, and is embedded again)
            """
            CREATE TABLE analysis_vectors (
              analysis_id TEXT PRIMARY KEY REFERENCES analyses(id) ON DELETE CASCADE,
              model TEXT NOT NULL,
              analysis_key TEXT NOT NULL,
              vector BLOB NOT NULL
            );
            """);

    /**
     * Rows an older Sorot saved with a verdict no model gave (its "offline heuristics" coverage
     * scored every script) are not judged: their recommendation and score are cleared so that they
     * list, filter and rank as "Not judged" and never beside a model's scores. Idempotent; cheap
     * once done (the score index finds no row to touch).
     */
    static void forgetUnreadVerdicts(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.executeUpdate("""
                    UPDATE analyses SET recommendation = NULL, ai_score = NULL
                    WHERE ai_score IS NOT NULL
                      AND (analysers = 'offline heuristics' OR analysers LIKE 'offline heuristics,%')""");
        }
    }

    /**
     * The check codes of each analysis (space-separated), for the library's flag column. Added on
     * open when missing rather than as a numbered migration: an older Sorot opening the file
     * ignores the column, and reports saved before it show no flag until saved again.
     */
    static void addCheckColumn(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT 1 FROM pragma_table_info('analyses') WHERE name = 'checks'")) {
            if (!rs.next()) {
                try (var alter = connection.createStatement()) {
                    alter.execute("ALTER TABLE analyses ADD COLUMN checks TEXT NOT NULL DEFAULT ''");
                }
            }
        }
    }

    static int latest() {
        return MIGRATIONS.size();
    }

    /**
     * The numbered steps on the shared SQLite layer's {@link Migrations} (keyed on
     * {@code user_version}), and on every open the two additions an older Sorot can ignore.
     */
    private static final Migrations SCHEMA = new Migrations(
                    MIGRATIONS.stream()
                            .<Migrations.Step>map(LibraryMigrations::step)
                            .toList(),
                    null)
            .thenAlways(st -> {
                forgetUnreadVerdicts(st.getConnection());
                addCheckColumn(st.getConnection());
            });

    private static Migrations.Step step(String script) {
        return st -> {
            for (String sql : script.split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
        };
    }

    /** Runs the migrations this file has not seen and the additions made on every open, in one transaction. */
    static void migrate(Connection connection) throws SQLException {
        SCHEMA.applyTo(connection);
    }
}
