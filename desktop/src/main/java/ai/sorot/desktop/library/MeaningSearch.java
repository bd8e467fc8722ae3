package ai.sorot.desktop.library;

import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.LibraryQuery;
import ai.sorot.lambda.library.ReviewSession;
import ai.sorot.lambda.library.SemanticLibrary;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The library page's search by meaning: the phrase's neighbours after the words' matches, and
 * "More like this". Called on the background pool only; one {@link SemanticLibrary} per page,
 * which keeps the vectors in memory between queries.
 */
final class MeaningSearch {

    /** At most this many rows found by meaning below the words' matches. */
    static final int MEANING_ROWS = 20;
    /** At most this many analyses in "More like this". */
    static final int SIMILAR_ROWS = 10;

    private final Supplier<Library> library;
    private SemanticLibrary semantic;

    MeaningSearch(Supplier<Library> library) {
        this.library = library;
    }

    private synchronized SemanticLibrary semantic() {
        if (semantic == null) {
            semantic = new SemanticLibrary(library.get());
        }
        return semantic;
    }

    /**
     * Appends the analyses close in meaning to the phrase that the words did not find and that the
     * other filters (session, score, tags...) let through, closest first; returns how many. The
     * first use loads the embedding model and embeds the analyses saved before.
     */
    int addCloseInMeaning(Library lib, LibraryQuery q, List<LibraryEntry> found) {
        List<SemanticLibrary.Neighbour> neighbours;
        try {
            var allowed = new HashSet<String>();
            lib.search(q.withText(null)).forEach(e -> allowed.add(e.id()));
            neighbours = semantic()
                    .byMeaning(q.text(), MEANING_ROWS + found.size(), SemanticLibrary.PHRASE_THRESHOLD, allowed);
        } catch (RuntimeException e) {
            return 0; // the words' matches still show
        }
        var seen = new HashSet<String>();
        found.forEach(e -> seen.add(e.id()));
        int added = 0;
        for (var n : neighbours) {
            if (added < MEANING_ROWS && seen.add(n.entry().id())) {
                found.add(n.entry());
                added++;
            }
        }
        return added;
    }

    /** At most this many theme groups in a session. */
    static final int THEME_GROUPS = 5;

    /** A session's scripts in theme groups: about one group per three scripts, two at least, {@link #THEME_GROUPS} at most. */
    List<SemanticLibrary.Cluster> clusters(ReviewSession session) {
        return semantic().clusters(session.id(), Math.min(THEME_GROUPS, Math.max(2, session.size() / 3)));
    }

    List<SemanticLibrary.Neighbour> similar(String id) {
        return semantic().similar(id, SIMILAR_ROWS);
    }
}
