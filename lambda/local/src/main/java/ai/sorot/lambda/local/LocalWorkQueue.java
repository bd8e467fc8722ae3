package ai.sorot.lambda.local;

import ai.sorot.lambda.pipeline.WorkQueue;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local {@link WorkQueue}: a bounded line of job ids served by a few worker threads (the
 * steps are CPU work: PDF parsing, speech). The line itself lives in memory; what survives a
 * restart is the job store, whose unfinished jobs the server queues again when it starts.
 * A job already waiting or running is not queued twice.
 */
public final class LocalWorkQueue implements WorkQueue {

    private static final System.Logger LOG = System.getLogger(LocalWorkQueue.class.getName());

    private final LinkedBlockingQueue<String> line;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private final Consumer<String> runner;
    private final int capacity;
    private volatile boolean closed;

    public LocalWorkQueue(Consumer<String> runner, int workerCount, int capacity) {
        this.runner = runner;
        this.capacity = capacity;
        this.line = new LinkedBlockingQueue<>(capacity);
        for (int i = 0; i < workerCount; i++) {
            var thread = Thread.ofPlatform()
                    .name("sorot-worker-" + (i + 1))
                    .daemon(true)
                    .unstarted(this::work);
            workers.add(thread);
        }
        workers.forEach(Thread::start);
    }

    /** Workers for this machine: the steps are CPU-bound, so one core is left to the API (status polls, accepts), at least one worker. */
    public static int defaultWorkers() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
    }

    @Override
    public void enqueue(String analysisId) {
        if (closed) {
            throw new SorotException(
                    ErrorCode.THROTTLED, "The server is shutting down; submit again after it restarts.");
        }
        if (!inFlight.add(analysisId)) {
            return;
        }
        if (!line.offer(analysisId)) {
            inFlight.remove(analysisId);
            throw new SorotException(
                    ErrorCode.THROTTLED,
                    "%d analyses are already waiting; submit again when some have finished.".formatted(capacity));
        }
    }

    @Override
    public String describe() {
        return "in-process, %d workers, up to %d waiting".formatted(workers.size(), capacity);
    }

    /** Jobs waiting or running now. */
    public int pending() {
        return inFlight.size();
    }

    /** Waits until nothing is waiting or running, or the time is up; true when idle. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!inFlight.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void work() {
        while (!closed) {
            String id;
            try {
                id = line.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (id == null) {
                continue;
            }
            try {
                runner.accept(id);
            } catch (RuntimeException | Error e) {
                // the pipeline records failures itself; this is a bug or a dead store, and must not kill the worker
                LOG.log(Level.ERROR, "worker failed on analysis " + id, e);
            } finally {
                inFlight.remove(id);
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** Stops the workers: running steps are interrupted and stay claimed, to resume after a restart. */
    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
        for (var worker : workers) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
