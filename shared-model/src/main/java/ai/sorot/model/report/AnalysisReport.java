package ai.sorot.model.report;

import ai.sorot.model.screenplay.Screenplay;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /analyses/{id}}: the whole curation report. {@code screenplay} carries the title
 * page, scenes and statistics, without the paragraphs (those stay on the server).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalysisReport(
        String analysisId,
        String title,
        List<String> authors,
        String fileName,
        String trailerUrl,
        Instant createdAt,
        Instant completedAt,
        Screenplay screenplay,
        Coverage coverage,
        TrailerAnalysis trailer,
        Curation curation,
        AudioSummary audio,
        List<StepRecord> steps,
        Usage usage,
        List<Check> checks) {

    public AnalysisReport {
        authors = authors == null ? List.of() : List.copyOf(authors);
        steps = steps == null ? List.of() : List.copyOf(steps);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** A report with no checks (what reports saved before checks existed read as). */
    public AnalysisReport(
            String analysisId,
            String title,
            List<String> authors,
            String fileName,
            String trailerUrl,
            Instant createdAt,
            Instant completedAt,
            Screenplay screenplay,
            Coverage coverage,
            TrailerAnalysis trailer,
            Curation curation,
            AudioSummary audio,
            List<StepRecord> steps,
            Usage usage) {
        this(
                analysisId,
                title,
                authors,
                fileName,
                trailerUrl,
                createdAt,
                completedAt,
                screenplay,
                coverage,
                trailer,
                curation,
                audio,
                steps,
                usage,
                List.of());
    }

    public AnalysisReport withChecks(List<Check> newChecks) {
        return new AnalysisReport(
                analysisId,
                title,
                authors,
                fileName,
                trailerUrl,
                createdAt,
                completedAt,
                screenplay,
                coverage,
                trailer,
                curation,
                audio,
                steps,
                usage,
                newChecks);
    }
}
