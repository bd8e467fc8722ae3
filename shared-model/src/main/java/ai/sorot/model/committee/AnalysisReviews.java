package ai.sorot.model.committee;

import java.util.List;

/**
 * {@code GET /analyses/{id}/reviews}, and in a blind session
 * {@code GET /sessions/{sid}/analyses/{aid}/reviews}: the reviews with member names and their
 * aggregate. {@code hidden} is true when a blind session withholds the others' reviews because the
 * caller has not yet reviewed the script in it; then {@code reviews} holds only the caller's own.
 */
public record AnalysisReviews(String analysisId, List<Review> reviews, ReviewAggregate aggregate, boolean hidden) {}
