package ai.sorot.lambda.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.sorot.lambda.api.SubmissionService;
import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.offline.LocalNarrator;
import ai.sorot.lambda.offline.OfflineCoverageAnalyst;
import ai.sorot.lambda.offline.OfflineTrailerAnalyst;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Usage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage and the trailer side by side, a worker that runs out of time handing the rest to the
 * next delivery, and the observer that the cloud's logs and metrics hang on.
 */
class PipelineStagesTest {

    private static final String TRAILER = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    private static final LocalNarrator NARRATOR = new LocalNarrator(null);

    @TempDir
    Path home;

    LocalBackend backend;

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private LocalBackend open(CoverageAnalyst coverage, TrailerAnalyst trailer) {
        var analysts = new Analysts(new ScreenplayReader()::read, coverage, trailer, NARRATOR);
        backend = LocalBackend.open(LocalBackend.Options.defaults(new SorotHome(home))
                .withAnalysts(analysts)
                .withWorkers(0));
        return backend;
    }

    private String submit() {
        return new SubmissionService(backend.backend())
                .analyzeFile(TestScripts.cyberBobPdf(), "bob.pdf", TRAILER, null, true)
                .analysisId();
    }

    private Job job(String id) {
        return backend.jobs().find(id).orElseThrow();
    }

    /** A coverage analyst that waits until the trailer analyst is running too, and the other way round. */
    @Test
    void coverageAndTrailerRunAtTheSameTimeAndStatusShowsBoth() throws Exception {
        var bothRunning = new CountDownLatch(2);
        var release = new CountDownLatch(1);
        open(
                TestAnalysts.offlineCoverageAfter(request -> {
                    bothRunning.countDown();
                    TestAnalysts.awaitRelease(release);
                }),
                TestAnalysts.offlineTrailerAfter(request -> {
                    bothRunning.countDown();
                    TestAnalysts.awaitRelease(release);
                }));
        var id = submit();
        try (var pool = Executors.newSingleThreadExecutor()) {
            var run = pool.submit(() -> backend.pipeline().run(id));
            assertThat(bothRunning.await(30, TimeUnit.SECONDS))
                    .as("both analysts entered")
                    .isTrue();
            var status = StatusView.status(job(id));
            assertThat(status.steps())
                    .extracting(s -> s.status())
                    .containsExactly(
                            StepStatus.COMPLETED,
                            StepStatus.RUNNING,
                            StepStatus.RUNNING,
                            StepStatus.PENDING,
                            StepStatus.PENDING);
            assertThat(status.currentStep()).isEqualTo(2);
            release.countDown();
            assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(Pipeline.Outcome.COMPLETED);
        }
        assertThat(job(id).steps()).extracting(StepRun::status).containsOnly(StepStatus.COMPLETED);
    }

    @Test
    void aFailingTrailerKeepsTheCoverageThatRanBesideIt() {
        open(
                new OfflineCoverageAnalyst(),
                TestAnalysts.failingTrailer(
                        TestAnalysts.GEMINI,
                        new SorotException(ErrorCode.TRAILER_UNAVAILABLE, "The trailer is private.")));
        var id = submit();
        assertThat(backend.pipeline().run(id)).isEqualTo(Pipeline.Outcome.FAILED);
        var job = job(id);
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error().code()).isEqualTo("TRAILER_UNAVAILABLE");
        assertThat(job.step(PipelineStep.COVERAGE).status()).isEqualTo(StepStatus.COMPLETED);
        assertThat(job.step(PipelineStep.TRAILER).status()).isEqualTo(StepStatus.FAILED);
        assertThat(new ReportAssembler(backend.blobs()).report(job).coverage()).isNotNull();
        assertThat(StatusView.status(job).currentStep()).isEqualTo(3);
    }

    @Test
    void whenBothSideBySideStepsFailTheJobKeepsTheFirstErrorAndEveryStepEnds() {
        open(
                TestAnalysts.failingCoverage(
                        TestAnalysts.BEDROCK, new SorotException(ErrorCode.THROTTLED, "Bedrock throttled.")),
                TestAnalysts.failingTrailer(
                        TestAnalysts.GEMINI, new SorotException(ErrorCode.TRAILER_UNAVAILABLE, "Removed.")));
        var id = submit();
        assertThat(backend.pipeline().run(id)).isEqualTo(Pipeline.Outcome.FAILED);
        var job = job(id);
        assertThat(job.error().code()).isEqualTo("THROTTLED");
        assertThat(job.step(PipelineStep.COVERAGE).status()).isEqualTo(StepStatus.FAILED);
        assertThat(job.step(PipelineStep.TRAILER).status()).isEqualTo(StepStatus.FAILED);
        assertThat(job.step(PipelineStep.TRAILER).error()).isEqualTo(new ApiError("TRAILER_UNAVAILABLE", "Removed."));
    }

    @Test
    void aTrailerStepThatRunsAfterTheCoverageIsGivenIt() throws Exception {
        var seen = new java.util.concurrent.CopyOnWriteArrayList<Coverage>();
        open(
                new OfflineCoverageAnalyst(),
                TestAnalysts.offlineTrailerAfter(
                        request -> seen.add(request.coverage() == null ? PLACEHOLDER : request.coverage())));
        var id = submit();
        // the extraction only (no time for the next stage), then another worker holds the trailer step for a second
        assertThat(backend.pipeline().run(id, () -> Duration.ofMinutes(3))).isEqualTo(Pipeline.Outcome.DEFERRED);
        assertThat(backend.jobs()
                        .claimStep(
                                id,
                                PipelineStep.TRAILER,
                                Lease.of("other-worker", java.time.Instant.now(), Duration.ofSeconds(1))))
                .isTrue();
        assertThat(backend.pipeline().run(id)).isEqualTo(Pipeline.Outcome.BUSY);
        assertThat(job(id).step(PipelineStep.COVERAGE).status()).isEqualTo(StepStatus.COMPLETED);
        assertThat(seen).isEmpty();
        // later deliveries find the step busy until the other worker's lease runs out, then finish the job
        var outcome = await("the other worker's lease run out")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> backend.pipeline().run(id), o -> o != Pipeline.Outcome.BUSY);
        assertThat(outcome).isEqualTo(Pipeline.Outcome.COMPLETED);
        assertThat(seen).singleElement().satisfies(c -> {
            assertThat(c).isNotSameAs(PLACEHOLDER);
            assertThat(c.provenance())
                    .isEqualTo(new ReportAssembler(backend.blobs())
                            .report(job(id))
                            .coverage()
                            .provenance());
        });
    }

    private static final Coverage PLACEHOLDER =
            new Coverage(null, null, null, null, null, null, null, null, null, null, null, null, null);

    @Test
    void aWorkerShortOfTimeDefersTheNextStageAndTheNextDeliveryFinishesWithoutRepeatingAStep() {
        var coverages = new AtomicInteger();
        open(TestAnalysts.offlineCoverageAfter(request -> coverages.incrementAndGet()), new OfflineTrailerAnalyst());
        var id = submit();
        // enough time left for the extraction (90 s budget), not for coverage (10 min)
        assertThat(backend.pipeline().run(id, () -> Duration.ofMinutes(3))).isEqualTo(Pipeline.Outcome.DEFERRED);
        var job = job(id);
        assertThat(job.state()).isEqualTo(JobState.PROCESSING);
        assertThat(job.step(PipelineStep.EXTRACT).status()).isEqualTo(StepStatus.COMPLETED);
        assertThat(job.step(PipelineStep.COVERAGE).status()).isEqualTo(StepStatus.PENDING);

        var next = new Pipeline(
                backend.jobs(),
                backend.blobs(),
                backend.pipeline().analysts(),
                StepBudgets.DEFAULT,
                Clock.systemUTC(),
                "next-delivery");
        try {
            assertThat(next.run(id, () -> Duration.ofMinutes(15))).isEqualTo(Pipeline.Outcome.COMPLETED);
        } finally {
            next.close();
        }
        assertThat(coverages).hasValue(1);
        assertThat(job(id).step(PipelineStep.EXTRACT).attempts()).isEqualTo(1);
    }

    @Test
    void theObserverHearsEveryStepStartAndFinishWithItsStatus() {
        var events = new CopyOnWriteArrayList<String>();
        PipelineObserver observer = new PipelineObserver() {
            @Override
            public void stepStarted(String analysisId, PipelineStep step) {
                events.add("start " + step.number());
            }

            @Override
            public void stepFinished(
                    String analysisId,
                    PipelineStep step,
                    StepStatus status,
                    Duration took,
                    ApiError error,
                    Usage usage) {
                assertThat(took.isNegative()).isFalse();
                events.add("end " + step.number() + " " + status.json());
            }
        };
        open(new OfflineCoverageAnalyst(), new OfflineTrailerAnalyst());
        var id = new SubmissionService(backend.backend())
                .analyzeFile(TestScripts.cyberBobDebateFountain().getBytes(), "debate.fountain", null, null, true)
                .analysisId();
        var pipeline = new Pipeline(
                backend.jobs(),
                backend.blobs(),
                backend.pipeline().analysts(),
                StepBudgets.DEFAULT,
                Clock.systemUTC(),
                "observed",
                observer);
        try {
            assertThat(pipeline.run(id)).isEqualTo(Pipeline.Outcome.COMPLETED);
        } finally {
            pipeline.close();
        }
        assertThat(events)
                .containsSubsequence(
                        "start 1", "end 1 completed", "start 4", "end 4 completed", "start 5", "end 5 completed");
        assertThat(events).contains("end 2 completed", "end 3 skipped").hasSize(10);
        assertThat(List.copyOf(events).indexOf("end 3 skipped")).isLessThan(events.indexOf("start 4"));
    }
}
