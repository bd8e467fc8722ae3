package ai.sorot.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something Sorot noticed about a submission that a programmer should know before reading it
 * (random words, a duplicate of an earlier submission, a short over 40 pages, a model that could
 * not be used, a quote that is not in the script). {@code code} is stable (see {@link CheckCode});
 * {@code evidence} is set when the check points at one place (a page, a quote); {@code relatedAnalysisId} names another
 * analysis (a possible duplicate).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Check(String code, Severity severity, String message, Evidence evidence, String relatedAnalysisId) {

    public enum Severity {
        INFO,
        WARNING
    }

    public Check {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a check needs a code");
        }
        severity = severity == null ? Severity.INFO : severity;
    }

    public static Check of(CheckCode code, Severity severity, String message) {
        return new Check(code.name(), severity, message, null, null);
    }

    public Check withEvidence(Evidence where) {
        return new Check(code, severity, message, where, relatedAnalysisId);
    }

    public Check relatedTo(String analysisId) {
        return new Check(code, severity, message, evidence, analysisId);
    }
}
