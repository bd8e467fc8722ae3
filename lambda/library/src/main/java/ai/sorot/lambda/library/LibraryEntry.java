package ai.sorot.lambda.library;

import java.time.Instant;
import java.util.List;

/**
 * One analysis as the library lists it: a model's view (none when no model read it), the
 * curator's, what is on disk, and the codes of the checks Sorot raised on it.
 */
public record LibraryEntry(
        String id,
        String title,
        String authors,
        String fileName,
        String logline,
        String genres,
        String recommendation,
        Double aiScore,
        Integer pages,
        Double runtime,
        Integer scenes,
        String analysers,
        Instant savedAt,
        boolean hasAudio,
        Integer rating,
        CuratorVerdict verdict,
        String notes,
        boolean shortlisted,
        List<String> tags,
        List<String> checks) {

    public LibraryEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
