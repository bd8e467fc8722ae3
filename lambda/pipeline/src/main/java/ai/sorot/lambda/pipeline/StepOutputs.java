package ai.sorot.lambda.pipeline;

import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.AudioSummary;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.TrailerAnalysis;
import ai.sorot.model.screenplay.Screenplay;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The outputs of a job's finished steps, read back from the blob store when a later step or the
 * report needs them: what lets a redelivered job resume instead of starting over.
 */
final class StepOutputs {

    private final BlobStore blobs;
    private Job job;
    private Screenplay screenplay;
    private Coverage coverage;
    private TrailerAnalysis trailer;
    private Curation curation;
    private AudioSummary audio;

    StepOutputs(BlobStore blobs, Job job) {
        this.blobs = blobs;
        this.job = job;
    }

    void refresh(Job latest) {
        this.job = latest;
    }

    Screenplay screenplay() {
        if (screenplay == null) {
            screenplay = read(PipelineStep.EXTRACT, Screenplay.class);
        }
        return screenplay;
    }

    Coverage coverage() {
        if (coverage == null) {
            coverage = read(PipelineStep.COVERAGE, Coverage.class);
        }
        return coverage;
    }

    /** Null when the step was skipped (no trailer link). */
    TrailerAnalysis trailer() {
        if (trailer == null) {
            trailer = read(PipelineStep.TRAILER, TrailerAnalysis.class);
        }
        return trailer;
    }

    Curation curation() {
        if (curation == null) {
            curation = read(PipelineStep.CURATION, Curation.class);
        }
        return curation;
    }

    AudioSummary audio() {
        if (audio == null) {
            audio = read(PipelineStep.AUDIO, AudioSummary.class);
        }
        return audio;
    }

    /** The checks a finished step recorded; none when it made none (or has not finished). */
    java.util.List<ai.sorot.model.report.Check> checks(PipelineStep step) {
        if (!job.step(step).status().isDone()) {
            return java.util.List.of();
        }
        var bytes = blobs.get(BlobKeys.checks(job.id(), step));
        if (bytes.isEmpty()) {
            return java.util.List.of();
        }
        try {
            return java.util.List.of(Json.mapper().readValue(bytes.get(), ai.sorot.model.report.Check[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable checks of " + step, e);
        }
    }

    void remember(Screenplay value) {
        screenplay = value;
    }

    void remember(Coverage value) {
        coverage = value;
    }

    void remember(TrailerAnalysis value) {
        trailer = value;
    }

    void remember(Curation value) {
        curation = value;
    }

    void remember(AudioSummary value) {
        audio = value;
    }

    /** The step's output, or null when the step has none (skipped, not run). */
    private <T> T read(PipelineStep step, Class<T> type) {
        var run = job.step(step);
        if (run.outputKey() == null) {
            return null;
        }
        var bytes = blobs.get(run.outputKey())
                .orElseThrow(() -> new SorotException(
                        ErrorCode.INTERNAL,
                        "The output of step " + step.number() + " (" + step.stepName() + ") is missing from storage."));
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable output of " + step, e);
        }
    }

    static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
