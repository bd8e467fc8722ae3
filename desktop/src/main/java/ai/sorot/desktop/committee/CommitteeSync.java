package ai.sorot.desktop.committee;

import ai.sorot.desktop.connection.ApiFailure;
import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.lambda.library.CuratorVerdict;
import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.LibraryQuery;
import ai.sorot.model.api.JobState;
import ai.sorot.model.committee.AnalysisReviews;
import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.Review;
import ai.sorot.model.committee.ReviewInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Offline-first sync of a member's library with the committee's API. The curator's library on this
 * computer stays the place reviews are written (it works with no network); a review that differs
 * from the member's review as the server last confirmed it goes to the {@link CommitteeStore}
 * outbox, and is pushed with {@code If-Match} = the version it was based on. A 409 keeps both
 * versions until the curator picks one ({@link #keepMine}, {@link #keepTheirs}); nothing is
 * overwritten silently on either side. Pulling brings the analyses the library lacks (reports; audio
 * only when played, {@link #audio}) and the committee's reviews. Blocking and UI-free: run it off the
 * FX thread.
 */
public final class CommitteeSync {

    /** What one sync did. */
    public record Outcome(int analysesSeen, int reportsSaved, int pushed, int conflicts, int pulledMine, int pending) {

        public String describe() {
            var text = new StringBuilder(
                    "Synced: " + analysesSeen + " analys" + (analysesSeen == 1 ? "is" : "es") + " on the server");
            if (reportsSaved > 0) {
                text.append(", ").append(reportsSaved).append(" new in the library");
            }
            if (pushed > 0) {
                text.append(", ")
                        .append(pushed)
                        .append(" review")
                        .append(pushed == 1 ? "" : "s")
                        .append(" sent");
            }
            if (pulledMine > 0) {
                text.append(", ").append(pulledMine).append(" of your reviews updated from another device");
            }
            text.append('.');
            if (conflicts > 0) {
                text.append(' ')
                        .append(conflicts)
                        .append(" review")
                        .append(conflicts == 1 ? " was" : "s were")
                        .append(" changed elsewhere too: choose which version to keep.");
            }
            return text.toString();
        }
    }

    /** What a push did; {@code offline} when the network went away midway (the rest stays queued). */
    public record PushResult(int pushed, int conflicts, int refused, boolean offline) {}

    private static final int PAGE = 100;
    /** Reports fetched at once in a first sync. */
    private static final int PARALLEL_REPORTS = 6;

    private final CommitteeStore store;
    private final AnalysisArchive archive;

    public CommitteeSync(CommitteeStore store, AnalysisArchive archive) {
        this.store = Objects.requireNonNull(store, "store");
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    public CommitteeStore store() {
        return store;
    }

    // ---------------------------------------------------------------- local edits → outbox

    /**
     * The curator edited their review of {@code analysisId} in the library (no network needed):
     * queues it when it differs from what the server last confirmed. {@code sessionId} is the
     * committee session it was written in, if any. Returns whether something was queued.
     */
    public boolean noteLocalEdit(String analysisId, String sessionId) {
        var entry = archive.library().entry(analysisId);
        if (entry.isEmpty()) {
            return false;
        }
        var mine = store.mine(analysisId);
        var input = inputOf(
                entry.get(),
                sessionId,
                mine.orElse(null),
                store.pending(analysisId).map(p -> p.input()).orElse(null));
        if (mine.isPresent() ? same(input, mine.get()) : !hasContent(input)) {
            return false;
        }
        store.enqueue(analysisId, input, mine.map(Review::version).orElse(0L));
        return true;
    }

    /**
     * Every review in the library that differs from the server's last word: edits made anywhere
     * (library, review mode). Only analyses in {@code onServer} count: a script analysed on this
     * computer alone has no place on the committee's server.
     */
    public int queueLocalChanges(Set<String> onServer) {
        int queued = 0;
        for (var entry : archive.library().search(LibraryQuery.ALL)) {
            if (!onServer.contains(entry.id())) {
                continue;
            }
            var mine = store.mine(entry.id());
            var waiting = store.pending(entry.id());
            var input = inputOf(
                    entry, null, mine.orElse(null), waiting.map(p -> p.input()).orElse(null));
            boolean differs = mine.isPresent() ? !same(input, mine.get()) : hasContent(input);
            boolean alreadyQueued = waiting.isPresent() && waiting.get().input().equals(input);
            if (differs && !alreadyQueued) {
                store.enqueue(entry.id(), input, mine.map(Review::version).orElse(0L));
                queued++;
            }
        }
        return queued;
    }

    // ---------------------------------------------------------------- outbox → server

    /** Sends what is queued, oldest first. Stops at the first sign the network is gone; the rest waits. */
    public PushResult push(CommitteeClient client) {
        int pushed = 0;
        int conflicts = 0;
        int refused = 0;
        for (var pending : store.pending()) {
            if (pending.blocked()) {
                conflicts += pending.conflict() != null ? 1 : 0;
                continue;
            }
            try {
                switch (client.putMyReview(pending.analysisId(), pending.input(), pending.basedOn())) {
                    case CommitteeClient.PutResult.Saved saved -> {
                        store.accepted(saved.review());
                        pushed++;
                    }
                    case CommitteeClient.PutResult.Conflict conflict -> {
                        store.conflicted(pending.analysisId(), conflict.conflict());
                        conflicts++;
                    }
                }
            } catch (ApiFailure f) {
                if (f.isTransient() || f.isUnauthorized()) {
                    if (f.isUnauthorized()) {
                        throw f;
                    }
                    return new PushResult(pushed, conflicts, refused, true);
                }
                store.refused(pending.analysisId(), f.getMessage());
                refused++;
            }
        }
        return new PushResult(pushed, conflicts, refused, false);
    }

    /** Resolves a conflict with the version written here: it is sent again, based on the server's. */
    public void keepMine(String analysisId) {
        var pending = store.pending(analysisId)
                .orElseThrow(() -> new IllegalStateException("No review of " + analysisId + " is waiting."));
        if (pending.conflict() == null) {
            throw new IllegalStateException("The review of " + analysisId + " is not in conflict.");
        }
        var current = pending.conflict().current();
        store.rebase(
                analysisId, current == null ? 0 : current.version()); // none left on the server: sent as a first review
    }

    /** Resolves a conflict with the server's version: it replaces the one written here, in the library too. */
    public void keepTheirs(String analysisId) {
        var pending = store.pending(analysisId)
                .orElseThrow(() -> new IllegalStateException("No review of " + analysisId + " is waiting."));
        var current = pending.conflict() == null ? null : pending.conflict().current();
        if (current != null) {
            applyToLibrary(current);
        }
        store.discard(analysisId, current);
    }

    // ---------------------------------------------------------------- server → library

    /**
     * The whole round: the analyses the library lacks (reports only), local edits into the outbox,
     * the outbox to the server, then the committee's reviews of each analysis, and the member's own reviews
     * written on another device (applied here unless an edit of this device waits for them).
     * {@code sessionId}, when set, also pulls that session's queue and what it shows of each script.
     */
    public Outcome sync(CommitteeClient client, String sessionId, BooleanSupplier cancelled) throws IOException {
        var library = archive.library();
        int seen = 0;
        int saved = 0;
        int pulledMine = 0;
        var completed = new LinkedHashSet<String>();
        var missing = new ArrayList<String>();
        String cursor = null;
        do {
            var page = client.analyses(PAGE, cursor);
            for (var summary : page.items()) {
                if (cancelled.getAsBoolean()) {
                    return outcome(seen, saved, new PushResult(0, 0, 0, false), pulledMine);
                }
                seen++;
                if (summary.status() != JobState.COMPLETED) {
                    continue;
                }
                completed.add(summary.analysisId());
                if (!library.contains(summary.analysisId())) {
                    missing.add(summary.analysisId());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null && !cancelled.getAsBoolean());
        saved = fetchReports(client, missing, cancelled);
        queueLocalChanges(completed);
        var push = push(client);
        if (push.offline()) {
            throw ApiFailure.network(
                    "The committee's server went away during the sync; "
                            + store.pending().size() + " review(s) wait in the outbox.",
                    null);
        }
        for (var id : completed) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            if (absorb(client.reviews(id), "")) {
                pulledMine++;
            }
        }
        if (sessionId != null) {
            for (var assignment : pullQueue(client, sessionId)) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                pullSessionReviews(client, sessionId, assignment.analysisId());
            }
        }
        return outcome(seen, saved, push, pulledMine);
    }

    /**
     * Fetches and saves the reports of {@code ids}, a few at a time: the server takes tens of
     * milliseconds per report, so overlapping the requests is what keeps a new desktop's first sync
     * of a large library short. The first failure is thrown once the others have finished.
     */
    private int fetchReports(CommitteeClient client, List<String> ids, BooleanSupplier cancelled) throws IOException {
        if (ids.isEmpty()) {
            return 0;
        }
        var pool = Executors.newFixedThreadPool(Math.min(PARALLEL_REPORTS, ids.size()), r -> {
            var thread = new Thread(r, "sorot-committee-report");
            thread.setDaemon(true);
            return thread;
        });
        try {
            var futures = new ArrayList<Future<Boolean>>();
            for (var id : ids) {
                futures.add(pool.submit(() -> {
                    if (cancelled.getAsBoolean()) {
                        return false;
                    }
                    archive.save(client.report(id), null, null, null, null);
                    return true;
                }));
            }
            int saved = 0;
            Exception first = null;
            for (var future : futures) {
                try {
                    saved += future.get() ? 1 : 0;
                } catch (ExecutionException e) {
                    first = first == null && e.getCause() instanceof Exception cause ? cause : first;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw ApiFailure.network("The sync was cancelled.", e);
                }
            }
            if (first instanceof IOException io) {
                throw io;
            }
            if (first instanceof RuntimeException runtime) {
                throw runtime;
            }
            return saved;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The member's queue in {@code sessionId}, saved for offline use with the report of each script
     * the library lacks (so the queue can be read and rated on a train); it also tells this device
     * who it is.
     */
    public List<Assignment> pullQueue(CommitteeClient client, String sessionId) throws IOException {
        var queue = client.myAssignments(sessionId);
        for (var assignment : queue) {
            if (!archive.library().contains(assignment.analysisId())) {
                archive.save(client.report(assignment.analysisId()), null, null, null, null);
            }
        }
        store.putQueue(sessionId, queue);
        queue.stream()
                .map(Assignment::memberId)
                .filter(Objects::nonNull)
                .findFirst()
                .ifPresent(store::setMe);
        return queue;
    }

    /** What the session shows this member of one script (in a blind session, only their own until it exists). */
    public AnalysisReviews pullSessionReviews(CommitteeClient client, String sessionId, String analysisId) {
        var reviews = client.sessionReviews(sessionId, analysisId);
        store.putReviews(sessionId, reviews);
        absorb(reviews, null);
        return reviews;
    }

    /**
     * The audio summary of a synced analysis, fetched the first time it is played and kept in the
     * library afterwards (a sync brings reports only: a full library of audio would take hours).
     */
    public Optional<Path> audio(CommitteeClient client, String analysisId) throws IOException {
        var have = archive.audio(analysisId);
        if (have.isPresent()) {
            return have;
        }
        var report = archive.report(analysisId).orElse(null);
        if (report == null || report.audio() == null) {
            return Optional.empty();
        }
        var audio = client.downloadAudio(analysisId, archive.scratch());
        try {
            archive.save(report, Files.readAllBytes(audio.file()), audio.contentType(), null, null);
        } finally {
            Files.deleteIfExists(audio.file());
        }
        return archive.audio(analysisId);
    }

    // ---------------------------------------------------------------- helpers

    /** Saves the pulled reviews (under {@code scope}, when given) and applies the member's own if it is newer. */
    private boolean absorb(AnalysisReviews reviews, String scope) {
        if (scope != null) {
            store.putReviews(scope, reviews);
        }
        var me = store.me().orElse(null);
        if (me == null || reviews.reviews() == null) {
            return false;
        }
        for (var review : reviews.reviews()) {
            if (!me.equals(review.memberId())) {
                continue;
            }
            long known = store.mine(review.analysisId()).map(Review::version).orElse(0L);
            if (review.version() <= known) {
                return false;
            }
            if (store.pending(review.analysisId()).isPresent()) {
                return false; // an edit of this device waits: its push meets this version and the curator chooses
            }
            if (archive.library().contains(review.analysisId())) {
                applyToLibrary(review);
            }
            store.putMine(review);
            return true;
        }
        return false;
    }

    private void applyToLibrary(Review review) {
        Library library = archive.library();
        var id = review.analysisId();
        if (!library.contains(id)) {
            return;
        }
        library.rate(id, review.rating());
        library.setVerdict(
                id,
                review.verdict() == null
                        ? null
                        : CuratorVerdict.valueOf(review.verdict().name()));
        library.setNotes(id, review.notes() == null ? "" : review.notes());
        library.setShortlisted(id, review.shortlisted());
    }

    private Outcome outcome(int seen, int saved, PushResult push, int pulledMine) {
        int conflicts =
                (int) store.pending().stream().filter(p -> p.conflict() != null).count();
        return new Outcome(
                seen,
                saved,
                push.pushed(),
                conflicts,
                pulledMine,
                store.pending().size());
    }

    /** The library's review as the committee's input; the rubric scores and session of the last version ride along. */
    static ReviewInput inputOf(LibraryEntry entry, String sessionId, Review mine, ReviewInput waiting) {
        var session = sessionId != null
                ? sessionId
                : waiting != null && waiting.sessionId() != null
                        ? waiting.sessionId()
                        : mine == null ? null : mine.sessionId();
        var scores =
                waiting != null && waiting.scores() != null ? waiting.scores() : mine == null ? null : mine.scores();
        return new ReviewInput(
                entry.rating(),
                entry.verdict() == null
                        ? null
                        : CommitteeVerdict.valueOf(entry.verdict().name()),
                entry.notes() == null ? "" : entry.notes(),
                entry.shortlisted(),
                session,
                scores);
    }

    private static boolean same(ReviewInput input, Review review) {
        return Objects.equals(input.rating(), review.rating())
                && input.verdict() == review.verdict()
                && input.notes().equals(review.notes() == null ? "" : review.notes())
                && Boolean.TRUE.equals(input.shortlisted()) == review.shortlisted()
                && Objects.equals(input.sessionId(), review.sessionId());
    }

    private static boolean hasContent(ReviewInput input) {
        return input.rating() != null
                || input.verdict() != null
                || Boolean.TRUE.equals(input.shortlisted())
                || !input.notes().isBlank();
    }
}
