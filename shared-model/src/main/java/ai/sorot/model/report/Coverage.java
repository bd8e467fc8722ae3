package ai.sorot.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Step 2: script coverage, as a reader writes it for a festival. With no model, {@code grid} is
 * empty, {@code recommendation} absent, and {@code indicators} carry what was measured instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Coverage(
        String logline,
        String synopsis,
        List<String> genres,
        String tone,
        List<String> themes,
        List<String> comparables,
        String protagonist,
        List<Claim> strengths,
        List<Claim> concerns,
        List<GridScore> grid,
        Recommendation recommendation,
        String rationale,
        Provenance provenance,
        List<Indicator> indicators) {

    public Coverage {
        genres = genres == null ? List.of() : List.copyOf(genres);
        themes = themes == null ? List.of() : List.copyOf(themes);
        comparables = comparables == null ? List.of() : List.copyOf(comparables);
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        grid = grid == null ? List.of() : List.copyOf(grid);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** Coverage with no craft indicators (a model's, and reports saved before indicators existed). */
    public Coverage(
            String logline,
            String synopsis,
            List<String> genres,
            String tone,
            List<String> themes,
            List<String> comparables,
            String protagonist,
            List<Claim> strengths,
            List<Claim> concerns,
            List<GridScore> grid,
            Recommendation recommendation,
            String rationale,
            Provenance provenance) {
        this(
                logline,
                synopsis,
                genres,
                tone,
                themes,
                comparables,
                protagonist,
                strengths,
                concerns,
                grid,
                recommendation,
                rationale,
                provenance,
                List.of());
    }
}
