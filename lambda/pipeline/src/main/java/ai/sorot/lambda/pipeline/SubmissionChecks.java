package ai.sorot.lambda.pipeline;

import ai.sorot.lambda.checks.Fingerprint;
import ai.sorot.lambda.checks.ScriptChecks;
import ai.sorot.model.report.Check;
import ai.sorot.model.report.CheckCode;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of a finished analysis: the script's own (language, coherence, headings, title page,
 * form length) and whether this backend analysed the same script before, as another file, format
 * or title. The earlier fingerprints come from the job store (the port), so the pipeline needs no
 * library or adapter to find a resubmission.
 */
final class SubmissionChecks {

    private SubmissionChecks() {}

    static List<Check> run(JobStore jobs, Job job, Screenplay screenplay, String title, ScriptChecks.Form submittedAs) {
        var checks = new ArrayList<>(ScriptChecks.run(screenplay, submittedAs).checks());
        var fingerprint = Fingerprint.of(screenplay);
        if (fingerprint == null) {
            return checks;
        }
        JobStore.PriorFingerprint best = null;
        double bestSimilarity = 0;
        for (var prior : jobs.priorFingerprints(job.id())) {
            double similarity;
            try {
                similarity = fingerprint.similarity(Fingerprint.decode(prior.fingerprint()));
            } catch (RuntimeException unreadable) {
                continue; // a damaged row is not a reason to fail the analysis
            }
            if (similarity > bestSimilarity) {
                best = prior;
                bestSimilarity = similarity;
            }
        }
        if (best != null && bestSimilarity >= Fingerprint.SAME_SCRIPT) {
            var same = bestSimilarity >= 0.9 ? "the same script as" : "largely the same script as (a revision of?)";
            checks.add(Check.of(
                            CheckCode.POSSIBLE_DUPLICATE,
                            Check.Severity.WARNING,
                            "Possibly %s an earlier analysis: \"%s\" (%s), %.0f%% of their five-word passages in common."
                                    .formatted(
                                            same,
                                            best.title() == null ? best.analysisId() : best.title(),
                                            best.fileName() == null ? best.analysisId() : best.fileName(),
                                            bestSimilarity * 100))
                    .withEvidence(Evidence.statistic())
                    .relatedTo(best.analysisId()));
        }
        jobs.rememberFingerprint(
                new JobStore.PriorFingerprint(job.id(), title, job.submission().fileName(), fingerprint.encode()));
        return checks;
    }
}
