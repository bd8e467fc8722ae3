package ai.sorot.lambda.local;

import ai.sorot.lambda.files.OwnerOnly;
import ai.sorot.lambda.pipeline.CreateOutcome;
import ai.sorot.lambda.pipeline.Job;
import ai.sorot.lambda.pipeline.JobOutcome;
import ai.sorot.lambda.pipeline.JobPage;
import ai.sorot.lambda.pipeline.JobStore;
import ai.sorot.lambda.pipeline.Lease;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.lambda.pipeline.StepResult;
import ai.sorot.lambda.pipeline.StepRun;
import ai.sorot.lambda.pipeline.Submission;
import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.report.Usage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The local {@link JobStore}: one SQLite file in the Sorot home, in WAL mode so that status
 * polls read while a worker writes. One writer connection behind a lock (SQLite has one writer
 * anyway) and a small pool of readers. Every transition is a single conditional {@code UPDATE},
 * the same shape as the DynamoDB condition expressions of the cloud store.
 */
public final class SqliteJobStore implements JobStore {

    private static final int SCHEMA_VERSION = 2;
    private static final String JOB_COLUMNS = "id, state, content_key, source_key, file_name, source_kind, source_bytes, "
            + "trailer_url, request_title, title, created_at, updated_at, completed_at, error_code, error_message, "
            + "recommendation, overall_score";
    private static final String STEP_COLUMNS = "job_id, step, status, started_at, finished_at, error_code, error_message, "
            + "provider, model, offline, place, host, input_tokens, output_tokens, characters, video_seconds, cost_usd, "
            + "output_key, attempts";

    private final Path file;
    private final Conn writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Conn> readers;
    private final List<Conn> all = new ArrayList<>();
    /**
     * Jobs as last read, so that status polls (64 pollers on a few running jobs) do not each query
     * SQLite. Every write drops its job after committing and moves the generation on; a read fills
     * the cache only if no write happened while it read, so a stale job is never cached.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Job> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private static final int CACHE_LIMIT = 4096;
    private volatile boolean closed;

    private SqliteJobStore(Path file, int readerCount) throws SQLException {
        this.file = file;
        this.writer = open(file, false);
        all.add(writer);
        migrate(writer.connection);
        this.readers = new ArrayBlockingQueue<>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            var reader = open(file, true);
            all.add(reader);
            readers.add(reader);
        }
    }

    public static SqliteJobStore open(Path file) {
        return open(file, Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() * 2)));
    }

    public static SqliteJobStore open(Path file, int readerCount) {
        try {
            OwnerOnly.createFileIfMissing(file); // else SQLite makes it with the umask's permissions
            return new SqliteJobStore(file, readerCount);
        } catch (java.io.IOException e) {
            throw new SorotException(ErrorCode.INTERNAL, "Cannot create the job database " + file + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new SorotException(ErrorCode.INTERNAL, "Cannot open the job database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    private static Conn open(Path file, boolean reader) throws SQLException {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        var connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        if (!reader) {
            connection.setAutoCommit(false);
        }
        return new Conn(connection);
    }

    private static void migrate(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            int version;
            try (var rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new SQLException("the database was written by a newer Sorot (schema " + version + ")");
            }
            if (version < 1) {
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
                st.executeUpdate("CREATE INDEX IF NOT EXISTS jobs_content ON jobs (content_key, created_at DESC)");
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
                st.executeUpdate("PRAGMA user_version = 1");
                version = 1;
            }
            if (version < 2) {
                // where a step's model read the script (this computer, a festival host, the cloud) and that host
                st.executeUpdate("ALTER TABLE steps ADD COLUMN place TEXT");
                st.executeUpdate("ALTER TABLE steps ADD COLUMN host TEXT");
                st.executeUpdate("PRAGMA user_version = 2");
            }
            // added beside schema 1, not in it: a store of any version gains it on open, and an older Sorot ignores it
            st.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS fingerprints (
                      analysis_id TEXT PRIMARY KEY,
                      title TEXT,
                      file_name TEXT,
                      fingerprint TEXT NOT NULL)""");
            c.commit();
        }
    }

    // ---- writes ------------------------------------------------------------------------------

    @Override
    public CreateOutcome create(Job job, boolean dedupe) {
        return write(job.id(), c -> {
            if (dedupe) {
                var existing = c.prepare("SELECT id FROM jobs WHERE content_key = ? AND state <> 'failed' "
                        + "ORDER BY created_at DESC, id DESC LIMIT 1");
                existing.setString(1, job.submission().contentKey());
                try (var rs = existing.executeQuery()) {
                    if (rs.next()) {
                        return new CreateOutcome.Existing(readJob(c, rs.getString(1)).orElseThrow());
                    }
                }
            }
            var s = job.submission();
            var insert = c.prepare("INSERT INTO jobs (" + JOB_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            insert.setString(1, job.id());
            insert.setString(2, job.state().json());
            insert.setString(3, s.contentKey());
            insert.setString(4, s.sourceKey());
            insert.setString(5, s.fileName());
            insert.setString(6, s.kind().name());
            insert.setLong(7, s.sourceBytes());
            insert.setString(8, s.trailerUrl());
            insert.setString(9, s.title());
            insert.setString(10, job.title());
            insert.setLong(11, job.createdAt().toEpochMilli());
            insert.setLong(12, job.updatedAt().toEpochMilli());
            setInstant(insert, 13, job.completedAt());
            insert.setString(14, job.error() == null ? null : job.error().code());
            insert.setString(15, job.error() == null ? null : job.error().message());
            insert.setString(16, job.recommendation() == null ? null : job.recommendation().name());
            setDouble(insert, 17, job.overallScore());
            insert.executeUpdate();
            var step = c.prepare("INSERT INTO steps (job_id, step, status, attempts) VALUES (?,?,?,0)");
            for (var run : job.steps()) {
                step.setString(1, job.id());
                step.setInt(2, run.step().number());
                step.setString(3, run.status().json());
                step.addBatch();
            }
            step.executeBatch();
            return new CreateOutcome.Created(job);
        });
    }

    @Override
    public boolean claimStep(String id, PipelineStep step, Lease lease) {
        return write(id, c -> {
            var claim = c.prepare("""
                    UPDATE steps SET status = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                           started_at = COALESCE(started_at, ?), error_code = NULL, error_message = NULL
                    WHERE job_id = ? AND step = ?
                      AND (status = 'pending' OR (status = 'running' AND (lease_until <= ? OR lease_owner = ?)))
                      AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND state IN ('queued', 'processing'))
                      AND NOT EXISTS (SELECT 1 FROM steps p WHERE p.job_id = ? AND (? >> p.step) & 1 = 1
                                      AND p.status NOT IN ('completed', 'skipped'))""");
            long now = lease.now().toEpochMilli();
            claim.setString(1, lease.owner());
            claim.setLong(2, lease.until().toEpochMilli());
            claim.setLong(3, now);
            claim.setString(4, id);
            claim.setInt(5, step.number());
            claim.setLong(6, now);
            claim.setString(7, lease.owner());
            claim.setString(8, id);
            claim.setString(9, id);
            claim.setInt(10, requiredMask(step));
            if (claim.executeUpdate() != 1) {
                return false;
            }
            var job = c.prepare("UPDATE jobs SET state = 'processing', updated_at = ? WHERE id = ?");
            job.setLong(1, now);
            job.setString(2, id);
            job.executeUpdate();
            return true;
        });
    }

    /** Bit n set when step number n must be done first. */
    private static int requiredMask(PipelineStep step) {
        int mask = 0;
        for (var required : step.requires()) {
            mask |= 1 << required.number();
        }
        return mask;
    }

    @Override
    public boolean completeStep(String id, PipelineStep step, StepResult result, String owner) {
        return write(id, c -> {
            var update = c.prepare("""
                    UPDATE steps SET status = ?, finished_at = ?, provider = ?, model = ?, offline = ?,
                           input_tokens = ?, output_tokens = ?, characters = ?, video_seconds = ?, cost_usd = ?,
                           output_key = ?, place = ?, host = ?, lease_owner = NULL, lease_until = NULL
                    WHERE job_id = ? AND step = ? AND status = 'running' AND lease_owner = ?
                      AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND state = 'processing')""");
            var p = result.provenance();
            var u = result.usage();
            update.setString(1, result.status().json());
            update.setLong(2, result.finishedAt().toEpochMilli());
            update.setString(3, p == null ? null : p.provider());
            update.setString(4, p == null ? null : p.model());
            if (p == null) {
                update.setNull(5, Types.INTEGER);
            } else {
                update.setInt(5, p.offline() ? 1 : 0);
            }
            update.setLong(6, u.inputTokens());
            update.setLong(7, u.outputTokens());
            update.setLong(8, u.characters());
            update.setDouble(9, u.videoSeconds());
            update.setDouble(10, u.costUsd());
            update.setString(11, result.outputKey());
            update.setString(12, p == null ? null : p.place().name());
            update.setString(13, p == null ? null : p.host());
            update.setString(14, id);
            update.setInt(15, step.number());
            update.setString(16, owner);
            update.setString(17, id);
            if (update.executeUpdate() != 1) {
                return false;
            }
            touch(c, id, result.finishedAt());
            return true;
        });
    }

    @Override
    public boolean failStep(String id, PipelineStep step, ApiError error, Instant at, String owner) {
        return write(id, c -> {
            var update = c.prepare("""
                    UPDATE steps SET status = 'failed', finished_at = ?, error_code = ?, error_message = ?,
                           lease_owner = NULL, lease_until = NULL
                    WHERE job_id = ? AND step = ? AND status = 'running' AND lease_owner = ?
                      AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND state IN ('processing', 'failed'))""");
            update.setLong(1, at.toEpochMilli());
            update.setString(2, error.code());
            update.setString(3, error.message());
            update.setString(4, id);
            update.setInt(5, step.number());
            update.setString(6, owner);
            update.setString(7, id);
            if (update.executeUpdate() != 1) {
                return false;
            }
            // a step running beside one that already failed the job records its own failure, not the job's
            var job = c.prepare("UPDATE jobs SET state = 'failed', error_code = ?, error_message = ?, updated_at = ? "
                    + "WHERE id = ? AND state = 'processing'");
            job.setString(1, error.code());
            job.setString(2, error.message());
            job.setLong(3, at.toEpochMilli());
            job.setString(4, id);
            job.executeUpdate();
            return true;
        });
    }

    @Override
    public boolean failQueued(String id, ApiError error, Instant at) {
        return write(id, c -> {
            var job = c.prepare("UPDATE jobs SET state = 'failed', error_code = ?, error_message = ?, updated_at = ? "
                    + "WHERE id = ? AND state = 'queued'");
            job.setString(1, error.code());
            job.setString(2, error.message());
            job.setLong(3, at.toEpochMilli());
            job.setString(4, id);
            return job.executeUpdate() == 1;
        });
    }

    @Override
    public boolean abandon(String id, ApiError error, Instant at) {
        return write(id, c -> {
            var job = c.prepare("UPDATE jobs SET state = 'failed', error_code = ?, error_message = ?, updated_at = ? "
                    + "WHERE id = ? AND state IN ('queued', 'processing')");
            job.setString(1, error.code());
            job.setString(2, error.message());
            job.setLong(3, at.toEpochMilli());
            job.setString(4, id);
            if (job.executeUpdate() != 1) {
                return false;
            }
            var steps = c.prepare("UPDATE steps SET status = 'failed', finished_at = ?, error_code = ?, error_message = ?, "
                    + "lease_owner = NULL, lease_until = NULL WHERE job_id = ? AND status = 'running'");
            steps.setLong(1, at.toEpochMilli());
            steps.setString(2, error.code());
            steps.setString(3, error.message());
            steps.setString(4, id);
            steps.executeUpdate();
            return true;
        });
    }

    @Override
    public boolean completeJob(String id, JobOutcome outcome) {
        return write(id, c -> {
            var job = c.prepare("""
                    UPDATE jobs SET state = 'completed', completed_at = ?, updated_at = ?, title = COALESCE(?, title),
                           recommendation = ?, overall_score = ?
                    WHERE id = ? AND state = 'processing'
                      AND NOT EXISTS (SELECT 1 FROM steps WHERE job_id = ? AND status NOT IN ('completed', 'skipped'))""");
            long at = outcome.completedAt().toEpochMilli();
            job.setLong(1, at);
            job.setLong(2, at);
            job.setString(3, outcome.title());
            job.setString(4, outcome.recommendation() == null ? null : outcome.recommendation().name());
            setDouble(job, 5, outcome.overallScore());
            job.setString(6, id);
            job.setString(7, id);
            return job.executeUpdate() == 1;
        });
    }

    @Override
    public List<PriorFingerprint> priorFingerprints(String exceptId) {
        return read(c -> {
            // newest analyses first, as the job list orders them; one whose job row is gone goes last
            var query = c.prepare("""
                    SELECT f.analysis_id, f.title, f.file_name, f.fingerprint FROM fingerprints f
                      LEFT JOIN jobs j ON j.id = f.analysis_id
                    WHERE f.analysis_id <> ?
                    ORDER BY j.created_at IS NULL, j.created_at DESC, f.analysis_id DESC LIMIT ?""");
            query.setString(1, exceptId);
            query.setInt(2, PRIOR_FINGERPRINTS);
            var out = new ArrayList<PriorFingerprint>();
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    out.add(new PriorFingerprint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    @Override
    public void rememberFingerprint(PriorFingerprint fingerprint) {
        write(c -> {
            var insert = c.prepare("""
                    INSERT INTO fingerprints (analysis_id, title, file_name, fingerprint) VALUES (?, ?, ?, ?)
                    ON CONFLICT (analysis_id) DO UPDATE SET title = excluded.title, file_name = excluded.file_name,
                      fingerprint = excluded.fingerprint""");
            insert.setString(1, fingerprint.analysisId());
            insert.setString(2, fingerprint.title());
            insert.setString(3, fingerprint.fileName());
            insert.setString(4, fingerprint.fingerprint());
            return insert.executeUpdate();
        });
    }

    /**
     * Ends every running step's lease. Only for a process that holds the Sorot home's lock at
     * start: no other worker can be running those steps, so they resume at once instead of after
     * their leases run out.
     */
    public int releaseLeases(Instant now) {
        try {
            return write(c -> {
                var update = c.prepare("UPDATE steps SET lease_until = ? WHERE status = 'running'");
                update.setLong(1, now.toEpochMilli());
                return update.executeUpdate();
            });
        } finally {
            generation.incrementAndGet();
            cache.clear();
        }
    }

    private static void touch(Conn c, String id, Instant at) throws SQLException {
        var touch = c.prepare("UPDATE jobs SET updated_at = ? WHERE id = ?");
        touch.setLong(1, at.toEpochMilli());
        touch.setString(2, id);
        touch.executeUpdate();
    }

    // ---- reads -------------------------------------------------------------------------------

    @Override
    public Optional<Job> find(String id) {
        var cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation.get();
        var job = read(c -> readJob(c, id));
        if (job.isPresent() && generation.get() == before) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(id, job.get());
        }
        return job;
    }

    @Override
    public JobPage list(int limit, String cursor) {
        int size = Math.max(1, Math.min(limit, 200));
        var after = Cursor.decode(cursor);
        return read(c -> {
            PreparedStatement query;
            if (after == null) {
                query = c.prepare("SELECT " + JOB_COLUMNS + " FROM jobs ORDER BY created_at DESC, id DESC LIMIT ?");
                query.setInt(1, size + 1);
            } else {
                query = c.prepare("SELECT " + JOB_COLUMNS + " FROM jobs WHERE created_at < ? OR (created_at = ? AND id < ?) "
                        + "ORDER BY created_at DESC, id DESC LIMIT ?");
                query.setLong(1, after.createdAt());
                query.setLong(2, after.createdAt());
                query.setString(3, after.id());
                query.setInt(4, size + 1);
            }
            var rows = new LinkedHashMap<String, JobRow>();
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    var row = jobRow(rs);
                    rows.put(row.id, row);
                }
            }
            var ids = new ArrayList<>(rows.keySet());
            boolean more = ids.size() > size;
            if (more) {
                rows.remove(ids.removeLast());
            }
            var steps = readSteps(c, ids);
            var jobs = new ArrayList<Job>();
            for (var row : rows.values()) {
                jobs.add(row.toJob(steps.getOrDefault(row.id, List.of())));
            }
            String next = more && !jobs.isEmpty() ? Cursor.encode(jobs.getLast()) : null;
            return new JobPage(jobs, next);
        });
    }

    @Override
    public List<String> unfinished(int limit) {
        return read(c -> {
            var query = c.prepare("SELECT id FROM jobs WHERE state IN ('queued', 'processing') ORDER BY created_at, id LIMIT ?");
            query.setInt(1, limit);
            var ids = new ArrayList<String>();
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    private static Optional<Job> readJob(Conn c, String id) throws SQLException {
        var query = c.prepare("SELECT " + JOB_COLUMNS + " FROM jobs WHERE id = ?");
        query.setString(1, id);
        JobRow row;
        try (var rs = query.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            row = jobRow(rs);
        }
        return Optional.of(row.toJob(readSteps(c, List.of(id)).getOrDefault(id, List.of())));
    }

    private static Map<String, List<StepRun>> readSteps(Conn c, List<String> ids) throws SQLException {
        var out = new HashMap<String, List<StepRun>>();
        if (ids.isEmpty()) {
            return out;
        }
        var marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        var query = c.prepare("SELECT " + STEP_COLUMNS + " FROM steps WHERE job_id IN (" + marks + ") ORDER BY job_id, step");
        for (int i = 0; i < ids.size(); i++) {
            query.setString(i + 1, ids.get(i));
        }
        try (var rs = query.executeQuery()) {
            while (rs.next()) {
                var step = PipelineStep.ofNumber(rs.getInt("step"));
                var errorCode = rs.getString("error_code");
                var provider = rs.getString("provider");
                var place = rs.getString("place"); // null in rows written before places were kept
                var provenance = provider == null ? null : new Provenance(provider, rs.getString("model"),
                        rs.getInt("offline") == 1, place == null ? null : Provenance.Place.valueOf(place), rs.getString("host"));
                var status = StepStatus.fromJson(rs.getString("status"));
                var finished = instant(rs, "finished_at");
                var usage = finished == null ? null : new Usage(rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                        rs.getLong("characters"), rs.getDouble("video_seconds"), rs.getDouble("cost_usd"));
                var run = new StepRun(step, status, instant(rs, "started_at"), finished,
                        errorCode == null ? null : new ApiError(errorCode, rs.getString("error_message")),
                        provenance, usage, rs.getString("output_key"), rs.getInt("attempts"));
                out.computeIfAbsent(rs.getString("job_id"), k -> new ArrayList<>()).add(run);
            }
        }
        return out;
    }

    private record JobRow(String id, JobState state, Submission submission, ApiError error, Instant createdAt,
                          Instant updatedAt, Instant completedAt, String title, Recommendation recommendation,
                          Double overallScore) {
        Job toJob(List<StepRun> steps) {
            return new Job(id, state, submission, steps, error, createdAt, updatedAt, completedAt, title, recommendation, overallScore);
        }
    }

    private static JobRow jobRow(ResultSet rs) throws SQLException {
        var submission = new Submission(rs.getString("content_key"), rs.getString("source_key"), rs.getString("file_name"),
                ScriptFormat.valueOf(rs.getString("source_kind")), rs.getLong("source_bytes"),
                rs.getString("trailer_url"), rs.getString("request_title"));
        var errorCode = rs.getString("error_code");
        var recommendation = rs.getString("recommendation");
        double score = rs.getDouble("overall_score");
        Double overall = rs.wasNull() ? null : score;
        return new JobRow(rs.getString("id"), JobState.fromJson(rs.getString("state")), submission,
                errorCode == null ? null : new ApiError(errorCode, rs.getString("error_message")),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "completed_at"), rs.getString("title"),
                recommendation == null ? null : Recommendation.valueOf(recommendation), overall);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void setInstant(PreparedStatement st, int index, Instant value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setLong(index, value.toEpochMilli());
        }
    }

    private static void setDouble(PreparedStatement st, int index, Double value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.REAL);
        } else {
            st.setDouble(index, value);
        }
    }

    // ---- connections -------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run(Conn c) throws SQLException;
    }

    /** A write to one job: committed, then the job leaves the cache. */
    private <T> T write(String id, Work<T> work) {
        try {
            return write(work);
        } finally {
            generation.incrementAndGet();
            cache.remove(id);
        }
    }

    private <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            try {
                var result = work.run(writer);
                writer.connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            }
        } catch (SQLException e) {
            throw new SorotException(ErrorCode.INTERNAL, "The job database failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            writer.connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one to report
        }
    }

    private <T> T read(Work<T> work) {
        ensureOpen();
        Conn c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SorotException(ErrorCode.INTERNAL, "Interrupted while waiting for the job database.");
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new SorotException(ErrorCode.INTERNAL, "The job database failed: " + e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new SorotException(ErrorCode.INTERNAL, "The job database is closed.");
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (var c : all) {
                c.close();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** A connection with its prepared statements, prepared once. */
    private static final class Conn {
        final Connection connection;
        final Map<String, PreparedStatement> statements = new HashMap<>();

        Conn(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            var st = statements.get(sql);
            if (st == null) {
                st = connection.prepareStatement(sql);
                statements.put(sql, st);
            } else {
                st.clearParameters();
            }
            return st;
        }

        void close() {
            try {
                for (var st : statements.values()) {
                    st.close();
                }
                connection.close();
            } catch (SQLException ignored) {
                // closing at shutdown: nothing left to save
            }
        }
    }

    /** Page position: the last job's creation time and id, opaque to clients. */
    private record Cursor(long createdAt, String id) {

        static String encode(Job job) {
            var raw = job.createdAt().toEpochMilli() + ":" + job.id();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                var raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                return new Cursor(Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new SorotException(ErrorCode.INVALID_PARAMETER, "The cursor is not one this server handed out.");
            }
        }
    }
}
