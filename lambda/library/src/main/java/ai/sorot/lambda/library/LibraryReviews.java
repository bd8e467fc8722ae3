package ai.sorot.lambda.library;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The curator's own review of an analysis: rating, verdict, notes, shortlist and tags. */
final class LibraryReviews {

    private final Library library;

    LibraryReviews(Library library) {
        this.library = library;
    }

    void rate(String id, Integer rating) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new SorotException(ErrorCode.INVALID_JSON, "A rating is 1 to 5 stars.");
        }
        review(id, "rating", rating);
    }

    void setVerdict(String id, CuratorVerdict verdict) {
        review(id, "verdict", verdict == null ? null : verdict.name());
    }

    void setNotes(String id, String notes) {
        library.inTransaction(() -> {
            review(id, "notes", notes == null ? "" : notes);
            library.reindex(id);
        });
    }

    void setShortlisted(String id, boolean shortlisted) {
        review(id, "shortlisted", shortlisted ? 1 : 0);
    }

    void tag(String id, String tag) {
        var clean = cleanTag(tag);
        library.inTransaction(() -> {
            library.requireAnalysis(id);
            library.update("INSERT OR IGNORE INTO tags (analysis_id, tag) VALUES (?, ?)", id, clean);
            library.reindex(id);
        });
    }

    void untag(String id, String tag) {
        library.inTransaction(() -> {
            library.update("DELETE FROM tags WHERE analysis_id = ? AND tag = ?", id, cleanTag(tag));
            library.reindex(id);
        });
    }

    /** Every tag in use, with how many analyses carry it, most used first. */
    List<String> allTags() {
        return library.query("SELECT tag FROM tags GROUP BY tag ORDER BY count(*) DESC, tag", st -> {}, rs -> {
            var tags = new ArrayList<String>();
            while (rs.next()) {
                tags.add(rs.getString(1));
            }
            return tags;
        });
    }

    void review(String id, String column, Object value) {
        library.requireAnalysis(id);
        var now = Instant.now().toString();
        library.inTransaction(() -> {
            library.update(
                    "INSERT INTO reviews (analysis_id, updated_at) VALUES (?, ?) ON CONFLICT(analysis_id) DO NOTHING",
                    id,
                    now);
            library.update(
                    "UPDATE reviews SET " + column + " = ?, updated_at = ? WHERE analysis_id = ?", value, now, id);
        });
    }

    static String cleanTag(String tag) {
        var clean = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        if (clean.isEmpty() || clean.length() > 40) {
            throw new SorotException(ErrorCode.MISSING_FIELD, "A tag is one to forty characters.");
        }
        return clean;
    }
}
