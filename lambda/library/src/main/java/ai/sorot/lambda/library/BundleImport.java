package ai.sorot.lambda.library;

import ai.sorot.lambda.archive.BoundedZipReader;
import ai.sorot.lambda.files.DiskFull;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies a checked session bundle to the library in one step: new items' files are copied from
 * the zip into a staging folder, then one SQLite transaction adds the session, the new analyses
 * (inserted, never upserted) and the reviews, and moves the staged folders into place just before
 * it commits. A failure undoes the transaction and removes what was moved or staged; a kill leaves
 * at most a staging folder the next open removes, never a session or a row without its files.
 */
final class BundleImport {

    private final Library library;
    private final BoundedZipReader zip;
    private final SessionBundle.Manifest manifest;
    private final List<SessionBundle.Incoming> incoming;
    private final Path staging;
    private final List<Path> moved = new ArrayList<>();

    BundleImport(
            Library library,
            BoundedZipReader zip,
            SessionBundle.Manifest manifest,
            List<SessionBundle.Incoming> incoming) {
        this.library = library;
        this.zip = zip;
        this.manifest = manifest;
        this.incoming = incoming;
        this.staging = library.folder().resolve("items").resolve(SessionBundle.STAGING_PREFIX + UUID.randomUUID());
    }

    ReviewSession run() {
        try {
            stage(); // the long part, copying files, holds no lock: the library stays readable meanwhile
            synchronized (library) {
                long[] sessionId = new long[1];
                library.inTransaction(() -> sessionId[0] = apply());
                return library.session(sessionId[0]).orElseThrow();
            }
        } catch (RuntimeException e) {
            for (var dir : moved) {
                Library.removeFolder(dir); // the rows that would have pointed to them were rolled back
            }
            throw e instanceof UncheckedIOException io
                    ? DiskFull.or(ErrorCode.INTERNAL, "The bundle could not be imported", io.getCause())
                    : e instanceof SorotException
                            ? e
                            : DiskFull.or(ErrorCode.INTERNAL, "The bundle could not be imported", e);
        } finally {
            Library.removeFolder(staging);
        }
    }

    /** Copies each new item's files out of the zip, one bounded stream at a time. */
    private void stage() {
        try {
            for (var item : incoming) {
                if (item.known()) {
                    continue;
                }
                var dir = Files.createDirectories(staging.resolve(item.item().id()));
                Files.write(
                        dir.resolve("report.json"),
                        zip.read("items/" + item.item().id() + "/report.json"));
                for (var file : item.files().entrySet()) {
                    try (var in = zip.stream(file.getValue())) {
                        Files.copy(in, dir.resolve(file.getKey()));
                    }
                }
            }
        } catch (IOException e) {
            throw DiskFull.or(ErrorCode.INTERNAL, "The bundle could not be imported", e);
        }
    }

    private long apply() throws java.sql.SQLException {
        var session = library.createSession(manifest.session(), manifest.rubric());
        var rubric = manifest.rubric() == null ? List.<ReviewSession.Criterion>of() : manifest.rubric();
        if (session.rubric().isEmpty() && !rubric.isEmpty()) {
            library.setRubric(session.id(), rubric);
            session = library.session(session.id()).orElseThrow();
        }
        var ids = new ArrayList<String>();
        for (var in : incoming) {
            var id = in.item().id();
            if (!in.known()) {
                var audio = in.files().keySet().stream()
                        .filter(f -> f.startsWith("audio."))
                        .findFirst();
                library.insertRow(
                        in.report(),
                        audio.map(f -> f.endsWith(".mp3") ? "audio/mpeg" : "audio/wav")
                                .orElse(null),
                        in.files().containsKey("thumbnail.png"),
                        false);
                library.reindex(id);
            }
            mergeReview(in.item());
            ids.add(id);
        }
        library.addToSession(session.id(), ids);
        var criteria =
                session.rubric().stream().map(ReviewSession.Criterion::name).toList();
        for (var in : incoming) {
            var item = in.item();
            if (item.reviewed()) {
                library.markReviewed(session.id(), item.id(), true);
            }
            var mine = library.criterionScores(session.id(), item.id());
            for (var score : item.card() == null
                    ? java.util.Map.<String, Integer>of().entrySet()
                    : item.card().entrySet()) {
                // a criterion this session's card lacks, or one the receiver scored, is left alone
                if (criteria.contains(score.getKey())
                        && !mine.containsKey(score.getKey())
                        && score.getValue() != null) {
                    library.scoreCriterion(session.id(), item.id(), score.getKey(), score.getValue());
                }
            }
        }
        moveStagedIntoPlace();
        return session.id();
    }

    /** Fills only what the receiver left empty: their own decisions are never overwritten. */
    private void mergeReview(SessionBundle.Item item) {
        var mine = library.entry(item.id()).orElseThrow();
        if (mine.rating() == null && item.rating() != null) {
            library.rate(item.id(), item.rating());
        }
        if (mine.verdict() == null && item.verdict() != null) {
            library.setVerdict(item.id(), verdict(item.verdict()));
        }
        if (mine.notes().isBlank() && item.notes() != null && !item.notes().isBlank()) {
            library.setNotes(item.id(), item.notes());
        }
        if (!mine.shortlisted() && item.shortlisted()) {
            library.setShortlisted(item.id(), true);
        }
        for (var tag : item.tags() == null ? List.<String>of() : item.tags()) {
            library.tag(item.id(), tag);
        }
    }

    private static CuratorVerdict verdict(String name) {
        try {
            return CuratorVerdict.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SorotException(
                    ErrorCode.BUNDLE_INCONSISTENT,
                    "The session bundle was not imported: \"" + name + "\" is not a verdict.");
        }
    }

    /** Last step before the commit: a folder left by an earlier failed save (no row) is replaced. */
    private void moveStagedIntoPlace() {
        for (var in : incoming) {
            if (in.known()) {
                continue;
            }
            var target = library.itemFolder(in.item().id());
            Library.removeFolder(target);
            try {
                try {
                    Files.move(staging.resolve(in.item().id()), target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(staging.resolve(in.item().id()), target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            moved.add(target);
        }
    }
}
