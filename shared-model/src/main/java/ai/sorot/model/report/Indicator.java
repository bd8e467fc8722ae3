package ai.sorot.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A craft indicator Sorot measures without a model (length for the form, scene and dialogue
 * balance, the lead's presence, format conformance): a figure and what it means, never a score.
 * {@code code} is stable (the CSV column is {@code indicator_<code>}); {@code value} is the plain
 * number behind {@code figure} in {@code unit} (pages, percent, words).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Indicator(
        String code, String name, Double value, String unit, String figure, String meaning, List<Evidence> evidence) {

    /** The codes Sorot measures, in the order exports list them. */
    public static final List<String> CODES = List.of("pages", "scenes", "dialogue_share", "lead_share", "format");

    public Indicator {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an indicator needs a code");
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
