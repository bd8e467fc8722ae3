package ai.sorot.lambda.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.api.SubmissionService;
import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.offline.LocalNarrator;
import ai.sorot.lambda.offline.OfflineTrailerAnalyst;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Provenance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pipeline over the real local stores (SQLite, files), run step by step without the queue's workers. */
class PipelineTest {

    @TempDir
    Path home;

    LocalBackend backend;
    final AtomicInteger extractions = new AtomicInteger();
    final AtomicInteger coverages = new AtomicInteger();
    static final LocalNarrator NARRATOR = new LocalNarrator(null);

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private Analysts analysts(CoverageAnalyst coverage) {
        var reader = new ScreenplayReader();
        ScreenplayExtractor counting = (bytes, name) -> {
            extractions.incrementAndGet();
            return reader.read(bytes, name);
        };
        return new Analysts(counting, coverage, new OfflineTrailerAnalyst(), NARRATOR);
    }

    private CoverageAnalyst countingCoverage() {
        return TestAnalysts.offlineCoverageAfter(request -> coverages.incrementAndGet());
    }

    private LocalBackend open(Analysts analysts, StepBudgets budgets) {
        backend = LocalBackend.open(LocalBackend.Options.defaults(new SorotHome(home))
                .withAnalysts(analysts)
                .withWorkers(0)
                .withBudgets(budgets));
        return backend;
    }

    private String submit(byte[] content, String name, String trailer) {
        return new SubmissionService(backend.backend())
                .analyzeFile(content, name, trailer, null, true)
                .analysisId();
    }

    private Job job(String id) {
        return backend.jobs().find(id).orElseThrow();
    }

    @Test
    void runsAllFiveStepsAndKeepsEachOutput() {
        open(analysts(countingCoverage()), StepBudgets.DEFAULT);
        var id = submit(TestScripts.brickAndSteelPdf(), "brick.pdf", "https://youtu.be/dQw4w9WgXcQ");
        assertThat(backend.pipeline().run(id)).isEqualTo(Pipeline.Outcome.COMPLETED);
        var job = job(id);
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.steps()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(StepStatus.COMPLETED);
            assertThat(s.outputKey()).isNotNull();
            assertThat(s.provenance()).isNotNull();
            assertThat(s.startedAt()).isNotNull();
            assertThat(s.finishedAt()).isAfterOrEqualTo(s.startedAt());
        });
        var report = new ReportAssembler(backend.blobs()).report(job);
        assertThat(report.screenplay().elements()).isEmpty(); // the paragraphs stay on the server
        assertThat(report.screenplay().stats().pageCount())
                .isEqualTo(report.screenplay().pageCount());
        assertThat(report.trailer().analysed()).isFalse();
        assertThat(report.trailer().note()).startsWith("Not analysed offline");
        assertThat(report.audio().durationSeconds()).isBetween(10.0, 45.0); // a short: under 45 s
        assertThat(report.steps()).hasSize(5);
        assertThat(job.overallScore()).isEqualTo(report.curation().overallScore());
        assertThat(backend.blobs().get(BlobKeys.audio(id, report.audio().format())))
                .isPresent();
        assertThat(backend.pipeline().run(id)).isEqualTo(Pipeline.Outcome.ALREADY_FINISHED);
        assertThat(extractions).hasValue(1);
    }

    @Test
    void skipsTheTrailerStepWhenNoLinkWasGiven() {
        open(analysts(countingCoverage()), StepBudgets.DEFAULT);
        var id = submit(TestScripts.cyberBobDebateFountain().getBytes(), "debate.fountain", null);
        assertThat(backend.pipeline().run(id)).isEqualTo(Pipeline.Outcome.COMPLETED);
        var trailer = job(id).step(PipelineStep.TRAILER);
        assertThat(trailer.status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(trailer.outputKey()).isNull();
        assertThat(new ReportAssembler(backend.blobs()).report(job(id)).trailer())
                .isNull();
    }

    @Test
    void aFailingAnalystFailsTheAnalysisAndKeepsWhatCameBefore() {
        var broken = TestAnalysts.failingCoverage(
                new Provenance("broken", "b", true), new IllegalStateException("model returned garbage"));
        open(analysts(broken), StepBudgets.DEFAULT);
        var id = submit(TestScripts.brickAndSteelPdf(), "brick.pdf", null);
        assertThat(backend.pipeline().run(id)).isEqualTo(Pipeline.Outcome.FAILED);
        var job = job(id);
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error().code()).isEqualTo("ANALYST_FAILED");
        assertThat(job.error().message())
                .contains("Analyzing screenplay failed")
                .contains("model returned garbage");
        assertThat(job.step(PipelineStep.EXTRACT).status()).isEqualTo(StepStatus.COMPLETED);
        assertThat(job.step(PipelineStep.COVERAGE).status()).isEqualTo(StepStatus.FAILED);
        // the trailer step runs beside coverage (here: skipped, no link); what follows them never starts
        assertThat(job.step(PipelineStep.TRAILER).status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(job.step(PipelineStep.CURATION).status()).isEqualTo(StepStatus.PENDING);
        var partial = new ReportAssembler(backend.blobs()).report(job);
        assertThat(partial.screenplay()).isNotNull();
        assertThat(partial.coverage()).isNull();
        assertThat(StatusView.status(job).currentStep()).isEqualTo(2);
    }

    @Test
    void anAnalystsOwnErrorCodeReachesTheClient() {
        var unavailable = TestAnalysts.failingCoverage(
                TestAnalysts.BEDROCK,
                new SorotException(
                        ErrorCode.MODEL_UNAVAILABLE, "The model reached end of life; set SOROT_COVERAGE_MODEL."));
        open(analysts(unavailable), StepBudgets.DEFAULT);
        var id = submit(TestScripts.brickAndSteelPdf(), "brick.pdf", null);
        backend.pipeline().run(id);
        assertThat(job(id).error().code()).isEqualTo("MODEL_UNAVAILABLE");
    }

    @Test
    void aStepOverItsBudgetFailsWithStepTimeoutInsteadOfHanging() {
        var stuck = TestAnalysts.hangingCoverage(Duration.ofMinutes(1), new CountDownLatch(1));
        var budgets = new StepBudgets(
                Duration.ofSeconds(60),
                Duration.ofMillis(300),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60));
        open(analysts(stuck), budgets);
        var id = submit(TestScripts.brickAndSteelPdf(), "brick.pdf", null);
        long start = System.nanoTime();
        assertThat(backend.pipeline().run(id)).isEqualTo(Pipeline.Outcome.FAILED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(job(id).error().code()).isEqualTo("STEP_TIMEOUT");
    }

    enum BadPdf {
        ENCRYPTED(ErrorCode.PDF_ENCRYPTED),
        TRUNCATED(ErrorCode.PDF_CORRUPT),
        IMAGE_ONLY(ErrorCode.PDF_IMAGE_ONLY);

        final ErrorCode expected;

        BadPdf(ErrorCode expected) {
            this.expected = expected;
        }

        byte[] bytes() {
            return switch (this) {
                case ENCRYPTED -> TestScripts.encryptedPdf();
                case TRUNCATED -> TestScripts.truncatedPdf();
                case IMAGE_ONLY -> TestScripts.imageOnlyPdf();
            };
        }
    }

    @ParameterizedTest
    @EnumSource(BadPdf.class)
    void aBrokenPdfFailsStepOneWithItsReason(BadPdf bad) {
        open(analysts(countingCoverage()), StepBudgets.DEFAULT);
        var id = submit(bad.bytes(), "bad.pdf", null);
        assertThat(backend.pipeline().run(id)).isEqualTo(Pipeline.Outcome.FAILED);
        var job = job(id);
        assertThat(job.error().code()).isEqualTo(bad.expected.name());
        assertThat(job.step(PipelineStep.EXTRACT).status()).isEqualTo(StepStatus.FAILED);
        assertThat(coverages).hasValue(0);
    }

    @Test
    void resumesAfterTheLastFinishedStepWhenAWorkerStopsMidway() throws Exception {
        var entered = new CountDownLatch(1);
        var hangs = TestAnalysts.hangingCoverage(Duration.ofMinutes(2), entered);
        open(analysts(hangs), StepBudgets.DEFAULT);
        var id = submit(TestScripts.brickAndSteelPdf(), "brick.pdf", null);
        var worker = Executors.newSingleThreadExecutor();
        var run = worker.submit(() -> backend.pipeline().run(id));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        worker.shutdownNow(); // the worker is stopped mid-step, as a shutdown does
        assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(Pipeline.Outcome.INTERRUPTED);
        var before = job(id);
        assertThat(before.step(PipelineStep.COVERAGE).status()).isEqualTo(StepStatus.RUNNING);
        var extractedAt = before.step(PipelineStep.EXTRACT).finishedAt();
        backend.close();
        backend = null;
        extractions.set(0);

        open(analysts(countingCoverage()), StepBudgets.DEFAULT); // a restart: new worker id, leases released
        assertThat(backend.jobs().unfinished(10)).containsExactly(id);
        assertThat(backend.pipeline().run(id)).isEqualTo(Pipeline.Outcome.COMPLETED);
        var after = job(id);
        assertThat(extractions).hasValue(0);
        assertThat(coverages).hasValue(1);
        assertThat(after.step(PipelineStep.EXTRACT).finishedAt()).isEqualTo(extractedAt);
        assertThat(after.step(PipelineStep.EXTRACT).attempts()).isEqualTo(1);
        assertThat(after.step(PipelineStep.COVERAGE).attempts()).isEqualTo(2);
    }

    @Test
    void twoDeliveriesOfOneJobRunEachStepOnce() throws Exception {
        open(analysts(countingCoverage()), StepBudgets.DEFAULT);
        var id = submit(TestScripts.cyberBobPdf(), "bob.pdf", null);
        var second = new Pipeline(
                backend.jobs(),
                backend.blobs(),
                analysts(countingCoverage()),
                StepBudgets.DEFAULT,
                java.time.Clock.systemUTC(),
                "second-worker");
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(() -> backend.pipeline().run(id));
            var b = pool.submit(() -> second.run(id));
            var outcomes = java.util.List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
            assertThat(outcomes).contains(Pipeline.Outcome.COMPLETED);
        }
        // whichever delivery got there second found the step taken or done; run it again to finish if needed
        if (!job(id).state().isFinal()) {
            assertThat(second.run(id)).isEqualTo(Pipeline.Outcome.COMPLETED);
        }
        assertThat(job(id).state()).isEqualTo(JobState.COMPLETED);
        assertThat(extractions).hasValue(1);
        assertThat(coverages).hasValue(1);
        second.close();
    }
}
