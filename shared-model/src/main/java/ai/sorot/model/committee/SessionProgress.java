package ai.sorot.model.committee;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code GET /sessions/{id}}: the session, progress per reader and per script, and agreement. The
 * readers and the agreement always cover the whole session; {@code scripts} is one page of the
 * session's scripts in session order, and {@code nextCursor} (null on the last page) is what to pass
 * as {@code ?cursor=} for the next one.
 */
public record SessionProgress(
        Session session,
        List<ReaderProgress> readers,
        List<ScriptProgress> scripts,
        Agreement agreement,
        String nextCursor) {

    /** Every script in one answer: no further page. */
    public SessionProgress(
            Session session, List<ReaderProgress> readers, List<ScriptProgress> scripts, Agreement agreement) {
        this(session, readers, scripts, agreement, null);
    }

    /** A reader's load and progress, in scripts and in pages. */
    public record ReaderProgress(
            String memberId, String name, int assigned, int reviewed, int pagesAssigned, int pagesReviewed) {}

    /** A script's readers, how many have reviewed it, and (leads only) the aggregate so far. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScriptProgress(
            String analysisId,
            String title,
            int pages,
            List<String> readerIds,
            int reviewed,
            ReviewAggregate aggregate) {}
}
