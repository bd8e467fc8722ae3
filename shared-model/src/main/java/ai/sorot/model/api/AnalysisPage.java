package ai.sorot.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A page of {@code GET /analyses}, newest first; pass {@code nextCursor} back to read on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalysisPage(List<AnalysisSummary> items, String nextCursor) {

    public AnalysisPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
