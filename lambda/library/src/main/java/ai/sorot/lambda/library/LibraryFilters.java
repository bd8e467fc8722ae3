package ai.sorot.lambda.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@link LibraryQuery} as the joins and conditions of the library's SQL, each with its own parameters. */
final class LibraryFilters {

    private LibraryFilters() {}

    static boolean hasText(LibraryQuery query) {
        return query.text() != null && Library.WORD.matcher(query.text()).find();
    }

    static SqlFilter of(LibraryQuery q, String extraWhere, List<Object> extraParams) {
        var filter = new SqlFilter();
        if (hasText(q)) {
            filter.join("JOIN search ON search.rowid = a.rowid").where("search MATCH ?", ftsQuery(q.text()));
        }
        if (q.sessionId() != null) {
            filter.join("JOIN session_items si ON si.analysis_id = a.id AND si.session_id = ?", q.sessionId());
        }
        if (!q.recommendations().isEmpty()) {
            var judged = q.recommendations().stream()
                    .filter(r -> !r.equals(LibraryQuery.NOT_JUDGED))
                    .toList();
            boolean notJudged = q.recommendations().contains(LibraryQuery.NOT_JUDGED);
            var in = judged.isEmpty() ? null : "a.recommendation IN (" + placeholders(judged.size()) + ")";
            if (notJudged) {
                filter.where(
                        in == null ? "a.recommendation IS NULL" : "(" + in + " OR a.recommendation IS NULL)",
                        List.copyOf(judged));
            } else {
                filter.where(in, List.copyOf(judged));
            }
        }
        if (q.minScore() != null) {
            filter.where("a.ai_score >= ?", q.minScore());
        }
        if (q.maxScore() != null) {
            filter.where("a.ai_score <= ?", q.maxScore());
        }
        if (q.genre() != null && !q.genre().isBlank()) {
            filter.where(
                    "(', ' || lower(a.genres) || ',') LIKE ?",
                    "%, " + q.genre().strip().toLowerCase(Locale.ROOT) + ",%");
        }
        if (q.rated() != null) {
            filter.where(q.rated() ? "r.rating IS NOT NULL" : "r.rating IS NULL");
        }
        if (q.shortlisted() != null) {
            filter.where(q.shortlisted() ? "r.shortlisted = 1" : "coalesce(r.shortlisted, 0) = 0");
        }
        if (!q.tags().isEmpty()) {
            var params = new ArrayList<Object>(q.tags());
            params.add(q.tags().size());
            filter.where(
                    "a.id IN (SELECT analysis_id FROM tags WHERE tag IN ("
                            + placeholders(q.tags().size()) + ") GROUP BY analysis_id HAVING count(*) = ?)",
                    params);
        }
        if (q.savedFrom() != null) {
            filter.where("a.saved_at >= ?", q.savedFrom().toString());
        }
        if (q.savedTo() != null) {
            filter.where("a.saved_at < ?", q.savedTo().toString());
        }
        if (extraWhere != null) {
            filter.where(extraWhere, extraParams);
        }
        return filter;
    }

    /** Every word a prefix, all words required: "brick det" finds "Brick ... detective". */
    static String ftsQuery(String text) {
        var terms = new ArrayList<String>();
        var matcher = Library.WORD.matcher(text);
        while (matcher.find()) {
            terms.add("\"" + matcher.group().replace("\"", "") + "\"*");
        }
        return String.join(" AND ", terms);
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
