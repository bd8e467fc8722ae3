package ai.sorot.lambda.library;

import java.time.Instant;
import java.util.List;

/** One analysis as the library lists it: the AI's view, the curator's, and what is on disk. */
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
        List<String> tags) {

    public LibraryEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
