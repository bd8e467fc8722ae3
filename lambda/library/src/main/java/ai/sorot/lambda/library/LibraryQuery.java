package ai.sorot.lambda.library;

import java.time.Instant;
import java.util.Set;

/**
 * A search and its filters; every field is optional. {@code text} is full-text over title,
 * authors, logline, synopsis, notes and tags (words are prefixes: "detect" finds "detective").
 */
public record LibraryQuery(
        String text,
        Set<String> recommendations,
        Double minScore,
        Double maxScore,
        String genre,
        Boolean rated,
        Boolean shortlisted,
        Set<String> tags,
        Instant savedFrom,
        Instant savedTo,
        Long sessionId,
        Sort sort,
        boolean descending,
        int limit,
        int offset) {

    /**
     * In {@link #recommendations()}: the analyses no model judged (no recommendation: a no-model
     * report, or one saved before with a heuristic verdict, whose verdict is not shown).
     */
    public static final String NOT_JUDGED = "NOT_JUDGED";

    public static final LibraryQuery ALL = new LibraryQuery(
            null, Set.of(), null, null, null, null, null, Set.of(), null, null, null, Sort.SAVED, true, 500, 0);

    public LibraryQuery {
        recommendations = recommendations == null ? Set.of() : Set.copyOf(recommendations);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        sort = sort == null ? Sort.SAVED : sort;
        limit = limit <= 0 ? 500 : limit;
    }

    /** Whether the text holds a word to search for (punctuation alone searches nothing). */
    public boolean hasWords() {
        return LibraryFilters.hasText(this);
    }

    public LibraryQuery withText(String value) {
        return new LibraryQuery(
                value,
                recommendations,
                minScore,
                maxScore,
                genre,
                rated,
                shortlisted,
                tags,
                savedFrom,
                savedTo,
                sessionId,
                sort,
                descending,
                limit,
                offset);
    }

    public LibraryQuery withRecommendations(Set<String> value) {
        return new LibraryQuery(
                text,
                value,
                minScore,
                maxScore,
                genre,
                rated,
                shortlisted,
                tags,
                savedFrom,
                savedTo,
                sessionId,
                sort,
                descending,
                limit,
                offset);
    }

    public LibraryQuery withScore(Double min, Double max) {
        return new LibraryQuery(
                text,
                recommendations,
                min,
                max,
                genre,
                rated,
                shortlisted,
                tags,
                savedFrom,
                savedTo,
                sessionId,
                sort,
                descending,
                limit,
                offset);
    }

    public LibraryQuery withGenre(String value) {
        return new LibraryQuery(
                text,
                recommendations,
                minScore,
                maxScore,
                value,
                rated,
                shortlisted,
                tags,
                savedFrom,
                savedTo,
                sessionId,
                sort,
                descending,
                limit,
                offset);
    }

    public LibraryQuery withRated(Boolean value) {
        return new LibraryQuery(
                text,
                recommendations,
                minScore,
                maxScore,
                genre,
                value,
                shortlisted,
                tags,
                savedFrom,
                savedTo,
                sessionId,
                sort,
                descending,
                limit,
                offset);
    }

    public LibraryQuery withShortlisted(Boolean value) {
        return new LibraryQuery(
                text,
                recommendations,
                minScore,
                maxScore,
                genre,
                rated,
                value,
                tags,
                savedFrom,
                savedTo,
                sessionId,
                sort,
                descending,
                limit,
                offset);
    }

    public LibraryQuery withTags(Set<String> value) {
        return new LibraryQuery(
                text,
                recommendations,
                minScore,
                maxScore,
                genre,
                rated,
                shortlisted,
                value,
                savedFrom,
                savedTo,
                sessionId,
                sort,
                descending,
                limit,
                offset);
    }

    public LibraryQuery withSaved(Instant from, Instant to) {
        return new LibraryQuery(
                text,
                recommendations,
                minScore,
                maxScore,
                genre,
                rated,
                shortlisted,
                tags,
                from,
                to,
                sessionId,
                sort,
                descending,
                limit,
                offset);
    }

    public LibraryQuery inSession(Long value) {
        return new LibraryQuery(
                text,
                recommendations,
                minScore,
                maxScore,
                genre,
                rated,
                shortlisted,
                tags,
                savedFrom,
                savedTo,
                value,
                sort,
                descending,
                limit,
                offset);
    }

    public LibraryQuery sortedBy(Sort value, boolean desc) {
        return new LibraryQuery(
                text,
                recommendations,
                minScore,
                maxScore,
                genre,
                rated,
                shortlisted,
                tags,
                savedFrom,
                savedTo,
                sessionId,
                value,
                desc,
                limit,
                offset);
    }

    public LibraryQuery page(int newLimit, int newOffset) {
        return new LibraryQuery(
                text,
                recommendations,
                minScore,
                maxScore,
                genre,
                rated,
                shortlisted,
                tags,
                savedFrom,
                savedTo,
                sessionId,
                sort,
                descending,
                newLimit,
                newOffset);
    }

    /** The columns a list can be sorted by, each with the SQL it sorts on. */
    public enum Sort {
        TITLE("a.title COLLATE NOCASE"),
        AUTHORS("a.authors COLLATE NOCASE"),
        SCORE("a.ai_score"),
        RECOMMENDATION("a.recommendation"),
        PAGES("a.pages"),
        RUNTIME("a.runtime"),
        RATING("r.rating"),
        VERDICT("r.verdict"),
        SAVED("a.saved_at"),
        RELEVANCE("rank");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }
}
