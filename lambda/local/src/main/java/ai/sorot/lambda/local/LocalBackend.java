package ai.sorot.lambda.local;

import ai.sorot.lambda.api.ApiLimits;
import ai.sorot.lambda.api.Backend;
import ai.sorot.lambda.api.RunningBackend;
import ai.sorot.lambda.api.SorotVersion;
import ai.sorot.lambda.api.UploadVerifier;
import ai.sorot.lambda.committee.SqliteCommitteeStore;
import ai.sorot.lambda.coverage.NoModelFallback;
import ai.sorot.lambda.files.OwnerOnly;
import ai.sorot.lambda.localmodel.LocalModelCoverageAnalyst;
import ai.sorot.lambda.offline.LocalNarrator;
import ai.sorot.lambda.offline.OfflineAnalysts;
import ai.sorot.lambda.pipeline.Analysts;
import ai.sorot.lambda.pipeline.Pipeline;
import ai.sorot.lambda.pipeline.StepBudgets;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Provenance;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The whole backend on one machine: SQLite job store, file blobs, in-process workers, offline
 * analysts and local speech, all under one Sorot home. It holds the home's lock while open, so
 * two servers never work the same jobs; on open it frees the steps a killed process left claimed
 * and queues every unfinished job again, which is how an analysis survives a restart.
 */
public final class LocalBackend implements RunningBackend {

    private static final System.Logger LOG = System.getLogger(LocalBackend.class.getName());
    private static final Duration REFILL_INTERVAL = Duration.ofSeconds(15);
    private static final String CHECKING = " (checking for espeak-ng)";

    /**
     * How to build it. {@code analysts} null means the offline ones; the entry points (the
     * {@code ./sorot} commands, the desktop, the Lambda handler) choose the analysts and pass them in;
     * {@code serverUrl} says where upload URLs point (the embedded server sets it once bound).
     */
    public record Options(
            SorotHome home,
            int workers,
            int queueCapacity,
            Analysts analysts,
            StepBudgets budgets,
            ApiLimits limits,
            Clock clock,
            Supplier<URI> serverUrl) {

        public static Options defaults(SorotHome home) {
            return new Options(
                    home,
                    LocalWorkQueue.defaultWorkers(),
                    1000,
                    null,
                    StepBudgets.DEFAULT,
                    ApiLimits.DEFAULT,
                    Clock.systemUTC(),
                    () -> URI.create("http://127.0.0.1"));
        }

        public Options withAnalysts(Analysts value) {
            return new Options(home, workers, queueCapacity, value, budgets, limits, clock, serverUrl);
        }

        public Options withWorkers(int value) {
            return new Options(home, value, queueCapacity, analysts, budgets, limits, clock, serverUrl);
        }

        public Options withQueueCapacity(int value) {
            return new Options(home, workers, value, analysts, budgets, limits, clock, serverUrl);
        }

        public Options withBudgets(StepBudgets value) {
            return new Options(home, workers, queueCapacity, analysts, value, limits, clock, serverUrl);
        }

        public Options withServerUrl(Supplier<URI> value) {
            return new Options(home, workers, queueCapacity, analysts, budgets, limits, clock, value);
        }
    }

    private final SorotHome home;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final TokenFile token;
    private final SqliteJobStore jobs;
    private final SqliteCommitteeStore committee;
    private final FileBlobStore blobs;
    private final Pipeline pipeline;
    private final LocalWorkQueue queue;
    private final Backend backend;
    private final Thread refill;
    private volatile boolean closed;

    private final Options options;

    private LocalBackend(Options options, FileChannel lockChannel, FileLock lock) {
        this.options = options;
        this.home = options.home();
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.token = TokenFile.loadOrCreate(home.tokenFile());
        this.jobs = SqliteJobStore.open(home.database());
        this.committee = openCommittee(home);
        var signer = UploadSigner.fromToken(token.token());
        this.blobs = new FileBlobStore(home.blobs(), options.serverUrl(), signer, options.clock());
        var analysts = options.analysts() != null ? options.analysts() : OfflineAnalysts.standard();
        var budgets = options.budgets();
        var workerId = "local-" + ProcessHandle.current().pid() + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        this.pipeline = new Pipeline(jobs, blobs, analysts, budgets, options.clock(), workerId);
        this.queue = new LocalWorkQueue(this::work, options.workers(), options.queueCapacity());
        UploadVerifier verifier = (id, query, now) -> verify(signer, id, query, now);
        var described = new java.util.concurrent.atomic.AtomicReference<Map<String, String>>();
        this.refill = Thread.ofVirtual().name("sorot-queue-refill").unstarted(this::refillLoop);
        this.backend = new Backend(
                "local",
                version(),
                jobs,
                blobs,
                queue,
                token,
                () -> described.updateAndGet(d -> d != null ? d : describe(analysts, home, queue)),
                verifier,
                options.limits(),
                options.clock(),
                committee);
    }

    /** The committee's own SQLite file beside the job store, owner-only like everything in the home. */
    private static SqliteCommitteeStore openCommittee(SorotHome home) {
        try {
            OwnerOnly.createFileIfMissing(
                    home.committeeDatabase()); // else SQLite makes it with the umask's permissions
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL,
                    "Cannot create the committee database " + home.committeeDatabase() + ": " + e.getMessage(),
                    e);
        }
        return SqliteCommitteeStore.open(home.committeeDatabase());
    }

    /** Opens the home (creating it, its token and its database on first use) and resumes unfinished work. */
    public static LocalBackend open(Options options) {
        var home = options.home().ensureExists();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    home.lockFile(),
                    java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    OwnerOnly.fileAttributes(home.lockFile()));
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new SorotException(
                        ErrorCode.INTERNAL,
                        "Another Sorot server is using " + home.root() + " (see " + home.serverInfo()
                                + "); stop it, or set SOROT_HOME to another folder.");
            }
            var backend = new LocalBackend(options, channel, lock);
            backend.resume();
            backend.refill.start();
            return backend;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SorotException(
                    ErrorCode.INTERNAL, "Cannot lock the Sorot home " + home.root() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private void resume() {
        int released = jobs.releaseLeases(Instant.now());
        int removed = blobs.sweep(Duration.ofDays(1));
        int queued = enqueueUnfinished();
        if (queued > 0 || released > 0 || removed > 0) {
            LOG.log(
                    Level.INFO,
                    "resumed {0} unfinished analyses ({1} interrupted steps); swept {2} stale files",
                    queued,
                    released,
                    removed);
        }
    }

    /** Queues stored unfinished jobs the line does not hold yet, as many as fit; returns how many. */
    private int enqueueUnfinished() {
        int queued = 0;
        for (var id : jobs.unfinished(options().queueCapacity())) {
            try {
                queue.enqueue(id); // a job already waiting or running is not queued twice
                queued++;
            } catch (SorotException e) {
                break; // the line is full; the next refill takes the rest
            }
        }
        return queued;
    }

    /** Runs one job; when the line runs low, tops it up from the store's backlog. */
    private void work(String analysisId) {
        pipeline.run(analysisId);
        if (!closed && queue.pending() <= 1) {
            enqueueUnfinished();
        }
    }

    /**
     * More unfinished jobs than the line holds (after a restart with a long backlog) are queued as
     * the line drains.
     */
    private void refillLoop() {
        while (!closed) {
            try {
                Thread.sleep(REFILL_INTERVAL);
                if (!closed && queue.pending() < options().queueCapacity() / 2) {
                    enqueueUnfinished();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "queue refill failed: " + e.getMessage());
                }
            }
        }
    }

    private static long verify(UploadSigner signer, String id, Map<String, String> query, Instant now) {
        try {
            var expires = Instant.ofEpochSecond(Long.parseLong(query.getOrDefault("expires", "")));
            long max = Long.parseLong(query.getOrDefault("max", ""));
            return signer.verify(id, expires, max, query.get("signature"), now) ? max : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> describe(Analysts analysts, SorotHome home, LocalWorkQueue queue) {
        var map = new LinkedHashMap<String, String>();
        map.put("extract", "Sorot screenplay engine (PDFBox, Fountain)");
        map.put("coverage", analysts.coverage().provenance().label());
        var fallback = analysts.coverage() instanceof NoModelFallback f ? f : null;
        if ((fallback != null ? fallback.model() : analysts.coverage()) instanceof LocalModelCoverageAnalyst local) {
            map.put(
                    "coverage-server",
                    local.settings().base()
                            + (fallback != null
                                    ? " (Sorot's own coverage when it cannot be used)"
                                    : " (required: SOROT_ANALYSTS=local-model)"));
        }
        map.put("trailer", analysts.trailer().provenance().label());
        map.put("curation", "Sorot curation rules");
        var narrator = analysts.narrator() instanceof LocalNarrator local
                ? local.provenanceWithin(Duration.ofMillis(300))
                        .map(Provenance::label)
                        .orElse("local speech" + CHECKING)
                : analysts.narrator().provenance().label();
        map.put("narrator", narrator);
        map.put("store", "SQLite " + home.database());
        map.put("blobs", "files " + home.blobs());
        map.put("queue", queue.describe());
        return map;
    }

    private Options options() {
        return options;
    }

    public static String version() {
        return SorotVersion.current();
    }

    @Override
    public Backend backend() {
        return backend;
    }

    public SorotHome home() {
        return home;
    }

    public TokenFile token() {
        return token;
    }

    public LocalWorkQueue queue() {
        return queue;
    }

    public SqliteJobStore jobs() {
        return jobs;
    }

    public SqliteCommitteeStore committee() {
        return committee;
    }

    public FileBlobStore blobs() {
        return blobs;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** Stops the workers (running steps resume at the next open), closes the store, frees the home. */
    @Override
    public void close() {
        closed = true;
        refill.interrupt();
        queue.close();
        pipeline.close();
        jobs.close();
        committee.close();
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to save at shutdown
            }
        }
    }
}
