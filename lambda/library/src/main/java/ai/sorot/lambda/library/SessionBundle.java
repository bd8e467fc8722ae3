package ai.sorot.lambda.library;

import ai.sorot.lambda.archive.BoundedZipReader;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.AnalysisReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

/**
 * A session packed to share with a co-programmer who reads it offline: one zip with a manifest
 * (the session, its order and score card, each curator review) and every report, audio summary,
 * thumbnail and screenplay. Importing never overwrites what the receiver already decided.
 */
final class SessionBundle {

    static final int FORMAT = 1;
    static final String MANIFEST = "bundle.json";
    /** Where an import stages new items' files, under the library's items folder. */
    static final String STAGING_PREFIX = ".import-";

    /** The manifest, {@code bundle.json}. */
    record Manifest(int format, String session, List<ReviewSession.Criterion> rubric, List<Item> items) {}

    record Item(
            String id,
            String audioContentType,
            boolean reviewed,
            Integer rating,
            String verdict,
            String notes,
            boolean shortlisted,
            List<String> tags,
            Map<String, Integer> card) {}

    private SessionBundle() {}

    static void export(Library library, long sessionId, Path out) throws IOException {
        var session = library.session(sessionId)
                .orElseThrow(() -> new SorotException(ErrorCode.NOT_FOUND, "No such session."));
        var items = new ArrayList<Item>();
        // streamed to a temporary file beside the target, not gathered in memory, then moved over it
        var target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        var temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try (var zip = new ZipOutputStream(Files.newOutputStream(temp))) {
            for (var id : library.sessionItems(sessionId)) {
                var entry = library.entry(id).orElseThrow();
                var folder = library.itemFolder(id);
                String audioType = null;
                try (var files = Files.list(folder)) {
                    for (var file : files.sorted().toList()) {
                        var name = file.getFileName().toString();
                        if (name.startsWith(".")) {
                            continue;
                        }
                        zip.putNextEntry(new ZipEntry("items/" + id + "/" + name));
                        Files.copy(file, zip);
                        zip.closeEntry();
                        if (name.startsWith("audio.")) {
                            audioType = name.endsWith(".mp3") ? "audio/mpeg" : "audio/wav";
                        }
                    }
                }
                items.add(new Item(
                        id,
                        audioType,
                        library.isReviewed(sessionId, id),
                        entry.rating(),
                        entry.verdict() == null ? null : entry.verdict().name(),
                        entry.notes(),
                        entry.shortlisted(),
                        entry.tags(),
                        library.criterionScores(sessionId, id)));
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(Json.mapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new Manifest(FORMAT, session.name(), session.rubric(), items)));
            zip.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(
                    temp,
                    target,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Imports a bundle; returns the session it created or added to. Nothing of the receiver's is
     * replaced: an analysis already in the library keeps its report, audio, screenplay and files,
     * and its rating, verdict, notes and scores are only filled where empty. Every item is checked
     * before anything is written (its id must be the one its report carries), and the whole import
     * is one transaction whose new files are staged then moved in, so a refused, failed or killed
     * import leaves no half-made session.
     */
    static ReviewSession importBundle(Library library, Path bundle) throws IOException {
        try (var zip = BoundedZipReader.open(bundle, BoundedZipReader.Limits.SESSION_BUNDLE)) {
            if (!zip.contains(MANIFEST)) {
                // refused from the zip's index: nothing of the rest is expanded
                throw new SorotException(ErrorCode.UNSUPPORTED_FORMAT, "Not a Sorot session bundle (no bundle.json).");
            }
            var manifest = readManifest(zip);
            var incoming = check(library, zip, manifest);
            return new BundleImport(library, zip, manifest, incoming).run();
        } catch (ZipException e) {
            throw new SorotException(
                    ErrorCode.UNSUPPORTED_FORMAT, "Not a Sorot session bundle (the zip is damaged).", e);
        }
    }

    /** An item of the bundle, checked: its report, and the entries to copy when the receiver lacks it. */
    record Incoming(Item item, AnalysisReport report, boolean known, Map<String, String> files) {}

    private static Manifest readManifest(BoundedZipReader zip) throws IOException {
        Manifest manifest;
        try {
            manifest = Json.mapper().readValue(zip.read(MANIFEST), Manifest.class);
        } catch (JsonProcessingException e) {
            throw inconsistent("its bundle.json cannot be read (" + e.getOriginalMessage() + ")");
        }
        if (manifest.format() > FORMAT) {
            throw new SorotException(
                    ErrorCode.UNSUPPORTED_FORMAT,
                    "The bundle was made by a newer Sorot (format " + manifest.format() + ").");
        }
        if (manifest.session() == null || manifest.session().isBlank()) {
            throw inconsistent("its bundle.json names no session");
        }
        return manifest;
    }

    /** Checks every item before anything is written; refuses the bundle at the first that does not hold together. */
    private static List<Incoming> check(Library library, BoundedZipReader zip, Manifest manifest) throws IOException {
        var incoming = new ArrayList<Incoming>();
        var seen = new HashSet<String>();
        for (var item : manifest.items() == null ? List.<Item>of() : manifest.items()) {
            if (item == null || item.id() == null || !item.id().matches(Library.SAFE_ID) || !seen.add(item.id())) {
                throw inconsistent("an item's id is missing, repeated or not an analysis id ("
                        + (item == null ? null : item.id()) + ")");
            }
            var prefix = "items/" + item.id() + "/";
            if (!zip.contains(prefix + "report.json")) {
                throw inconsistent("item " + item.id() + " has no report.json");
            }
            AnalysisReport report;
            try {
                report = Json.mapper().readValue(zip.read(prefix + "report.json"), AnalysisReport.class);
            } catch (JsonProcessingException e) {
                throw inconsistent(
                        "the report of item " + item.id() + " cannot be read (" + e.getOriginalMessage() + ")");
            }
            if (!item.id().equals(report.analysisId())) {
                throw inconsistent(
                        "item " + item.id() + " carries the report of another analysis (" + report.analysisId() + ")");
            }
            var files = new LinkedHashMap<String, String>();
            for (var name : ATTACHMENTS) {
                if (zip.contains(prefix + name) && files.keySet().stream().noneMatch(f -> sameKind(f, name))) {
                    files.put(name, prefix + name);
                }
            }
            incoming.add(new Incoming(item, report, library.contains(item.id()), files));
        }
        return incoming;
    }

    /** The files an item may bring, in order of preference within a kind (mp3 before wav, as before). */
    private static final List<String> ATTACHMENTS = List.of(
            "audio.mp3",
            "audio.wav",
            "thumbnail.png",
            "source.pdf",
            "source.fountain",
            "source.fdx",
            "source.highland");

    private static boolean sameKind(String a, String b) {
        return a.substring(0, a.indexOf('.')).equals(b.substring(0, b.indexOf('.')));
    }

    private static SorotException inconsistent(String why) {
        return new SorotException(ErrorCode.BUNDLE_INCONSISTENT, "The session bundle was not imported: " + why + ".");
    }
}
