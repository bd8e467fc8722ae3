package ai.sorot.lambda.library;

import java.time.Instant;
import java.util.List;

/**
 * A named set of submissions reviewed together ("Shorts 2027 - Round 1"), with the festival's own
 * score card: criteria each scored on a scale, like a FilmFreeway custom judging form.
 */
public record ReviewSession(long id, String name, Instant createdAt, List<Criterion> rubric, int size, int reviewed) {

    public ReviewSession {
        rubric = rubric == null ? List.of() : List.copyOf(rubric);
    }

    /** One line of the score card, scored from 1 to {@code scale}. */
    public record Criterion(String name, int scale) {}
}
