package ai.sorot.lambda.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.report.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobStore} promises, run against each implementation (SQLite locally, DynamoDB
 * in the cloud): the transitions are conditional, so that two workers never run or finish one
 * step, a finished step is never claimed again, and what a step recorded reads back unchanged.
 */
public abstract class JobStoreContract {

    protected static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Provenance MODEL =
            new Provenance("Amazon Bedrock", "DeepSeek-R1 (us.deepseek.r1-v1:0)", false);

    protected JobStore store;
    private static final java.util.concurrent.atomic.AtomicLong RUNS =
            new java.util.concurrent.atomic.AtomicLong((System.nanoTime() & 0xffff) * 1000);
    /** Tells this test's jobs from those of others sharing the store (one DynamoDB table per class). */
    private final String run =
            "%6s".formatted(Long.toString(RUNS.incrementAndGet(), 36)).replace(' ', '0');

    protected abstract JobStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected String id(int n) {
        return "analysis-%013d-%s%02d".formatted(1_700_000_000_000L + n, run, n);
    }

    protected Job job(int n, String contentKey, Instant at) {
        var submission = new Submission(
                contentKey + "|" + run,
                "analyses/" + id(n) + "/source.pdf",
                "x.pdf",
                ScriptFormat.PDF,
                10,
                "https://youtu.be/abc",
                null);
        return Job.accepted(id(n), submission, "x", at);
    }

    private static StepResult done(PipelineStep step, Instant at) {
        return new StepResult(
                StepStatus.COMPLETED, at, MODEL, new Usage(1200, 800, 0, 0, 0.0059), "key-" + step.number());
    }

    private void finish(String id, PipelineStep step) {
        assertThat(store.claimStep(id, step, Lease.of("w", T0, Duration.ofMinutes(1))))
                .isTrue();
        assertThat(store.completeStep(id, step, done(step, T0.plusSeconds(step.number())), "w"))
                .isTrue();
    }

    @Test
    void storesAJobWithFivePendingStepsAndReadsItBack() {
        var created = store.create(job(1, "hash", T0), true);
        assertThat(created).isInstanceOf(CreateOutcome.Created.class);
        var read = store.find(id(1)).orElseThrow();
        assertThat(read).isEqualTo(created.job());
        assertThat(read.steps()).extracting(StepRun::status).containsOnly(StepStatus.PENDING);
        assertThat(store.find(id(2))).isEmpty();
    }

    @Test
    void aStepKeepsWhereItsModelReadTheScript() {
        store.create(job(1, "place", T0), true);
        assertThat(store.claimStep(id(1), PipelineStep.EXTRACT, Lease.of("w", T0, Duration.ofMinutes(1))))
                .isTrue();
        var onHost = Provenance.localModel("qwen3:14b", "vLLM", "gpu.festival.example:8000", false);
        assertThat(store.completeStep(
                        id(1),
                        PipelineStep.EXTRACT,
                        new StepResult(StepStatus.COMPLETED, T0.plusSeconds(1), onHost, Usage.NONE, "k"),
                        "w"))
                .isTrue();
        var read = store.find(id(1)).orElseThrow().step(PipelineStep.EXTRACT).provenance();
        assertThat(read).isEqualTo(onHost);
        assertThat(read.label()).isEqualTo("qwen3:14b via vLLM, on gpu.festival.example:8000");
    }

    @Test
    void theSameContentAnswersWithTheEarlierJobUnlessForced() {
        store.create(job(1, "same", T0), true);
        var again = store.create(job(2, "same", T0.plusSeconds(1)), true);
        assertThat(again).isInstanceOf(CreateOutcome.Existing.class);
        assertThat(again.job().id()).isEqualTo(id(1));
        assertThat(store.find(id(2))).isEmpty();
        var forced = store.create(job(3, "same", T0.plusSeconds(2)), false);
        assertThat(forced).isInstanceOf(CreateOutcome.Created.class);
        assertThat(store.create(job(4, "same", T0.plusSeconds(3)), true).job().id())
                .isEqualTo(id(3));
    }

    @Test
    void aFailedJobDoesNotBlockResubmission() {
        store.create(job(1, "c", T0), true);
        assertThat(store.failQueued(id(1), new ApiError("THROTTLED", "busy"), T0))
                .isTrue();
        assertThat(store.failQueued(id(1), new ApiError("THROTTLED", "again"), T0))
                .isFalse();
        assertThat(store.create(job(2, "c", T0.plusSeconds(1)), true)).isInstanceOf(CreateOutcome.Created.class);
    }

    @Test
    void aStepWaitsForItsPrerequisitesAndTheTrailerRunsBesideCoverage() {
        store.create(job(1, "c", T0), true);
        var lease = Lease.of("w1", T0, Duration.ofMinutes(1));
        assertThat(store.claimStep(id(1), PipelineStep.COVERAGE, lease)).isFalse();
        assertThat(store.claimStep(id(1), PipelineStep.TRAILER, lease)).isFalse();
        assertThat(store.claimStep(id(1), PipelineStep.EXTRACT, lease)).isTrue();
        var job = store.find(id(1)).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.PROCESSING);
        assertThat(job.step(PipelineStep.EXTRACT).attempts()).isEqualTo(1);
        assertThat(job.step(PipelineStep.EXTRACT).startedAt()).isEqualTo(T0);
        assertThat(store.completeStep(id(1), PipelineStep.EXTRACT, done(PipelineStep.EXTRACT, T0.plusSeconds(1)), "w1"))
                .isTrue();
        assertThat(store.claimStep(id(1), PipelineStep.COVERAGE, lease)).isTrue();
        assertThat(store.claimStep(id(1), PipelineStep.TRAILER, lease)).isTrue();
        assertThat(store.claimStep(id(1), PipelineStep.CURATION, lease)).isFalse();
        assertThat(store.completeStep(
                        id(1), PipelineStep.COVERAGE, done(PipelineStep.COVERAGE, T0.plusSeconds(2)), "w1"))
                .isTrue();
        assertThat(store.claimStep(id(1), PipelineStep.CURATION, lease))
                .as("the trailer is still running")
                .isFalse();
        assertThat(store.completeStep(
                        id(1),
                        PipelineStep.TRAILER,
                        new StepResult(StepStatus.SKIPPED, T0.plusSeconds(3), null, null, null),
                        "w1"))
                .isTrue();
        assertThat(store.claimStep(id(1), PipelineStep.CURATION, lease)).isTrue();
    }

    @Test
    void aLiveLeaseKeepsOtherWorkersOutUntilItExpires() {
        store.create(job(1, "c", T0), true);
        assertThat(store.claimStep(id(1), PipelineStep.EXTRACT, Lease.of("w1", T0, Duration.ofMinutes(1))))
                .isTrue();
        assertThat(store.claimStep(
                        id(1), PipelineStep.EXTRACT, Lease.of("w2", T0.plusSeconds(30), Duration.ofMinutes(1))))
                .isFalse();
        assertThat(store.claimStep(
                        id(1), PipelineStep.EXTRACT, Lease.of("w1", T0.plusSeconds(31), Duration.ofMinutes(1))))
                .isTrue();
        assertThat(store.claimStep(
                        id(1), PipelineStep.EXTRACT, Lease.of("w2", T0.plusSeconds(200), Duration.ofMinutes(1))))
                .isTrue();
        var run = store.find(id(1)).orElseThrow().step(PipelineStep.EXTRACT);
        assertThat(run.attempts()).isEqualTo(3);
        assertThat(run.startedAt()).isEqualTo(T0);
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
    void aFinishedStepIsNeverClaimedAgainAndReadsBackWhatItRecorded() {
        store.create(job(1, "c", T0), true);
        finish(id(1), PipelineStep.EXTRACT);
        assertThat(store.claimStep(
                        id(1), PipelineStep.EXTRACT, Lease.of("w2", T0.plusSeconds(999), Duration.ofMinutes(1))))
                .isFalse();
        var run = store.find(id(1)).orElseThrow().step(PipelineStep.EXTRACT);
        assertThat(run.status()).isEqualTo(StepStatus.COMPLETED);
        assertThat(run.outputKey()).isEqualTo("key-1");
        assertThat(run.provenance()).isEqualTo(MODEL);
        assertThat(run.usage()).isEqualTo(new Usage(1200, 800, 0, 0, 0.0059));
        assertThat(run.finishedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void failingAStepFailsTheJobKeepsEarlierStepsAndASiblingRecordsItsOwnFailure() {
        store.create(job(1, "c", T0), true);
        finish(id(1), PipelineStep.EXTRACT);
        store.claimStep(id(1), PipelineStep.COVERAGE, Lease.of("w", T0, Duration.ofMinutes(1)));
        store.claimStep(id(1), PipelineStep.TRAILER, Lease.of("w", T0, Duration.ofMinutes(1)));
        assertThat(store.failStep(
                        id(1), PipelineStep.COVERAGE, new ApiError("THROTTLED", "slow down"), T0.plusSeconds(2), "w"))
                .isTrue();
        assertThat(store.failStep(
                        id(1),
                        PipelineStep.TRAILER,
                        new ApiError("TRAILER_UNAVAILABLE", "private"),
                        T0.plusSeconds(3),
                        "w"))
                .isTrue();
        var job = store.find(id(1)).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).isEqualTo(new ApiError("THROTTLED", "slow down"));
        assertThat(job.step(PipelineStep.EXTRACT).status()).isEqualTo(StepStatus.COMPLETED);
        assertThat(job.step(PipelineStep.COVERAGE).status()).isEqualTo(StepStatus.FAILED);
        assertThat(job.step(PipelineStep.TRAILER).error()).isEqualTo(new ApiError("TRAILER_UNAVAILABLE", "private"));
        assertThat(store.claimStep(
                        id(1), PipelineStep.COVERAGE, Lease.of("w", T0.plusSeconds(9), Duration.ofMinutes(1))))
                .isFalse();
        assertThat(store.unfinished(10)).doesNotContain(id(1));
    }

    @Test
    void anAbandonedJobFailsWithItsRunningStepsAndKeepsWhatFinished() {
        store.create(job(1, "c", T0), true);
        finish(id(1), PipelineStep.EXTRACT);
        var lease = Lease.of("w1", T0.plusSeconds(5), Duration.ofMinutes(10));
        assertThat(store.claimStep(id(1), PipelineStep.COVERAGE, lease)).isTrue();
        assertThat(store.claimStep(id(1), PipelineStep.TRAILER, lease)).isTrue();
        var gaveUp = new ApiError(ErrorCode.ANALYSIS_ABANDONED.name(), "failed five deliveries");
        assertThat(store.abandon(id(1), gaveUp, T0.plusSeconds(60))).isTrue();

        var job = store.find(id(1)).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).isEqualTo(gaveUp);
        assertThat(job.step(PipelineStep.EXTRACT).status()).isEqualTo(StepStatus.COMPLETED);
        assertThat(job.step(PipelineStep.COVERAGE).status()).isEqualTo(StepStatus.FAILED);
        assertThat(job.step(PipelineStep.COVERAGE).error()).isEqualTo(gaveUp);
        assertThat(job.step(PipelineStep.TRAILER).status()).isEqualTo(StepStatus.FAILED);
        assertThat(job.step(PipelineStep.CURATION).status()).isEqualTo(StepStatus.PENDING);
        assertThat(store.unfinished(10)).doesNotContain(id(1));
        // the worker that held the lease can no longer record anything
        assertThat(store.completeStep(
                        id(1), PipelineStep.COVERAGE, done(PipelineStep.COVERAGE, T0.plusSeconds(61)), "w1"))
                .isFalse();
        assertThat(store.abandon(id(1), gaveUp, T0.plusSeconds(62)))
                .as("already failed")
                .isFalse();

        store.create(job(2, "d", T0), true);
        assertThat(store.abandon(id(2), gaveUp, T0.plusSeconds(1)))
                .as("a queued job")
                .isTrue();
        assertThat(store.find(id(2)).orElseThrow().state()).isEqualTo(JobState.FAILED);

        store.create(job(3, "e", T0), true);
        for (var step : PipelineStep.values()) {
            finish(id(3), step);
        }
        assertThat(store.completeJob(id(3), new JobOutcome(T0.plusSeconds(9), "Done", Recommendation.PASS, 40.0)))
                .isTrue();
        assertThat(store.abandon(id(3), gaveUp, T0.plusSeconds(10)))
                .as("a completed job")
                .isFalse();
        assertThat(store.find(id(3)).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
        assertThat(store.abandon("analysis-1764000000000-nothere1", gaveUp, T0)).isFalse();
    }

    @Test
    void aJobCompletesOnlyWhenAllFiveStepsAreDone() {
        store.create(job(1, "c", T0), true);
        for (var step : PipelineStep.values()) {
            assertThat(store.completeJob(id(1), new JobOutcome(T0, "T", Recommendation.PASS, 40.0)))
                    .isFalse();
            finish(id(1), step);
        }
        assertThat(store.completeJob(id(1), new JobOutcome(T0.plusSeconds(9), "Brick", Recommendation.CONSIDER, 61.5)))
                .isTrue();
        var job = store.find(id(1)).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.title()).isEqualTo("Brick");
        assertThat(job.recommendation()).isEqualTo(Recommendation.CONSIDER);
        assertThat(job.overallScore()).isEqualTo(61.5);
        assertThat(job.completedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(store.completeJob(id(1), new JobOutcome(T0, "again", null, null)))
                .isFalse();
    }

    @Test
    void listsNewestFirstPageByPageAndNamesUnfinishedJobsOldestFirst() {
        for (int i = 1; i <= 7; i++) {
            store.create(job(i, "c" + i, T0.plusSeconds(i / 2)), true); // pairs share a timestamp
        }
        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = store.list(3, cursor);
            page.jobs().forEach(j -> seen.add(j.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);
        var mine = seen.stream().filter(s -> s.contains("-" + run)).toList();
        assertThat(mine).containsExactly(id(7), id(6), id(5), id(4), id(3), id(2), id(1));
        finish(id(2), PipelineStep.EXTRACT);
        var unfinished = store.unfinished(1000).stream()
                .filter(s -> s.contains("-" + run))
                .toList();
        assertThat(unfinished).containsExactly(id(1), id(2), id(3), id(4), id(5), id(6), id(7));
    }

    @Test
    void concurrentClaimsOfOneStepHaveExactlyOneWinner() throws Exception {
        store.create(job(1, "c", T0), true);
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

    @Test
    void concurrentIdenticalSubmissionsCreateOneAnalysis() throws Exception {
        try (var pool = Executors.newFixedThreadPool(8)) {
            var tasks = new ArrayList<Callable<CreateOutcome>>();
            for (int i = 1; i <= 8; i++) {
                var n = i;
                tasks.add(() -> store.create(job(n, "dup", T0.plusMillis(n)), true));
            }
            var created = 0;
            var ids = new java.util.HashSet<String>();
            for (var f : pool.invokeAll(tasks)) {
                var outcome = f.get();
                created += outcome instanceof CreateOutcome.Created ? 1 : 0;
                ids.add(outcome.job().id());
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(1);
        }
    }

    private JobStore.PriorFingerprint fingerprint(int n, String title, String fileName) {
        var minima = new int[128];
        java.util.Arrays.fill(minima, n);
        return new JobStore.PriorFingerprint(
                id(n), title, fileName, new ai.sorot.lambda.checks.Fingerprint(minima).encode());
    }

    /** The prior fingerprints of this test's own analyses (a DynamoDB table is shared by a class's tests). */
    private java.util.List<JobStore.PriorFingerprint> priorOfThisTest(String exceptId, int... ns) {
        var mine = java.util.Arrays.stream(ns).mapToObj(this::id).toList();
        return store.priorFingerprints(exceptId).stream()
                .filter(p -> mine.contains(p.analysisId()))
                .toList();
    }

    @Test
    void priorFingerprintsAreTheOtherAnalysesNewestFirst() {
        for (int n = 1; n <= 3; n++) {
            store.create(job(n, "fp" + n, T0.plusSeconds(60L * n)), true);
        }
        // remembered out of order: the order answered is the analyses', newest first
        store.rememberFingerprint(fingerprint(1, "Big Fish", "big-fish.pdf"));
        store.rememberFingerprint(fingerprint(3, null, "untitled.fountain"));
        store.rememberFingerprint(fingerprint(2, "Big Fish (revised)", "big-fish-2.fdx"));

        assertThat(priorOfThisTest(id(2), 1, 2, 3))
                .containsExactly(fingerprint(3, null, "untitled.fountain"), fingerprint(1, "Big Fish", "big-fish.pdf"));
        assertThat(priorOfThisTest(id(9), 1, 2, 3))
                .extracting(JobStore.PriorFingerprint::analysisId)
                .containsExactly(id(3), id(2), id(1));
        assertThat(store.list(200, null).jobs())
                .extracting(Job::id)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("analysis-"));
    }

    @Test
    void rememberingAnAnalysisAgainReplacesItsFingerprint() {
        store.create(job(1, "fp-again", T0), true);
        store.create(job(2, "fp-other", T0.plusSeconds(1)), true);
        store.rememberFingerprint(fingerprint(1, "First Title", "first.pdf"));
        var again = new JobStore.PriorFingerprint(
                id(1), null, "second.pdf", fingerprint(7, null, null).fingerprint());
        store.rememberFingerprint(again);

        assertThat(priorOfThisTest(id(2), 1, 2)).containsExactly(again);
        assertThat(priorOfThisTest(id(1), 1, 2)).isEmpty();
    }
}
