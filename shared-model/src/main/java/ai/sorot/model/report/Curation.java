package ai.sorot.model.report;

import java.util.List;

/** Step 4: the merged verdict. {@code overallScore} is 0..100; every claim names its pages or scenes. */
public record Curation(
        double overallScore,
        Recommendation recommendation,
        String summary,
        ProgrammingNotes notes,
        List<Claim> claims) {

    public Curation {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }
}
