package ai.sorot.desktop.tour;

import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.queue.SubmissionState;
import ai.sorot.desktop.testing.TestPdfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * Is the window still responsive with 200 submissions in the queue? Drops a folder of 200
 * screenplays on the real app (real embedded backend, 3 analyses at once) and, while they are
 * pre-flighted, sent, polled and saved and the list is scrolled end to end, measures how late a
 * task posted to the FX thread every 20 ms runs: the delay a click or a key would see. The same
 * probe on the idle window is the reference. {@code bench/desktop-queue-bench.sh} runs it.
 */
public final class QueueLoadBench {

    private static final int SCRIPTS = 200;

    public static void main(String[] args) throws Exception {
        var work = Files.createTempDirectory("sorot-queue-bench");
        var batch = Files.createDirectories(work.resolve("batch"));
        for (int i = 0; i < SCRIPTS; i++) {
            TestPdfs.screenplay(batch.resolve("script-%03d.pdf".formatted(i)), "Submission " + i, "Writer " + i, 20 + i % 60);
        }
        var home = Files.createDirectories(work.resolve("home"));
        var opened = TourFx.open(home, true, true);
        var app = opened.app();
        var window = opened.window();
        await(() -> app.connection().stateProperty().get() == ConnectionState.ONLINE, 60);

        var idle = probe(() -> { }, 5_000);

        long start = System.nanoTime();
        Platform.runLater(() -> app.intake().addFiles(List.of(batch)));
        var scroller = Executors.newSingleThreadScheduledExecutor();
        int[] row = {0};
        scroller.scheduleAtFixedRate(() -> Platform.runLater(() -> {
            int size = app.queue().items().size();
            if (size > 0) {
                row[0] = (row[0] + 7) % size;
                window.queueView().list().scrollTo(row[0]);
            }
        }), 50, 50, TimeUnit.MILLISECONDS);
        long[] queuedAt = {0};
        var loaded = probe(() -> {
            if (queuedAt[0] == 0 && onFx(() -> app.queue().items().size()) == SCRIPTS) {
                queuedAt[0] = System.nanoTime();
            }
        }, () -> onFx(() -> app.queue().items().size() == SCRIPTS && app.queue().items().stream().allMatch(i -> i.state().isFinal())),
                300_000);
        long done = System.nanoTime();
        // the same scrolling over the 200 finished rows, nothing else running: what scrolling alone costs
        var scrollingOnly = probe(() -> { }, 5_000);
        scroller.shutdownNow();
        long completed = onFx(() -> app.queue().items().stream().filter(i -> i.state() == SubmissionState.COMPLETED).count());

        System.out.printf("queue of %d screenplays (20-79 pages each), 3 analyses at once, list scrolled every 50 ms:%n", SCRIPTS);
        System.out.printf("  all %d rows pre-flighted and in the queue after %.1f s; %d analyses completed after %.1f s%n",
                SCRIPTS, (queuedAt[0] - start) / 1e9, completed, (done - start) / 1e9);
        System.out.printf("  FX thread delay, idle window (reference):  p50 %5.1f ms  p99 %5.1f ms  max %5.1f ms  (%d probes)%n",
                pct(idle, 50), pct(idle, 99), pct(idle, 100), idle.size());
        System.out.printf("  FX thread delay, scrolling 200 done rows:  p50 %5.1f ms  p99 %5.1f ms  max %5.1f ms  (%d probes)%n",
                pct(scrollingOnly, 50), pct(scrollingOnly, 99), pct(scrollingOnly, 100), scrollingOnly.size());
        System.out.printf("  FX thread delay, scrolling while 200 run:  p50 %5.1f ms  p99 %5.1f ms  max %5.1f ms  (%d probes)%n",
                pct(loaded, 50), pct(loaded, 99), pct(loaded, 100), loaded.size());
        Platform.runLater(app::close);
        Thread.sleep(500);
        System.exit(0);
    }

    private static List<Double> probe(Runnable each, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        return probe(each, () -> System.currentTimeMillis() > end, millis + 10_000);
    }

    /** Posts a task to the FX thread every 20 ms and records how late each one ran. */
    private static List<Double> probe(Runnable each, BooleanSupplier until, long timeoutMillis) throws Exception {
        var delays = new ConcurrentLinkedQueue<Double>();
        var fxThread = new Thread[1];
        Platform.runLater(() -> fxThread[0] = Thread.currentThread());
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int checks = 0;
        while (System.currentTimeMillis() < deadline) {
            long posted = System.nanoTime();
            var ran = new java.util.concurrent.atomic.AtomicBoolean();
            Platform.runLater(() -> {
                ran.set(true);
                delays.add((System.nanoTime() - posted) / 1e6);
            });
            Thread.sleep(20);
            if (System.getenv("SOROT_BENCH_STALLS") != null && fxThread[0] != null) {
                Thread.sleep(180);
                if (!ran.get()) {
                    System.err.println("FX thread busy > 200 ms:");
                    for (var frame : fxThread[0].getStackTrace()) {
                        System.err.println("    at " + frame);
                    }
                }
            }
            each.run();
            if (++checks % 25 == 0 && until.getAsBoolean()) {
                break;
            }
        }
        var sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        return sorted;
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (onFx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out");
    }
}
