package ai.sorot.lambda.library;

import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.semantic.AnalysisEmbedding;
import ai.sorot.lambda.semantic.AnalysisText;
import ai.sorot.lambda.semantic.Embedder;
import ai.sorot.lambda.semantic.KMeans;
import ai.sorot.lambda.semantic.Vectors;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The library searched by meaning: one embedding per analysis (see {@link AnalysisText} for what
 * goes in it) in the {@code analysis_vectors} table, compared by cosine similarity. Vectors are
 * made for the analyses that have none (or an outdated one) by {@link #embedPending()}, which
 * {@link #similar} and {@link #search} run first, so analyses saved before this existed are
 * embedded on first use. The vectors are kept in memory between queries and read again only when
 * the table changed; a query over 10,000 analyses is a scan of 10,000 dot products (a few ms).
 * Thread-safe; embedding runs outside the library's lock, so the library stays usable meanwhile.
 */
public final class SemanticLibrary {

    /** An analysis close to another, or to a phrase, with the cosine similarity of their vectors (-1 to 1). */
    public record Neighbour(LibraryEntry entry, double similarity) {}

    /** How a search result was found: its words matched (full-text), or its meaning is close to the phrase's. */
    public enum Match {
        WORDS,
        MEANING
    }

    public record Hit(LibraryEntry entry, Match match, Double similarity) {}

    /**
     * The least cosine similarity at which a phrase's neighbour is listed. Measured on seven corpus
     * scripts analysed with no model: a phrase describing one of them scored it 0.32-0.50 (and the
     * rest 0.06-0.30); a phrase fitting none ("a road movie about grief") scored all 0.19-0.37. So
     * a few weak neighbours can show, each with its figure, rather than a fitting one be hidden.
     */
    public static final double PHRASE_THRESHOLD = 0.3;

    /**
     * Whether the search box's text is a phrase to search by meaning too: three words or more ("a
     * road movie about grief"). One or two words look up a title, a name or a word, where
     * neighbours by meaning would be noise.
     */
    public static boolean isPhrase(String text) {
        return text != null && Library.WORD.matcher(text).results().count() >= 3;
    }

    private final Library library;
    private final Supplier<Embedder> embedder;
    private final java.util.concurrent.locks.ReentrantLock embedding = new java.util.concurrent.locks.ReentrantLock();
    private Snapshot snapshot = new Snapshot(List.of(), new String[0], new float[0][]);
    /** The library's {@link #changeState()} when {@link #embedPending()} last found nothing to embed. */
    private List<Long> checked = List.of();
    /** Bumped by every vector this process stores (its own writes do not change {@code data_version}). */
    private long generation;

    /** The vectors as read, and what the table looked like then: row count, other connections' commits, own writes. */
    private record Snapshot(List<Long> state, String[] ids, float[][] vectors) {}

    private record Pending(String id, String key) {}

    public SemanticLibrary(Library library) {
        this.library = library;
        this.embedder = Embedder::shared;
    }

    /**
     * Embeds every analysis with no vector or one made from an older save or another model; the
     * slow part (reading the file again, the model) holds no lock. Returns how many were embedded.
     */
    public int embedPending() {
        embedding.lock();
        try {
            return embedPendingLocked();
        } finally {
            embedding.unlock();
        }
    }

    /**
     * The same, unless another thread is embedding already: then returns -1 at once, and a search
     * runs on the vectors there are (a search box typed into during a first, long backfill must not
     * queue behind it).
     */
    public int embedPendingUnlessBusy() {
        if (!embedding.tryLock()) {
            return -1;
        }
        try {
            return embedPendingLocked();
        } finally {
            embedding.unlock();
        }
    }

    private int embedPendingLocked() {
        List<Pending> pending;
        synchronized (library) {
            var state = changeState();
            if (state.equals(checked)) {
                return 0; // nothing written to the library since everything was found embedded
            }
            pending = library.query("""
                    SELECT a.id, a.saved_at || '|' || coalesce(a.completed_at, '') FROM analyses a
                    LEFT JOIN analysis_vectors v ON v.analysis_id = a.id
                    WHERE v.analysis_id IS NULL OR v.model <> ? OR v.analysis_key <> a.saved_at || '|' || coalesce(a.completed_at, '')
                    ORDER BY a.rowid""", st -> st.setString(1, Embedder.MODEL), rs -> {
                var list = new ArrayList<Pending>();
                while (rs.next()) {
                    list.add(new Pending(rs.getString(1), rs.getString(2)));
                }
                return list;
            });
        }
        int done = 0;
        for (var p : pending) {
            if (embed(p)) {
                done++;
            }
        }
        if (pending.isEmpty()) {
            synchronized (library) {
                checked = changeState();
            }
        }
        return done;
    }

    /**
     * Embeds one analysis right after it was saved, so its vector is stored with it and "similar"
     * and the search by meaning find it with no backfill at first use (the callers of
     * {@link Library#save} call this: the CLI's analyze, the desktop's archive). Blocking (the model
     * loads on first use, then about half a second a script): off the FX thread. Returns false when
     * the analysis already has a current vector, or is gone.
     */
    public boolean embedSaved(String analysisId) {
        embedding.lock();
        try {
            Pending pending;
            synchronized (library) {
                pending = library.query(
                        """
                        SELECT a.id, a.saved_at || '|' || coalesce(a.completed_at, '') FROM analyses a
                        LEFT JOIN analysis_vectors v ON v.analysis_id = a.id
                        WHERE a.id = ? AND (v.analysis_id IS NULL OR v.model <> ?
                          OR v.analysis_key <> a.saved_at || '|' || coalesce(a.completed_at, ''))""",
                        st -> {
                            st.setString(1, analysisId);
                            st.setString(2, Embedder.MODEL);
                        },
                        rs -> rs.next() ? new Pending(rs.getString(1), rs.getString(2)) : null);
            }
            return pending != null && embed(pending);
        } finally {
            embedding.unlock();
        }
    }

    /** Embeds and stores one analysis; false when it was deleted meanwhile or has no report. */
    private boolean embed(Pending p) {
        float[] vector;
        try {
            var report = library.report(p.id());
            vector = AnalysisEmbedding.of(AnalysisText.of(report, parsed(p.id())), embedder.get());
        } catch (SorotException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
            return false; // deleted meanwhile, or no report file: nothing to embed
        }
        if (vector == null) {
            vector = new float[Embedder.DIMENSIONS]; // nothing to say: similar to nothing
        }
        store(p, vector);
        return true;
    }

    /**
     * What has been written to the library file: SQLite's {@code data_version} changes when another
     * connection (the CLI beside the desktop) commits, {@code total_changes()} counts this one's rows.
     */
    private List<Long> changeState() {
        long dataVersion = library.query("PRAGMA data_version", st -> {}, rs -> rs.getLong(1));
        long ownChanges = library.query("SELECT total_changes()", st -> {}, rs -> rs.getLong(1));
        return List.of(dataVersion, ownChanges);
    }

    private void store(Pending p, float[] vector) {
        synchronized (library) {
            library.inTransaction(() -> library.update("""
                    INSERT INTO analysis_vectors (analysis_id, model, analysis_key, vector)
                    SELECT id, ?, ?, ? FROM analyses WHERE id = ?
                    ON CONFLICT(analysis_id) DO UPDATE SET model = excluded.model,
                      analysis_key = excluded.analysis_key, vector = excluded.vector""", Embedder.MODEL, p.key(), Vectors.toBytes(vector), p.id()));
            synchronized (this) {
                generation++;
            }
        }
    }

    /** The screenplay's paragraphs, read again from the saved file, or null when there is none or it cannot be read. */
    private Screenplay parsed(String id) {
        var source = library.source(id);
        if (source.isEmpty()) {
            return null;
        }
        try {
            return new ScreenplayReader().read(source.get());
        } catch (RuntimeException e) {
            return null; // the report's own words still count
        }
    }

    /** The analyses closest to {@code id}, closest first. */
    public List<Neighbour> similar(String id, int limit) {
        if (!library.contains(id)) {
            throw new SorotException(ErrorCode.NOT_FOUND, "No analysis " + id + " in the library.");
        }
        embedPending();
        var snap = vectors();
        int self = -1;
        for (int i = 0; i < snap.ids().length; i++) {
            if (snap.ids()[i].equals(id)) {
                self = i;
            }
        }
        if (self < 0 || isZero(snap.vectors()[self])) {
            return List.of();
        }
        return nearest(snap, snap.vectors()[self], null, id, limit, -1);
    }

    /** The analyses whose vectors are closest to the phrase's, at or above {@code threshold}. */
    public List<Neighbour> byMeaning(String phrase, int limit, double threshold) {
        return byMeaning(phrase, limit, threshold, null);
    }

    /**
     * The same, among the analyses in {@code within} only (a session's), or all when it is null.
     * Embeds what is pending first, unless another thread is at it: then the analyses not embedded
     * yet are not found this time.
     */
    public List<Neighbour> byMeaning(String phrase, int limit, double threshold, Set<String> within) {
        if (phrase == null || phrase.isBlank()) {
            return List.of();
        }
        embedPendingUnlessBusy();
        var query = embedder.get().embed(phrase.strip());
        return nearest(vectors(), query, within, null, limit, threshold);
    }

    /**
     * The search box: the full-text matches first, in their full-text order, then, when the text
     * is a phrase ({@link #isPhrase}), the analyses close in meaning to it (similarity at least
     * {@link #PHRASE_THRESHOLD}) that the words did not find, closest first; {@code limit} rows in all.
     */
    public List<Hit> search(String phrase, int limit) {
        return search(phrase, null, limit);
    }

    /** The same inside one review session, or the whole library when {@code sessionId} is null. */
    public List<Hit> search(String phrase, Long sessionId, int limit) {
        var hits = new ArrayList<Hit>();
        var seen = new LinkedHashSet<String>();
        var words = LibraryQuery.ALL
                .withText(phrase)
                .sortedBy(LibraryQuery.Sort.RELEVANCE, false)
                .page(limit, 0);
        if (sessionId != null) {
            words = words.inSession(sessionId);
        }
        for (var e : library.search(words)) {
            hits.add(new Hit(e, Match.WORDS, null));
            seen.add(e.id());
        }
        if (!isPhrase(phrase)) {
            return hits;
        }
        Set<String> within = sessionId == null ? null : new HashSet<>(library.sessionItems(sessionId));
        for (var n : byMeaning(phrase, limit + seen.size(), PHRASE_THRESHOLD, within)) {
            if (hits.size() >= limit) {
                break;
            }
            if (seen.add(n.entry().id())) {
                hits.add(new Hit(n.entry(), Match.MEANING, n.similarity()));
            }
        }
        return hits;
    }

    /** A group of analyses close in meaning, named by the themes and genres their reports name most. */
    public record Cluster(String label, List<LibraryEntry> members) {}

    /**
     * The analyses (of a session, or the whole library when {@code sessionId} is null) in at most
     * {@code k} groups by k-means on their vectors, largest group first. Each is labelled by the
     * three theme or genre words its members' reports name most often, with their counts.
     */
    public List<Cluster> clusters(Long sessionId, int k) {
        embedPending();
        var snap = vectors();
        Set<String> within = sessionId == null ? null : new HashSet<>(library.sessionItems(sessionId));
        var ids = new ArrayList<String>();
        var vectors = new ArrayList<float[]>();
        for (int i = 0; i < snap.ids().length; i++) {
            if ((within == null || within.contains(snap.ids()[i])) && !isZero(snap.vectors()[i])) {
                ids.add(snap.ids()[i]);
                vectors.add(snap.vectors()[i]);
            }
        }
        var assignment = KMeans.cluster(vectors, k);
        var entries = new HashMap<String, LibraryEntry>();
        library.entries(ids).forEach(e -> entries.put(e.id(), e));
        var groups = new java.util.TreeMap<Integer, List<String>>();
        for (int i = 0; i < ids.size(); i++) {
            groups.computeIfAbsent(assignment[i], c -> new ArrayList<>()).add(ids.get(i));
        }
        var clusters = new ArrayList<Cluster>();
        for (var members : groups.values()) {
            var words = new java.util.LinkedHashMap<String, Integer>();
            for (var id : members) {
                try {
                    var coverage = library.report(id).coverage();
                    if (coverage != null) {
                        var named = new LinkedHashSet<String>();
                        coverage.themes().forEach(t -> named.add(t.strip().toLowerCase(java.util.Locale.ROOT)));
                        coverage.genres().forEach(g -> named.add(g.strip().toLowerCase(java.util.Locale.ROOT)));
                        named.stream().filter(w -> !w.isEmpty()).forEach(w -> words.merge(w, 1, Integer::sum));
                    }
                } catch (SorotException e) {
                    // no report file: the member counts, its words do not
                }
            }
            var label = words.entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Integer>comparingByValue()
                            .reversed())
                    .limit(3)
                    .map(w -> w.getKey() + " (" + w.getValue() + ")")
                    .toList();
            clusters.add(new Cluster(
                    label.isEmpty() ? "no themes named in the reports" : String.join(", ", label),
                    members.stream()
                            .map(entries::get)
                            .filter(java.util.Objects::nonNull)
                            .toList()));
        }
        clusters.sort(Comparator.comparingInt((Cluster c) -> c.members().size()).reversed());
        return clusters;
    }

    private List<Neighbour> nearest(
            Snapshot snap, float[] query, Set<String> within, String exclude, int limit, double threshold) {
        record Scored(int index, double similarity) {}
        // the best {@code limit} in a small heap: no sort of 10,000 figures for 10 rows
        var best = new PriorityQueue<Scored>(Comparator.comparingDouble(Scored::similarity));
        for (int i = 0; i < snap.ids().length; i++) {
            if (snap.ids()[i].equals(exclude)
                    || (within != null && !within.contains(snap.ids()[i]))
                    || isZero(snap.vectors()[i])) {
                continue;
            }
            double s = Vectors.cosine(query, snap.vectors()[i]);
            if (s >= threshold && (best.size() < limit || s > best.peek().similarity())) {
                best.add(new Scored(i, s));
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        var scored = new ArrayList<>(best);
        scored.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        var entries = new HashMap<String, LibraryEntry>();
        for (var e :
                library.entries(scored.stream().map(x -> snap.ids()[x.index()]).toList())) {
            entries.put(e.id(), e);
        }
        var out = new ArrayList<Neighbour>();
        for (var x : scored) {
            var entry = entries.get(snap.ids()[x.index()]);
            if (entry != null) {
                out.add(new Neighbour(entry, x.similarity()));
            }
        }
        return out;
    }

    /**
     * The vectors, read again only when the table may have changed: a deletion (here, cascading from
     * the analysis) lowers the count, another process's write changes SQLite's {@code data_version},
     * this one's bumps {@link #generation}.
     */
    private Snapshot vectors() {
        synchronized (library) {
            long count = library.query("SELECT count(*) FROM analysis_vectors", st -> {}, rs -> rs.getLong(1));
            long dataVersion = library.query("PRAGMA data_version", st -> {}, rs -> rs.getLong(1));
            List<Long> state;
            synchronized (this) {
                state = List.of(count, dataVersion, generation);
                if (snapshot.state().equals(state)) {
                    return snapshot;
                }
            }
            var fresh = library.query(
                    "SELECT analysis_id, vector FROM analysis_vectors WHERE model = ?",
                    st -> st.setString(1, Embedder.MODEL),
                    rs -> {
                        var ids = new ArrayList<String>();
                        var vectors = new ArrayList<float[]>();
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                            vectors.add(Vectors.fromBytes(rs.getBytes(2)));
                        }
                        return new Snapshot(state, ids.toArray(String[]::new), vectors.toArray(float[][]::new));
                    });
            synchronized (this) {
                snapshot = fresh;
            }
            return fresh;
        }
    }

    private static boolean isZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
