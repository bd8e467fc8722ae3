package ai.sorot.lambda.library;

import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.AnalysisReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A session packed to share with a co-programmer who reads it offline: one zip with a manifest
 * (the session, its order and score card, each curator review) and every report, audio summary,
 * thumbnail and screenplay. Importing never overwrites what the receiver already decided.
 */
final class SessionBundle {

    static final int FORMAT = 1;
    private static final long MAX_ENTRY_BYTES = 300L * 1024 * 1024;

    /** The manifest, {@code bundle.json}. */
    record Manifest(int format, String session, List<ReviewSession.Criterion> rubric, List<Item> items) {}

    record Item(String id, String audioContentType, boolean reviewed, Integer rating, String verdict, String notes,
                boolean shortlisted, List<String> tags, Map<String, Integer> card) {}

    private SessionBundle() {}

    static void export(Library library, long sessionId, Path out) throws IOException {
        var session = library.session(sessionId).orElseThrow(() -> new SorotException(ErrorCode.NOT_FOUND, "No such session."));
        var items = new ArrayList<Item>();
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
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
                items.add(new Item(id, audioType, library.isReviewed(sessionId, id), entry.rating(),
                        entry.verdict() == null ? null : entry.verdict().name(), entry.notes(), entry.shortlisted(),
                        entry.tags(), library.criterionScores(sessionId, id)));
            }
            zip.putNextEntry(new ZipEntry("bundle.json"));
            zip.write(Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new Manifest(FORMAT, session.name(), session.rubric(), items)));
            zip.closeEntry();
        }
        AtomicFiles.write(out, bytes.toByteArray());
    }

    /** Imports a bundle; returns the session it created or added to. */
    static ReviewSession importBundle(Library library, Path bundle) throws IOException {
        Manifest manifest = null;
        var files = new HashMap<String, Map<String, byte[]>>();
        try (InputStream in = Files.newInputStream(bundle); var zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                var name = entry.getName();
                byte[] content = readBounded(zip);
                if (name.equals("bundle.json")) {
                    manifest = Json.mapper().readValue(content, Manifest.class);
                } else if (name.matches("items/[A-Za-z0-9._-]+/(report\\.json|audio\\.(wav|mp3)|thumbnail\\.png|source\\.(pdf|fountain))")) {
                    var parts = name.split("/");
                    files.computeIfAbsent(Library.safeId(parts[1]), k -> new HashMap<>()).put(parts[2], content);
                }
                // anything else (and any path trying to leave the folder) is ignored
            }
        } catch (java.util.zip.ZipException e) {
            throw new SorotException(ErrorCode.UNSUPPORTED_FORMAT, "Not a Sorot session bundle (the zip is damaged).");
        }
        if (manifest == null || manifest.format() > FORMAT) {
            throw new SorotException(ErrorCode.UNSUPPORTED_FORMAT, manifest == null
                    ? "Not a Sorot session bundle (no bundle.json)."
                    : "The bundle was made by a newer Sorot (format " + manifest.format() + ").");
        }
        var session = library.createSession(manifest.session(), manifest.rubric());
        if (session.rubric().isEmpty() && !manifest.rubric().isEmpty()) {
            library.setRubric(session.id(), manifest.rubric());
        }
        var ids = new ArrayList<String>();
        for (var item : manifest.items()) {
            var itemFiles = files.get(item.id());
            if (itemFiles == null || !itemFiles.containsKey("report.json")) {
                continue;
            }
            var report = Json.mapper().readValue(itemFiles.get("report.json"), AnalysisReport.class);
            byte[] audio = itemFiles.getOrDefault("audio.mp3", itemFiles.get("audio.wav"));
            String audioType = itemFiles.containsKey("audio.mp3") ? "audio/mpeg" : "audio/wav";
            byte[] source = itemFiles.getOrDefault("source.pdf", itemFiles.get("source.fountain"));
            String sourceName = itemFiles.containsKey("source.fountain") ? "source.fountain" : "source.pdf";
            boolean known = library.contains(item.id());
            if (!known) {
                library.save(report, new Library.Attachments(audio, audio == null ? null : audioType,
                        itemFiles.get("thumbnail.png"), source, sourceName));
            }
            var mine = library.entry(item.id()).orElseThrow();
            if (mine.rating() == null && item.rating() != null) {
                library.rate(item.id(), item.rating());
            }
            if (mine.verdict() == null && item.verdict() != null) {
                library.setVerdict(item.id(), CuratorVerdict.valueOf(item.verdict()));
            }
            if (mine.notes().isBlank() && item.notes() != null && !item.notes().isBlank()) {
                library.setNotes(item.id(), item.notes());
            }
            if (!mine.shortlisted() && item.shortlisted()) {
                library.setShortlisted(item.id(), true);
            }
            for (var tag : item.tags()) {
                library.tag(item.id(), tag);
            }
            ids.add(item.id());
        }
        library.addToSession(session.id(), ids);
        for (var item : manifest.items()) {
            if (!ids.contains(item.id())) {
                continue;
            }
            if (item.reviewed()) {
                library.markReviewed(session.id(), item.id(), true);
            }
            var mine = library.criterionScores(session.id(), item.id());
            for (var score : item.card().entrySet()) {
                if (!mine.containsKey(score.getKey())) {
                    try {
                        library.scoreCriterion(session.id(), item.id(), score.getKey(), score.getValue());
                    } catch (SorotException e) {
                        // a criterion this session's card does not have: skip it
                    }
                }
            }
        }
        return library.session(session.id()).orElseThrow();
    }

    private static byte[] readBounded(ZipInputStream zip) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = zip.read(buffer)) > 0) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new SorotException(ErrorCode.FILE_TOO_LARGE, "A file in the bundle is larger than 300 MB.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
