package ai.sorot.lambda.pipeline;

import ai.sorot.model.Json;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.StepRecord;
import ai.sorot.model.report.Usage;
import ai.sorot.model.report.Verdicts;
import ai.sorot.model.screenplay.Screenplay;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Builds the report from a job and its step outputs: whole when the job completed, partial (what
 * the steps before the failure produced) when it failed.
 */
public final class ReportAssembler {

    private final BlobStore blobs;

    public ReportAssembler(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** The stored report of a completed job, else one assembled from what the steps left. */
    public AnalysisReport report(Job job) {
        if (job.state() == JobState.COMPLETED) {
            var stored = blobs.get(BlobKeys.report(job.id()));
            if (stored.isPresent()) {
                try {
                    return Verdicts.shown(Json.mapper().readValue(stored.get(), AnalysisReport.class));
                } catch (IOException e) {
                    // fall through: rebuild it from the step outputs
                }
            }
        }
        return Verdicts.shown(assemble(job, new StepOutputs(blobs, job)));
    }

    AnalysisReport assemble(Job job, StepOutputs outputs) {
        Screenplay screenplay = safely(outputs::screenplay);
        var steps = job.steps().stream()
                .map(s -> new StepRecord(
                        s.step().number(),
                        s.step().stepName(),
                        s.status(),
                        s.provenance(),
                        s.startedAt(),
                        s.finishedAt(),
                        s.durationMillis(),
                        s.usage()))
                .toList();
        var usage =
                job.steps().stream().map(StepRun::usage).filter(u -> u != null).reduce(Usage.NONE, Usage::plus);
        List<String> authors = screenplay == null ? List.of() : screenplay.authors();
        return new AnalysisReport(
                job.id(),
                job.title(),
                authors,
                job.submission().fileName(),
                job.submission().trailerUrl(),
                job.createdAt(),
                job.completedAt(),
                screenplay == null ? null : screenplay.withoutElements(),
                safely(outputs::coverage),
                safely(outputs::trailer),
                safely(outputs::curation),
                safely(outputs::audio),
                steps,
                usage,
                checks(outputs));
    }

    /** The checks the steps recorded, in step order. */
    private static List<ai.sorot.model.report.Check> checks(StepOutputs outputs) {
        var all = new java.util.ArrayList<ai.sorot.model.report.Check>();
        for (var step : PipelineStep.values()) {
            var recorded = safely(() -> outputs.checks(step));
            if (recorded != null) {
                all.addAll(recorded);
            }
        }
        return all;
    }

    /** A report of a failed job shows what survived; an unreadable output is left out, not fatal. */
    private static <T> T safely(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (SorotException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /** The audio file's key and content type, once step 5 finished. */
    public Optional<AudioRef> audio(Job job) {
        var run = job.step(PipelineStep.AUDIO);
        if (!run.status().isDone() || run.outputKey() == null) {
            return Optional.empty();
        }
        var summary = new StepOutputs(blobs, job).audio();
        return Optional.of(
                new AudioRef(BlobKeys.audio(job.id(), summary.format()), summary.contentType(), summary.format()));
    }

    public record AudioRef(String key, String contentType, String format) {}
}
