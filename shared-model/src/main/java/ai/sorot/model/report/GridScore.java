package ai.sorot.model.report;

import java.util.List;

/** One row of the coverage grid: a criterion scored 1 to 10, with the reason and where it shows. */
public record GridScore(String criterion, int score, String reason, List<Evidence> evidence) {

    public static final List<String> CRITERIA =
            List.of("premise", "structure", "characters", "dialogue", "originality", "festival fit");

    public GridScore {
        if (score < 1 || score > 10) {
            throw new IllegalArgumentException(criterion + " score must be 1..10, was " + score);
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
