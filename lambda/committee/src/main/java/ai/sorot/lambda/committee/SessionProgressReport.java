package ai.sorot.lambda.committee;

import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.Review;
import ai.sorot.model.committee.SessionProgress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's progress from its assignments and reviews, each read once: every reader's load and
 * agreement over the whole session, and one page of the per-script list (with aggregates for
 * leads). The scripts are paged because at 3,000 scripts the whole list is a 1 MB answer whose
 * writing and reading cost more than the store reads; the readers and the agreement are never paged.
 */
public final class SessionProgressReport {

    /** Scripts per page when the request names no limit. */
    public static final int DEFAULT_LIMIT = 200;

    /** The most a request may ask for: a session's largest size, so one call can still take every script. */
    public static final int MAX_LIMIT = 10_000;

    private SessionProgressReport() {}

    /** Where a page starts in the session's script order, and how many scripts it holds. */
    public record Page(int offset, int limit) {

        public Page {
            if (offset < 0 || limit < 1) {
                throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
            }
        }

        /** Every script at once: what the CSV export and the tests that want the whole list use. */
        public static Page whole() {
            return new Page(0, Integer.MAX_VALUE);
        }
    }

    /**
     * {@code names}: member names by id; {@code lead}: whether the caller sees aggregates and
     * agreement. The answer's {@code nextCursor} is the next page's offset, null on the last page.
     */
    public static SessionProgress of(
            StoredSession stored,
            List<Assignment> assignments,
            List<Review> reviews,
            Map<String, String> names,
            boolean lead,
            Page page) {
        var reviewsByScript = new HashMap<String, List<Review>>();
        for (var review : reviews) {
            reviewsByScript
                    .computeIfAbsent(review.analysisId(), k -> new ArrayList<>(3))
                    .add(review);
        }
        // per reader: assigned, reviewed, pages assigned, pages reviewed; session readers first, in order
        var load = new LinkedHashMap<String, int[]>();
        stored.readerIds().forEach(id -> load.put(id, new int[4]));
        var byScript = new HashMap<String, List<Assignment>>();
        for (var a : assignments) {
            byScript.computeIfAbsent(a.analysisId(), k -> new ArrayList<>(3)).add(a);
            var counts = load.computeIfAbsent(a.memberId(), k -> new int[4]);
            counts[0]++;
            counts[2] += a.pages();
            if (reviewedBy(reviewsByScript.get(a.analysisId()), a.memberId())) {
                counts[1]++;
                counts[3] += a.pages();
            }
        }
        var readers = new ArrayList<SessionProgress.ReaderProgress>(load.size());
        load.forEach(
                (id, c) -> readers.add(new SessionProgress.ReaderProgress(id, names.get(id), c[0], c[1], c[2], c[3])));

        var ids = stored.session().analysisIds();
        int from = Math.min(page.offset(), ids.size());
        int to = (int) Math.min((long) from + page.limit(), ids.size());
        var scripts = new ArrayList<SessionProgress.ScriptProgress>(to - from);
        for (var id : ids.subList(from, to)) {
            var its = byScript.getOrDefault(id, List.of());
            var theirs = reviewsByScript.getOrDefault(id, List.of());
            var readerIds = new ArrayList<String>(its.size());
            its.forEach(a -> readerIds.add(a.memberId()));
            scripts.add(new SessionProgress.ScriptProgress(
                    id,
                    its.isEmpty() ? null : its.get(0).title(),
                    its.isEmpty() ? 0 : its.get(0).pages(),
                    readerIds,
                    theirs.size(),
                    lead ? ReviewAggregates.of(theirs) : null));
        }
        var agreement = lead ? SessionAgreement.of(titles(ids, byScript), reviews) : null;
        var next = to < ids.size() ? Integer.toString(to) : null;
        return new SessionProgress(stored.session(), readers, scripts, agreement, next);
    }

    private static boolean reviewedBy(List<Review> reviews, String memberId) {
        if (reviews == null) {
            return false;
        }
        for (var review : reviews) {
            if (review.memberId().equals(memberId)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> titles(List<String> ids, Map<String, List<Assignment>> byScript) {
        var titles = new LinkedHashMap<String, String>();
        for (var id : ids) {
            var its = byScript.get(id);
            titles.put(id, its == null || its.isEmpty() ? null : its.get(0).title());
        }
        return titles;
    }
}
