package ai.sorot.model.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Step 4: the merged verdict. {@code overallScore} is 0..100; every claim names its pages or
 * scenes. When no model read the script there is no verdict: {@code overallScore} and
 * {@code recommendation} are absent (null), and the report is "Not judged".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Curation(
        Double overallScore,
        Recommendation recommendation,
        String summary,
        ProgrammingNotes notes,
        List<Claim> claims) {

    public Curation {
        claims = claims == null ? List.of() : List.copyOf(claims);
        if ((overallScore == null) != (recommendation == null)) {
            throw new IllegalArgumentException("a verdict has both a score and a recommendation, or neither");
        }
    }

    /** Whether a reader (a model) judged the script; without one there is no verdict. */
    @JsonIgnore
    public boolean isJudged() {
        return recommendation != null;
    }
}
