package ai.sorot.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.pipeline.CreateOutcome;
import ai.sorot.lambda.pipeline.Job;
import ai.sorot.lambda.pipeline.JobOutcome;
import ai.sorot.lambda.pipeline.Lease;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.lambda.pipeline.StepResult;
import ai.sorot.lambda.pipeline.Submission;
import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.report.Usage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Provenance OFFLINE = new Provenance("offline heuristics", "m", true);

    @TempDir
    Path dir;

    SqliteJobStore store;

    @BeforeEach
    void open() {
        store = SqliteJobStore.open(dir.resolve("sorot.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Job job(String id, String contentKey, Instant at) {
        var submission =
                new Submission(contentKey, "analyses/" + id + "/source.pdf", "x.pdf", ScriptFormat.PDF, 10, null, null);
        return Job.accepted(id, submission, "x", at);
    }

    static String id(int n) {
        return "analysis-%013d-abcdef%02d".formatted(1_700_000_000_000L + n, n);
    }

    private StepResult done(PipelineStep step, Instant at) {
        return new StepResult(StepStatus.COMPLETED, at, OFFLINE, new Usage(1, 2, 3, 4.5, 0.01), "key-" + step.number());
    }

    @Test
    void aDatabaseOfTheFirstSchemaGainsThePlaceOfEachStepAndKeepsItsSteps() throws Exception {
        store.create(job(id(1), "old|-", T0), true);
        assertThat(store.claimStep(id(1), PipelineStep.EXTRACT, Lease.of("w", T0, Duration.ofMinutes(1))))
                .isTrue();
        assertThat(store.completeStep(id(1), PipelineStep.EXTRACT, done(PipelineStep.EXTRACT, T0.plusSeconds(1)), "w"))
                .isTrue();
        store.close();
        // back to the first schema, as a Sorot home made before places were kept has it
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sorot.db"));
                var st = c.createStatement()) {
            st.executeUpdate("ALTER TABLE steps DROP COLUMN place");
            st.executeUpdate("ALTER TABLE steps DROP COLUMN host");
            st.executeUpdate("PRAGMA user_version = 1");
        }
        store = SqliteJobStore.open(dir.resolve("sorot.db"));
        var old = store.find(id(1)).orElseThrow().step(PipelineStep.EXTRACT).provenance();
        assertThat(old).isEqualTo(OFFLINE); // no place stored: read from offline, as before
        assertThat(store.claimStep(id(1), PipelineStep.COVERAGE, Lease.of("w", T0, Duration.ofMinutes(1))))
                .isTrue();
        var model = Provenance.localModel("qwen3:14b", "Ollama", null, true);
        assertThat(store.completeStep(
                        id(1),
                        PipelineStep.COVERAGE,
                        new StepResult(StepStatus.COMPLETED, T0.plusSeconds(2), model, Usage.NONE, "k"),
                        "w"))
                .isTrue();
        assertThat(store.find(id(1))
                        .orElseThrow()
                        .step(PipelineStep.COVERAGE)
                        .provenance()
                        .label())
                .isEqualTo("qwen3:14b via Ollama, on this computer");
    }

    @Test
    void storesAJobWithFivePendingStepsAndReadsItBack() {
        var created = store.create(job(id(1), "hash|-", T0), true);
        assertThat(created).isInstanceOf(CreateOutcome.Created.class);
        var read = store.find(id(1)).orElseThrow();
        assertThat(read).isEqualTo(created.job());
        assertThat(read.steps()).extracting(s -> s.status()).containsOnly(StepStatus.PENDING);
        assertThat(store.find(id(2))).isEmpty();
    }

    @Test
    void dedupeReturnsTheEarlierUnfailedJobOfTheSameContent() {
        store.create(job(id(1), "same|-", T0), true);
        var again = store.create(job(id(2), "same|-", T0.plusSeconds(1)), true);
        assertThat(again).isInstanceOf(CreateOutcome.Existing.class);
        assertThat(again.job().id()).isEqualTo(id(1));
        assertThat(store.find(id(2))).isEmpty();

        var forced = store.create(job(id(3), "same|-", T0.plusSeconds(2)), false);
        assertThat(forced).isInstanceOf(CreateOutcome.Created.class);
        // the newest unfailed one answers from now on
        assertThat(store.create(job(id(4), "same|-", T0.plusSeconds(3)), true)
                        .job()
                        .id())
                .isEqualTo(id(3));
    }

    @Test
    void aFailedJobDoesNotBlockResubmission() {
        store.create(job(id(1), "c|-", T0), true);
        store.failQueued(id(1), new ApiError("THROTTLED", "busy"), T0);
        assertThat(store.create(job(id(2), "c|-", T0.plusSeconds(1)), true)).isInstanceOf(CreateOutcome.Created.class);
    }

    @Test
    void aStepCanOnlyBeClaimedAfterTheStepsBeforeItAreDone() {
        store.create(job(id(1), "c|-", T0), true);
        var lease = Lease.of("w1", T0, Duration.ofMinutes(1));
        assertThat(store.claimStep(id(1), PipelineStep.COVERAGE, lease)).isFalse();
        assertThat(store.claimStep(id(1), PipelineStep.EXTRACT, lease)).isTrue();
        var job = store.find(id(1)).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.PROCESSING);
        assertThat(job.step(PipelineStep.EXTRACT).status()).isEqualTo(StepStatus.RUNNING);
        assertThat(job.step(PipelineStep.EXTRACT).attempts()).isEqualTo(1);
        assertThat(job.step(PipelineStep.EXTRACT).startedAt()).isEqualTo(T0);
        assertThat(store.completeStep(id(1), PipelineStep.EXTRACT, done(PipelineStep.EXTRACT, T0.plusSeconds(1)), "w1"))
                .isTrue();
        assertThat(store.claimStep(id(1), PipelineStep.COVERAGE, lease)).isTrue();
    }

    @Test
    void coverageAndTrailerCanRunAtTheSameTimeButCurationWaitsForBoth() {
        store.create(job(id(1), "c|-", T0), true);
        store.claimStep(id(1), PipelineStep.EXTRACT, Lease.of("w1", T0, Duration.ofMinutes(1)));
        store.completeStep(id(1), PipelineStep.EXTRACT, done(PipelineStep.EXTRACT, T0), "w1");
        assertThat(store.claimStep(id(1), PipelineStep.COVERAGE, Lease.of("w1", T0, Duration.ofMinutes(1))))
                .isTrue();
        assertThat(store.claimStep(id(1), PipelineStep.TRAILER, Lease.of("w2", T0, Duration.ofMinutes(1))))
                .isTrue();
        assertThat(store.claimStep(id(1), PipelineStep.CURATION, Lease.of("w3", T0, Duration.ofMinutes(1))))
                .isFalse();
        store.completeStep(id(1), PipelineStep.TRAILER, done(PipelineStep.TRAILER, T0), "w2");
        assertThat(store.claimStep(id(1), PipelineStep.CURATION, Lease.of("w3", T0, Duration.ofMinutes(1))))
                .isFalse();
        store.completeStep(id(1), PipelineStep.COVERAGE, done(PipelineStep.COVERAGE, T0), "w1");
        assertThat(store.claimStep(id(1), PipelineStep.CURATION, Lease.of("w3", T0, Duration.ofMinutes(1))))
                .isTrue();
        assertThat(store.claimStep(id(1), PipelineStep.AUDIO, Lease.of("w3", T0, Duration.ofMinutes(1))))
                .isFalse();
    }

    @Test
    void aLiveLeaseKeepsOtherWorkersOutUntilItExpires() {
        store.create(job(id(1), "c|-", T0), true);
        assertThat(store.claimStep(id(1), PipelineStep.EXTRACT, Lease.of("w1", T0, Duration.ofMinutes(1))))
                .isTrue();
        assertThat(store.claimStep(
                        id(1), PipelineStep.EXTRACT, Lease.of("w2", T0.plusSeconds(30), Duration.ofMinutes(1))))
                .isFalse();
        // the same worker may claim again (a retry inside its own delivery)
        assertThat(store.claimStep(
                        id(1), PipelineStep.EXTRACT, Lease.of("w1", T0.plusSeconds(31), Duration.ofMinutes(1))))
                .isTrue();
        // after expiry another worker takes over; startedAt stays the first claim's
        assertThat(store.claimStep(
                        id(1), PipelineStep.EXTRACT, Lease.of("w2", T0.plusSeconds(200), Duration.ofMinutes(1))))
                .isTrue();
        var run = store.find(id(1)).orElseThrow().step(PipelineStep.EXTRACT);
        assertThat(run.attempts()).isEqualTo(3);
        assertThat(run.startedAt()).isEqualTo(T0);
        // the worker that lost its lease can no longer finish or fail the step
        assertThat(store.completeStep(
                        id(1), PipelineStep.EXTRACT, done(PipelineStep.EXTRACT, T0.plusSeconds(201)), "w1"))
                .isFalse();
        assertThat(store.failStep(id(1), PipelineStep.EXTRACT, new ApiError("X", "y"), T0.plusSeconds(201), "w1"))
                .isFalse();
        assertThat(store.completeStep(
                        id(1), PipelineStep.EXTRACT, done(PipelineStep.EXTRACT, T0.plusSeconds(201)), "w2"))
                .isTrue();
    }

    @Test
    void aFinishedStepIsNeverClaimedAgain() {
        store.create(job(id(1), "c|-", T0), true);
        store.claimStep(id(1), PipelineStep.EXTRACT, Lease.of("w1", T0, Duration.ofMinutes(1)));
        store.completeStep(id(1), PipelineStep.EXTRACT, done(PipelineStep.EXTRACT, T0), "w1");
        assertThat(store.claimStep(
                        id(1), PipelineStep.EXTRACT, Lease.of("w2", T0.plusSeconds(999), Duration.ofMinutes(1))))
                .isFalse();
        var run = store.find(id(1)).orElseThrow().step(PipelineStep.EXTRACT);
        assertThat(run.outputKey()).isEqualTo("key-1");
        assertThat(run.provenance()).isEqualTo(OFFLINE);
        assertThat(run.usage()).isEqualTo(new Usage(1, 2, 3, 4.5, 0.01));
    }

    @Test
    void failingAStepFailsTheJobAndKeepsEarlierSteps() {
        store.create(job(id(1), "c|-", T0), true);
        store.claimStep(id(1), PipelineStep.EXTRACT, Lease.of("w", T0, Duration.ofMinutes(1)));
        store.completeStep(id(1), PipelineStep.EXTRACT, done(PipelineStep.EXTRACT, T0), "w");
        store.claimStep(id(1), PipelineStep.COVERAGE, Lease.of("w", T0, Duration.ofMinutes(1)));
        assertThat(store.failStep(
                        id(1), PipelineStep.COVERAGE, new ApiError("ANALYST_FAILED", "boom"), T0.plusSeconds(2), "w"))
                .isTrue();
        var job = store.find(id(1)).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).isEqualTo(new ApiError("ANALYST_FAILED", "boom"));
        assertThat(job.step(PipelineStep.EXTRACT).status()).isEqualTo(StepStatus.COMPLETED);
        assertThat(job.step(PipelineStep.COVERAGE).status()).isEqualTo(StepStatus.FAILED);
        assertThat(store.claimStep(
                        id(1), PipelineStep.COVERAGE, Lease.of("w", T0.plusSeconds(9), Duration.ofMinutes(1))))
                .isFalse();
        assertThat(store.unfinished(10)).isEmpty();
    }

    @Test
    void aJobCompletesOnlyWhenAllFiveStepsAreDone() {
        store.create(job(id(1), "c|-", T0), true);
        for (var step : PipelineStep.values()) {
            assertThat(store.completeJob(id(1), new JobOutcome(T0, "T", Recommendation.PASS, 40.0)))
                    .isFalse();
            store.claimStep(id(1), step, Lease.of("w", T0, Duration.ofMinutes(1)));
            var result = step == PipelineStep.TRAILER
                    ? new StepResult(StepStatus.SKIPPED, T0, null, null, null)
                    : done(step, T0);
            assertThat(store.completeStep(id(1), step, result, "w")).isTrue();
        }
        assertThat(store.completeJob(id(1), new JobOutcome(T0.plusSeconds(5), "Brick", Recommendation.CONSIDER, 61.5)))
                .isTrue();
        var job = store.find(id(1)).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.title()).isEqualTo("Brick");
        assertThat(job.recommendation()).isEqualTo(Recommendation.CONSIDER);
        assertThat(job.overallScore()).isEqualTo(61.5);
        assertThat(job.completedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(job.step(PipelineStep.TRAILER).status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(store.completeJob(id(1), new JobOutcome(T0, "again", null, null)))
                .isFalse();
    }

    @Test
    void listsNewestFirstPageByPage() {
        for (int i = 1; i <= 7; i++) {
            store.create(job(id(i), "c" + i, T0.plusSeconds(i / 2)), true); // pairs share a timestamp
        }
        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = store.list(3, cursor);
            page.jobs().forEach(j -> seen.add(j.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(id(7), id(6), id(5), id(4), id(3), id(2), id(1));
    }

    @Test
    void unfinishedJobsAndStateSurviveReopening() {
        store.create(job(id(1), "a", T0), true);
        store.create(job(id(2), "b", T0.plusSeconds(1)), true);
        store.claimStep(id(2), PipelineStep.EXTRACT, Lease.of("dead-worker", T0, Duration.ofHours(1)));
        store.close();
        store = SqliteJobStore.open(dir.resolve("sorot.db"));
        assertThat(store.unfinished(10)).containsExactly(id(1), id(2));
        // a live lease of a dead process blocks until released
        assertThat(store.claimStep(
                        id(2), PipelineStep.EXTRACT, Lease.of("new", T0.plusSeconds(5), Duration.ofMinutes(1))))
                .isFalse();
        assertThat(store.releaseLeases(T0.plusSeconds(5))).isEqualTo(1);
        assertThat(store.claimStep(
                        id(2), PipelineStep.EXTRACT, Lease.of("new", T0.plusSeconds(5), Duration.ofMinutes(1))))
                .isTrue();
    }

    @Test
    void pollsNeverSeeAStateOlderThanTheLastWrite() throws Exception {
        store.create(job(id(1), "c", T0), true);
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int r = 0; r < 3; r++) {
                pool.submit(() -> {
                    while (!stop.get()) {
                        store.find(id(1)); // fills and refills the cache while the writer moves on
                    }
                });
            }
            for (var step : PipelineStep.values()) {
                store.claimStep(id(1), step, Lease.of("w", T0, Duration.ofMinutes(1)));
                assertThat(store.find(id(1)).orElseThrow().step(step).status()).isEqualTo(StepStatus.RUNNING);
                store.completeStep(id(1), step, done(step, T0), "w");
                assertThat(store.find(id(1)).orElseThrow().step(step).status()).isEqualTo(StepStatus.COMPLETED);
            }
            store.completeJob(id(1), new JobOutcome(T0, "t", Recommendation.CONSIDER, 50.0));
            assertThat(store.find(id(1)).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
            stop.set(true);
        }
        assertThat(store.find(id(1)).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void concurrentClaimsOfOneStepHaveExactlyOneWinner() throws Exception {
        store.create(job(id(1), "c", T0), true);
        try (var pool = Executors.newFixedThreadPool(8)) {
            var tasks = new ArrayList<Callable<Boolean>>();
            for (int i = 0; i < 16; i++) {
                var owner = "w" + i;
                tasks.add(
                        () -> store.claimStep(id(1), PipelineStep.EXTRACT, Lease.of(owner, T0, Duration.ofMinutes(1))));
            }
            long winners = 0;
            for (var f : pool.invokeAll(tasks)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
    }
}
