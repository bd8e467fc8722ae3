package ai.sorot.lambda.pipeline;

import ai.sorot.lambda.checks.ScriptChecks;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.api.TrailerLinks;
import ai.sorot.model.report.AudioSummary;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Usage;
import ai.sorot.model.screenplay.Screenplay;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The work of each {@link PipelineStep}: reads what earlier steps stored, calls the step's analyst
 * within its budget, and writes the output to the {@link BlobStore}. The {@link Pipeline} claims,
 * records and orders the steps; this class only does one, and throws when it fails.
 */
final class StepExecutor {

    private static final Provenance CURATION_RULES = new Provenance("Sorot curation rules", "curation-rules-1", true);
    /** How long a spoken summary may run: a short of a few pages gets under 45 s, a feature 45 to 120 s. */
    record AudioSpan(double min, double max, double aim) {
        static AudioSpan of(Screenplay screenplay) {
            return screenplay.pageCount() < 40 ? new AudioSpan(10, 45, 32) : new AudioSpan(45, 120, 85);
        }

        /** Words for the aim at the narrators' measured pace (about 180 words in 85 s). */
        int targetWords() {
            return (int) Math.round(SummaryWriter.DEFAULT_TARGET_WORDS * aim / 85);
        }
    }

    private final BlobStore blobs;
    private final Analysts analysts;
    private final StepBudgets budgets;
    private final Clock clock;
    private final ExecutorService stepThreads;
    private final Curator curator = new Curator();
    private final SummaryWriter writer = new SummaryWriter();

    StepExecutor(BlobStore blobs, Analysts analysts, StepBudgets budgets, Clock clock, ExecutorService stepThreads) {
        this.blobs = blobs;
        this.analysts = analysts;
        this.budgets = budgets;
        this.clock = clock;
        this.stepThreads = stepThreads;
    }

    /** Does the step; throws {@link Interrupted} when the worker is stopped while it runs. */
    StepResult execute(PipelineStep step, Job job, StepOutputs outputs) {
        var id = job.id();
        var budget = budgets.of(step);
        var key = BlobKeys.stepOutput(id, step);
        return switch (step) {
            case EXTRACT -> {
                ScriptChecks.warmUp(); // the language models load while the script is read
                analysts.coverage().prepare();
                var submission = job.submission();
                var bytes = blobs.get(submission.sourceKey())
                        .orElseThrow(() -> new SorotException(
                                ErrorCode.INTERNAL, "The submitted screenplay is missing from storage."));
                var screenplay =
                        within(step, budget, () -> analysts.extractor().extract(bytes, readerFileName(submission)));
                blobs.put(key, StepOutputs.json(screenplay), "application/json");
                outputs.remember(screenplay);
                var provenance = new Provenance(
                        "Sorot screenplay engine",
                        switch (submission.kind()) {
                            case PDF -> "PDFBox";
                            case FOUNTAIN -> "Fountain";
                            case FINAL_DRAFT -> "Final Draft XML";
                            case HIGHLAND -> "Highland (Fountain)";
                        },
                        true);
                yield done(provenance, Usage.NONE, key);
            }
            case COVERAGE -> {
                var screenplay = outputs.screenplay();
                var result = within(
                        step,
                        budget,
                        () -> analysts.coverage()
                                .analyse(new CoverageRequest(
                                        id, Pipeline.bestTitle(job, screenplay), screenplay, budget)));
                if (!result.checks().isEmpty()) { // before the output: a finished step's checks are never missing
                    blobs.put(BlobKeys.checks(id, step), StepOutputs.json(result.checks()), "application/json");
                }
                blobs.put(key, StepOutputs.json(result.output()), "application/json");
                outputs.remember(result.output());
                yield done(result.provenance(), result.usage(), key);
            }
            case TRAILER -> {
                if (!job.submission().hasTrailer()) {
                    yield new StepResult(StepStatus.SKIPPED, clock.instant(), null, Usage.NONE, null);
                }
                var link = TrailerLinks.check(job.submission().trailerUrl());
                var screenplay = outputs.screenplay();
                // the coverage, when it finished first (a resumed job): its logline and synopsis tell the trailer's
                // reader what the film is; otherwise the script's opening does
                var coverage = job.step(PipelineStep.COVERAGE).status().isDone() ? coverageIfReadable(outputs) : null;
                var result = within(
                        step,
                        budget,
                        () -> analysts.trailer().analyse(new TrailerRequest(id, link, screenplay, coverage, budget)));
                blobs.put(key, StepOutputs.json(result.output()), "application/json");
                outputs.remember(result.output());
                yield done(result.provenance(), result.usage(), key);
            }
            case CURATION -> {
                var screenplay = outputs.screenplay();
                var coverage = outputs.coverage();
                var trailer = outputs.trailer();
                var curation = within(step, budget, () -> curator.curate(screenplay, coverage, trailer));
                blobs.put(key, StepOutputs.json(curation), "application/json");
                outputs.remember(curation);
                yield done(CURATION_RULES, Usage.NONE, key);
            }
            case AUDIO -> {
                var narrated = within(step, budget, () -> narrate(job, outputs, budget));
                var audio = narrated.output();
                blobs.put(BlobKeys.audio(id, audio.format()), audio.bytes(), audio.contentType());
                var summary = new AudioSummary(
                        audio.format(),
                        audio.contentType(),
                        audio.durationSeconds(),
                        narrated.script().plainText(),
                        audio.voice(),
                        narrated.provenance());
                blobs.put(key, StepOutputs.json(summary), "application/json");
                outputs.remember(summary);
                yield done(narrated.provenance(), narrated.usage(), key);
            }
        };
    }

    private static ai.sorot.model.report.Coverage coverageIfReadable(StepOutputs outputs) {
        try {
            return outputs.coverage();
        } catch (RuntimeException e) {
            return null; // the trailer does without it
        }
    }

    private record Narrated(SpokenAudio output, SpeechScript script, Provenance provenance, Usage usage) {}

    /** Speaks the summary; when it lands outside its span (short or feature), rewrites it to the narrator's measured pace once. */
    private Narrated narrate(Job job, StepOutputs outputs, Duration budget) {
        var screenplay = outputs.screenplay();
        var title = Pipeline.bestTitle(job, screenplay);
        var coverage = outputs.coverage();
        var trailer = outputs.trailer();
        var curation = outputs.curation();
        var span = AudioSpan.of(screenplay);
        var script =
                writer.write(title, screenplay.authors(), screenplay, coverage, trailer, curation, span.targetWords());
        var first = analysts.narrator().narrate(new NarrationRequest(job.id(), script, budget));
        double seconds = first.output().durationSeconds();
        if (seconds >= span.min() && seconds <= span.max() || seconds <= 0) {
            return new Narrated(first.output(), script, first.provenance(), first.usage());
        }
        int target = (int) Math.round(script.words() * span.aim() / seconds);
        var retold = writer.write(title, screenplay.authors(), screenplay, coverage, trailer, curation, target);
        if (retold.words() == script.words()) {
            return new Narrated(first.output(), script, first.provenance(), first.usage());
        }
        var second = analysts.narrator().narrate(new NarrationRequest(job.id(), retold, budget));
        var usage = first.usage().plus(second.usage());
        boolean better = Math.abs(second.output().durationSeconds() - span.aim()) < Math.abs(seconds - span.aim());
        return better
                ? new Narrated(second.output(), retold, second.provenance(), usage)
                : new Narrated(first.output(), script, first.provenance(), usage);
    }

    private StepResult done(Provenance provenance, Usage usage, String key) {
        return new StepResult(StepStatus.COMPLETED, clock.instant(), provenance, usage, key);
    }

    /** Runs a step's work on its own thread so that a budget can cut it off, and nothing hangs the worker. */
    private <T> T within(PipelineStep step, Duration budget, Callable<T> work) {
        var future = stepThreads.submit(work);
        try {
            return future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SorotException(
                    ErrorCode.STEP_TIMEOUT,
                    "%s took longer than its %d s budget.".formatted(step.stepName(), budget.toSeconds()));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Interrupted();
        } catch (ExecutionException e) {
            var cause = e.getCause();
            if (cause instanceof SorotException se) {
                throw se;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The name the reader sees: the bytes decide the format, except for Fountain, so make it match the kind. */
    private static String readerFileName(Submission submission) {
        var name = submission.fileName();
        var extension = "." + submission.kind().extension();
        return name.toLowerCase(Locale.ROOT).endsWith(extension) ? name : name + extension;
    }

    /** The worker was interrupted while a step ran: the step stays claimed and resumes later. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super(null, null, false, false);
        }
    }
}
