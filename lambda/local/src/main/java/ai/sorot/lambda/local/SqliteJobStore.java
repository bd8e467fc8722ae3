package ai.sorot.lambda.local;

import static ai.sorot.lambda.local.JobRows.JOB_COLUMNS;

import ai.sorot.lambda.files.OwnerOnly;
import ai.sorot.lambda.pipeline.CreateOutcome;
import ai.sorot.lambda.pipeline.Job;
import ai.sorot.lambda.pipeline.JobOutcome;
import ai.sorot.lambda.pipeline.JobPage;
import ai.sorot.lambda.pipeline.JobStore;
import ai.sorot.lambda.pipeline.Lease;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.lambda.pipeline.StepResult;
import ai.sorot.lambda.sqlite.SqliteConnection;
import ai.sorot.lambda.sqlite.SqliteDatabase;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local {@link JobStore}: one SQLite file in the Sorot home, in WAL mode so that status
 * polls read while a worker writes ({@link SqliteDatabase}). Every transition is a single
 * conditional {@code UPDATE}, the same shape as the DynamoDB condition expressions of the cloud
 * store. The rows' layout is {@link JobRows}; the schema {@link JobStoreSchema}.
 */
public final class SqliteJobStore implements JobStore {

    private static final int CACHE_LIMIT = 4096;

    private final SqliteDatabase db;
    /**
     * Jobs as last read, so that status polls (64 pollers on a few running jobs) do not each query
     * SQLite. Every write drops its job after committing and moves the generation on; a read fills
     * the cache only if no write happened while it read, so a stale job is never cached.
     */
    private final ConcurrentHashMap<String, Job> cache = new ConcurrentHashMap<>();

    private final AtomicLong generation = new AtomicLong();

    private SqliteJobStore(SqliteDatabase db) {
        this.db = db;
    }

    public static SqliteJobStore open(Path file) {
        return open(file, SqliteDatabase.defaultReaders());
    }

    public static SqliteJobStore open(Path file, int readerCount) {
        try {
            OwnerOnly.createFileIfMissing(file); // else SQLite makes it with the umask's permissions
        } catch (java.io.IOException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "Cannot create the job database " + file + ": " + e.getMessage(), e);
        }
        return new SqliteJobStore(
                SqliteDatabase.open(file, "the job database", readerCount, JobStoreSchema.MIGRATIONS));
    }

    public Path file() {
        return db.file();
    }

    // ---- writes ------------------------------------------------------------------------------

    @Override
    public CreateOutcome create(Job job, boolean dedupe) {
        return write(job.id(), c -> {
            if (dedupe) {
                var existing = c.sql("SELECT id FROM jobs WHERE content_key = ? AND state <> 'failed' "
                                + "ORDER BY created_at DESC, id DESC LIMIT 1")
                        .bind(job.submission().contentKey())
                        .first(rs -> rs.getString(1));
                if (existing.isPresent()) {
                    return new CreateOutcome.Existing(
                            JobRows.readJob(c, existing.get()).orElseThrow());
                }
            }
            c.sql("INSERT INTO jobs (" + JOB_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                    .bind(JobRows.values(job))
                    .update();
            var step = c.sql("INSERT INTO steps (job_id, step, status, attempts) VALUES (?,?,?,0)");
            for (var run : job.steps()) {
                step.bind(job.id(), run.step().number(), run.status().json()).addBatch();
            }
            step.runBatch();
            return new CreateOutcome.Created(job);
        });
    }

    @Override
    public boolean claimStep(String id, PipelineStep step, Lease lease) {
        return write(id, c -> {
            var now = lease.now();
            int claimed = c.sql("""
                    UPDATE steps SET status = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                           started_at = COALESCE(started_at, ?), error_code = NULL, error_message = NULL
                    WHERE job_id = ? AND step = ?
                      AND (status = 'pending' OR (status = 'running' AND (lease_until <= ? OR lease_owner = ?)))
                      AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND state IN ('queued', 'processing'))
                      AND NOT EXISTS (SELECT 1 FROM steps p WHERE p.job_id = ? AND (? >> p.step) & 1 = 1
                                      AND p.status NOT IN ('completed', 'skipped'))""")
                    .bind(
                            lease.owner(),
                            lease.until(),
                            now,
                            id,
                            step.number(),
                            now,
                            lease.owner(),
                            id,
                            id,
                            requiredMask(step))
                    .update();
            if (claimed != 1) {
                return false;
            }
            c.sql("UPDATE jobs SET state = 'processing', updated_at = ? WHERE id = ?")
                    .bind(now, id)
                    .update();
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
            var p = result.provenance();
            var u = result.usage();
            int updated = c.sql("""
                    UPDATE steps SET status = ?, finished_at = ?, provider = ?, model = ?, offline = ?,
                           input_tokens = ?, output_tokens = ?, characters = ?, video_seconds = ?, cost_usd = ?,
                           output_key = ?, place = ?, host = ?, lease_owner = NULL, lease_until = NULL
                    WHERE job_id = ? AND step = ? AND status = 'running' AND lease_owner = ?
                      AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND state = 'processing')""")
                    .bind(
                            result.status().json(),
                            result.finishedAt(),
                            p == null ? null : p.provider(),
                            p == null ? null : p.model(),
                            p == null ? null : p.offline(),
                            u.inputTokens(),
                            u.outputTokens(),
                            u.characters(),
                            u.videoSeconds(),
                            u.costUsd(),
                            result.outputKey(),
                            p == null ? null : p.place(),
                            p == null ? null : p.host(),
                            id,
                            step.number(),
                            owner,
                            id)
                    .update();
            if (updated != 1) {
                return false;
            }
            touch(c, id, result.finishedAt());
            return true;
        });
    }

    @Override
    public boolean failStep(String id, PipelineStep step, ApiError error, Instant at, String owner) {
        return write(id, c -> {
            int updated = c.sql("""
                    UPDATE steps SET status = 'failed', finished_at = ?, error_code = ?, error_message = ?,
                           lease_owner = NULL, lease_until = NULL
                    WHERE job_id = ? AND step = ? AND status = 'running' AND lease_owner = ?
                      AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND state IN ('processing', 'failed'))""")
                    .bind(at, error.code(), error.message(), id, step.number(), owner, id)
                    .update();
            if (updated != 1) {
                return false;
            }
            // a step running beside one that already failed the job records its own failure, not the job's
            c.sql("UPDATE jobs SET state = 'failed', error_code = ?, error_message = ?, updated_at = ? "
                            + "WHERE id = ? AND state = 'processing'")
                    .bind(error.code(), error.message(), at, id)
                    .update();
            return true;
        });
    }

    @Override
    public boolean failQueued(String id, ApiError error, Instant at) {
        return write(
                id,
                c -> c.sql("UPDATE jobs SET state = 'failed', error_code = ?, error_message = ?, updated_at = ? "
                                        + "WHERE id = ? AND state = 'queued'")
                                .bind(error.code(), error.message(), at, id)
                                .update()
                        == 1);
    }

    @Override
    public boolean abandon(String id, ApiError error, Instant at) {
        return write(id, c -> {
            int updated = c.sql("UPDATE jobs SET state = 'failed', error_code = ?, error_message = ?, updated_at = ? "
                            + "WHERE id = ? AND state IN ('queued', 'processing')")
                    .bind(error.code(), error.message(), at, id)
                    .update();
            if (updated != 1) {
                return false;
            }
            c.sql("UPDATE steps SET status = 'failed', finished_at = ?, error_code = ?, error_message = ?, "
                            + "lease_owner = NULL, lease_until = NULL WHERE job_id = ? AND status = 'running'")
                    .bind(at, error.code(), error.message(), id)
                    .update();
            return true;
        });
    }

    @Override
    public boolean completeJob(String id, JobOutcome outcome) {
        return write(
                id,
                c -> c.sql("""
                UPDATE jobs SET state = 'completed', completed_at = ?, updated_at = ?, title = COALESCE(?, title),
                       recommendation = ?, overall_score = ?
                WHERE id = ? AND state = 'processing'
                  AND NOT EXISTS (SELECT 1 FROM steps WHERE job_id = ? AND status NOT IN ('completed', 'skipped'))""")
                                .bind(
                                        outcome.completedAt(),
                                        outcome.completedAt(),
                                        outcome.title(),
                                        outcome.recommendation(),
                                        outcome.overallScore(),
                                        id,
                                        id)
                                .update()
                        == 1);
    }

    @Override
    public List<PriorFingerprint> priorFingerprints(String exceptId) {
        // newest analyses first, as the job list orders them; one whose job row is gone goes last
        return db.read(c -> c.sql("""
                SELECT f.analysis_id, f.title, f.file_name, f.fingerprint FROM fingerprints f
                  LEFT JOIN jobs j ON j.id = f.analysis_id
                WHERE f.analysis_id <> ?
                ORDER BY j.created_at IS NULL, j.created_at DESC, f.analysis_id DESC LIMIT ?""")
                .bind(exceptId, PRIOR_FINGERPRINTS)
                .list(rs -> new PriorFingerprint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))));
    }

    @Override
    public void rememberFingerprint(PriorFingerprint fingerprint) {
        db.write(c -> c.sql("""
                INSERT INTO fingerprints (analysis_id, title, file_name, fingerprint) VALUES (?, ?, ?, ?)
                ON CONFLICT (analysis_id) DO UPDATE SET title = excluded.title, file_name = excluded.file_name,
                  fingerprint = excluded.fingerprint""")
                .bind(fingerprint.analysisId(), fingerprint.title(), fingerprint.fileName(), fingerprint.fingerprint())
                .update());
    }

    /**
     * Ends every running step's lease. Only for a process that holds the Sorot home's lock at
     * start: no other worker can be running those steps, so they resume at once instead of after
     * their leases run out.
     */
    public int releaseLeases(Instant now) {
        try {
            return db.write(c -> c.sql("UPDATE steps SET lease_until = ? WHERE status = 'running'")
                    .bind(now)
                    .update());
        } finally {
            generation.incrementAndGet();
            cache.clear();
        }
    }

    private static void touch(SqliteConnection c, String id, Instant at) throws SQLException {
        c.sql("UPDATE jobs SET updated_at = ? WHERE id = ?").bind(at, id).update();
    }

    // ---- reads -------------------------------------------------------------------------------

    @Override
    public Optional<Job> find(String id) {
        var cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation.get();
        var job = db.read(c -> JobRows.readJob(c, id));
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
        var after = JobRows.Cursor.decode(cursor);
        return db.read(c -> {
            var query = after == null
                    ? c.sql("SELECT " + JOB_COLUMNS + " FROM jobs ORDER BY created_at DESC, id DESC LIMIT ?")
                            .bind(size + 1)
                    : c.sql("SELECT " + JOB_COLUMNS + " FROM jobs WHERE created_at < ? OR (created_at = ? AND id < ?) "
                                    + "ORDER BY created_at DESC, id DESC LIMIT ?")
                            .bind(after.createdAt(), after.createdAt(), after.id(), size + 1);
            var rows = new LinkedHashMap<String, JobRows.JobRow>();
            for (var row : query.list(JobRows::jobRow)) {
                rows.put(row.id(), row);
            }
            var ids = new ArrayList<>(rows.keySet());
            boolean more = ids.size() > size;
            if (more) {
                rows.remove(ids.removeLast());
            }
            var steps = JobRows.readSteps(c, ids);
            var jobs = new ArrayList<Job>();
            for (var row : rows.values()) {
                jobs.add(row.toJob(steps.getOrDefault(row.id(), List.of())));
            }
            String next = more && !jobs.isEmpty() ? JobRows.Cursor.encode(jobs.getLast()) : null;
            return new JobPage(jobs, next);
        });
    }

    @Override
    public List<String> unfinished(int limit) {
        return db.read(c -> c.sql(
                        "SELECT id FROM jobs WHERE state IN ('queued', 'processing') ORDER BY created_at, id LIMIT ?")
                .bind(limit)
                .list(rs -> rs.getString(1)));
    }

    /** A write to one job: committed, then the job leaves the cache. */
    private <T> T write(String id, SqliteDatabase.Work<T> work) {
        try {
            return db.write(work);
        } finally {
            generation.incrementAndGet();
            cache.remove(id);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
