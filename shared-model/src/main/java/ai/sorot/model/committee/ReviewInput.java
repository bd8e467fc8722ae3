package ai.sorot.model.committee;

import java.util.Map;

/**
 * {@code PUT /analyses/{id}/reviews/me}: the caller's review. {@code rating} is 1-5; {@code scores}
 * are the session's rubric criteria by name, each within its scale. The request carries
 * {@code If-Match: <version>} of the review it was based on (none for a first review); a stale
 * version gets 409 {@code REVIEW_CONFLICT} with both versions ({@link ReviewConflict}).
 */
public record ReviewInput(
        Integer rating,
        CommitteeVerdict verdict,
        String notes,
        Boolean shortlisted,
        String sessionId,
        Map<String, Integer> scores) {}
