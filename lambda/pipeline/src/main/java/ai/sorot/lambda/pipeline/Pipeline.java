package ai.sorot.lambda.pipeline;

import ai.sorot.lambda.checks.ScriptChecks;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Usage;
import ai.sorot.model.screenplay.Screenplay;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs one analysis through its five steps, resuming after the last finished one. Each step is
 * claimed in the {@link JobStore} under a lease, runs within its budget, writes its output to the
 * {@link BlobStore} and only then is marked done; so a worker killed at any point leaves a job
 * that the next delivery picks up where it stopped, and a step that already finished never runs
 * again. A failing step fails the job with its error and keeps what earlier steps produced.
 */
public final class Pipeline {

    private static final System.Logger LOG = System.getLogger(Pipeline.class.getName());
    /** How long a step's lease outlasts its budget: time to record the result. */
    public static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    /** What a run came to. */
    public enum Outcome {
        COMPLETED,
        FAILED,
        /** Another worker holds the next step's lease; this delivery can be dropped or retried later. */
        BUSY,
        /** The worker was interrupted (shutdown); the step stays claimed and resumes after its lease. */
        INTERRUPTED,
        ALREADY_FINISHED,
        NOT_FOUND,
        /** The next stage would not fit in the time this worker has left; the next delivery runs it. */
        DEFERRED
    }

    /** No limit on a worker's time. */
    public static final Supplier<Duration> UNLIMITED = () -> ChronoUnit.FOREVER.getDuration();

    /** The steps in the order they run; the steps of one stage may run at the same time. */
    public static final List<List<PipelineStep>> STAGES = List.of(
            List.of(PipelineStep.EXTRACT),
            List.of(PipelineStep.COVERAGE, PipelineStep.TRAILER),
            List.of(PipelineStep.CURATION),
            List.of(PipelineStep.AUDIO));

    private final JobStore jobs;
    private final BlobStore blobs;
    private final Analysts analysts;
    private final StepBudgets budgets;
    private final Clock clock;
    private final String workerId;
    private final ReportAssembler assembler;
    private final StepExecutor steps;
    private final PipelineObserver observer;
    private final ExecutorService stepThreads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sorot-step-", 0).factory());

    public Pipeline(
            JobStore jobs, BlobStore blobs, Analysts analysts, StepBudgets budgets, Clock clock, String workerId) {
        this(jobs, blobs, analysts, budgets, clock, workerId, PipelineObserver.NONE);
    }

    /** With an observer told of every step's start and end (the cloud worker's logs and metrics). */
    public Pipeline(
            JobStore jobs,
            BlobStore blobs,
            Analysts analysts,
            StepBudgets budgets,
            Clock clock,
            String workerId,
            PipelineObserver observer) {
        this.observer = Objects.requireNonNull(observer);
        this.jobs = Objects.requireNonNull(jobs);
        this.blobs = Objects.requireNonNull(blobs);
        this.analysts = Objects.requireNonNull(analysts);
        this.budgets = Objects.requireNonNull(budgets);
        this.clock = Objects.requireNonNull(clock);
        this.workerId = Objects.requireNonNull(workerId);
        this.assembler = new ReportAssembler(blobs);
        this.steps = new StepExecutor(blobs, analysts, budgets, clock, stepThreads);
    }

    public String workerId() {
        return workerId;
    }

    public Analysts analysts() {
        return analysts;
    }

    /** Runs the analysis with no limit on this worker's time (the local workers). */
    public Outcome run(String analysisId) {
        return run(analysisId, UNLIMITED);
    }

    /**
     * Runs the analysis from its first unfinished step. {@code remaining} says how long this worker
     * may still run (a Lambda invocation's remaining time): a stage whose budget no longer fits is
     * left for the next delivery ({@link Outcome#DEFERRED}) rather than cut off halfway.
     */
    public Outcome run(String analysisId, Supplier<Duration> remaining) {
        var found = jobs.find(analysisId);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        var job = found.get();
        if (job.state().isFinal()) {
            return Outcome.ALREADY_FINISHED;
        }
        var outputs = new StepOutputs(blobs, job);
        for (var stage : STAGES) {
            var current = job;
            var todo = stage.stream()
                    .filter(step -> !current.step(step).status().isDone())
                    .toList();
            if (todo.isEmpty()) {
                continue;
            }
            var needed = todo.stream()
                    .map(budgets::of)
                    .max(Comparator.naturalOrder())
                    .orElseThrow()
                    .plus(LEASE_MARGIN);
            if (remaining.get().compareTo(needed) < 0) {
                LOG.log(
                        Level.INFO,
                        "analysis {0}: step {1} needs up to {2} s, more than this worker has left; deferred",
                        analysisId,
                        todo.getFirst().number(),
                        needed.toSeconds());
                return Outcome.DEFERRED;
            }
            var claimed = new ArrayList<PipelineStep>();
            for (var step : todo) {
                var lease = Lease.of(workerId, clock.instant(), budgets.of(step).plus(LEASE_MARGIN));
                if (jobs.claimStep(analysisId, step, lease)) {
                    claimed.add(step);
                }
            }
            if (claimed.isEmpty()) {
                return jobs.find(analysisId)
                        .map(j -> j.state().isFinal() ? Outcome.ALREADY_FINISHED : Outcome.BUSY)
                        .orElse(Outcome.NOT_FOUND);
            }
            var outcome = runStage(current, claimed, outputs);
            if (outcome != null) {
                return outcome;
            }
            if (claimed.size() < todo.size()) {
                return Outcome.BUSY; // another worker holds the rest of the stage; it or a redelivery goes on
            }
            job = jobs.find(analysisId).orElseThrow();
            outputs.refresh(job);
        }
        return finish(job, outputs);
    }

    /** What one claimed step came to, before it is recorded. */
    private sealed interface Attempt {
        PipelineStep step();
    }

    private record Done(PipelineStep step, StepResult result) implements Attempt {}

    private record Failed(PipelineStep step, ApiError error, Throwable cause) implements Attempt {}

    private record Stopped(PipelineStep step) implements Attempt {}

    /**
     * Runs the claimed steps of one stage, side by side when there are two (coverage and the
     * trailer), and records them: completions first, so that a step finishing beside a failing one
     * keeps its output in the failed job's report. Null when every step completed.
     */
    private Outcome runStage(Job job, List<PipelineStep> claimed, StepOutputs outputs) {
        List<Attempt> attempts;
        if (claimed.size() == 1) {
            attempts = List.of(attempt(claimed.getFirst(), job, outputs));
        } else {
            try {
                outputs.screenplay(); // read once here, not by both steps at once
            } catch (RuntimeException e) {
                attempts = claimed.stream()
                        .<Attempt>map(step -> new Failed(step, unexpected(step, e), e))
                        .toList();
                return record(job.id(), attempts);
            }
            var futures = claimed.stream()
                    .map(step -> stepThreads.submit(() -> attempt(step, job, outputs)))
                    .toList();
            attempts = new ArrayList<>();
            for (var future : futures) {
                try {
                    attempts.add(future.get());
                } catch (InterruptedException e) {
                    futures.forEach(f -> f.cancel(true));
                    Thread.currentThread().interrupt();
                    return Outcome.INTERRUPTED;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a step attempt never throws", e.getCause());
                }
            }
        }
        return record(job.id(), attempts);
    }

    private Attempt attempt(PipelineStep step, Job job, StepOutputs outputs) {
        var started = System.nanoTime();
        observer.stepStarted(job.id(), step);
        Attempt attempt;
        try {
            attempt = new Done(step, steps.execute(step, job, outputs));
        } catch (StepExecutor.Interrupted e) {
            attempt = new Stopped(step);
        } catch (SorotException e) {
            attempt = new Failed(step, e.toApiError(), e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            attempt = new Failed(step, unexpected(step, e), e);
        }
        var took = Duration.ofNanos(System.nanoTime() - started);
        switch (attempt) {
            case Done done ->
                observer.stepFinished(
                        job.id(),
                        step,
                        done.result().status(),
                        took,
                        null,
                        done.result().usage());
            case Failed failed ->
                observer.stepFinished(job.id(), step, StepStatus.FAILED, took, failed.error(), Usage.NONE);
            case Stopped stopped -> {} // not finished: it resumes on the next delivery
        }
        return attempt;
    }

    private Outcome record(String analysisId, List<Attempt> attempts) {
        Outcome outcome = null;
        for (var attempt : attempts) {
            if (attempt instanceof Done done) {
                if (!jobs.completeStep(analysisId, done.step(), done.result(), workerId)) {
                    outcome = Outcome.BUSY;
                } else {
                    LOG.log(
                            Level.DEBUG,
                            "analysis {0} step {1} {2}",
                            analysisId,
                            done.step().number(),
                            done.result().status().json());
                }
            }
        }
        for (var attempt : attempts) {
            if (attempt instanceof Failed failed) {
                outcome = fail(analysisId, failed.step(), failed.error(), failed.cause());
            }
        }
        if (outcome == null) {
            for (var attempt : attempts) {
                if (attempt instanceof Stopped stopped) {
                    LOG.log(
                            Level.INFO,
                            "analysis {0} step {1} interrupted; it resumes on the next start",
                            analysisId,
                            stopped.step().number());
                    outcome = Outcome.INTERRUPTED;
                }
            }
        }
        return outcome;
    }

    private Outcome finish(Job job, StepOutputs outputs) {
        var now = clock.instant();
        var screenplay = outputs.screenplay();
        var title = bestTitle(job, screenplay);
        var curation = outputs.curation();
        var completed = new Job(
                job.id(),
                JobState.COMPLETED,
                job.submission(),
                job.steps(),
                null,
                job.createdAt(),
                now,
                now,
                title,
                curation.recommendation(),
                curation.overallScore());
        var report = assembler.assemble(completed, outputs);
        var checks = new ArrayList<>(report.checks());
        checks.addAll(SubmissionChecks.run(jobs, job, screenplay, title, submittedForm(job.id())));
        report = report.withChecks(checks);
        blobs.put(BlobKeys.report(job.id()), StepOutputs.json(report), "application/json");
        boolean done = jobs.completeJob(
                job.id(), new JobOutcome(now, title, curation.recommendation(), curation.overallScore()));
        return done ? Outcome.COMPLETED : Outcome.ALREADY_FINISHED;
    }

    /** The form the submission named (stored beside its source), or null. */
    private ScriptChecks.Form submittedForm(String analysisId) {
        return blobs.get(BlobKeys.form(analysisId))
                .map(b -> ScriptChecks.Form.parse(new String(b, java.nio.charset.StandardCharsets.UTF_8)))
                .orElse(null);
    }

    private Outcome fail(String analysisId, PipelineStep step, ApiError error, Throwable cause) {
        if (error.code().equals(ErrorCode.INTERNAL.name()) || error.code().equals(ErrorCode.ANALYST_FAILED.name())) {
            LOG.log(
                    Level.WARNING,
                    "analysis " + analysisId + " step " + step.number() + " failed: " + error.code(),
                    cause);
        } else {
            LOG.log(Level.INFO, "analysis {0} step {1} failed: {2}", analysisId, step.number(), error.code());
        }
        jobs.failStep(analysisId, step, error, clock.instant(), workerId);
        return Outcome.FAILED;
    }

    private static ApiError unexpected(PipelineStep step, Throwable e) {
        var what = e.getClass().getSimpleName();
        return switch (step) {
            case EXTRACT -> ApiError.of(ErrorCode.PDF_CORRUPT, "The screenplay could not be read (" + what + ").");
            case COVERAGE, TRAILER, AUDIO ->
                ApiError.of(
                        ErrorCode.ANALYST_FAILED,
                        step.stepName() + " failed: " + what
                                + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())));
            case CURATION -> ApiError.of(ErrorCode.INTERNAL, "Scoring failed (" + what + ").");
        };
    }

    /** The submitted title, else the one read from the script, else the job's. */
    static String bestTitle(Job job, Screenplay screenplay) {
        if (job.submission().title() != null && !job.submission().title().isBlank()) {
            return job.submission().title();
        }
        if (screenplay != null
                && screenplay.title() != null
                && !screenplay.title().isBlank()) {
            return screenplay.title();
        }
        return job.title();
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        var line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Stops the step threads; the workers calling {@link #run} are the queue's to stop. */
    public void close() {
        stepThreads.shutdownNow();
    }
}
