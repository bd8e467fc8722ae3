package ai.sorot.model.report;

/** Step 5: the spoken summary; the bytes live beside the report ({@code GET /analyses/{id}/audio}). */
public record AudioSummary(
        String format,
        String contentType,
        double durationSeconds,
        String script,
        String voice,
        Provenance provenance) {}
