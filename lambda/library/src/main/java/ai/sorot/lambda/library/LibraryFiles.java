package ai.sorot.lambda.library;

import ai.sorot.model.Json;
import ai.sorot.model.report.AnalysisReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file side of the {@link Library}: what an analysis's folder holds (report, audio, thumbnail,
 * screenplay) and the clean-up of writes a crash interrupted. Each file is written atomically, so a
 * reader sees the old file or the new one, never half of one.
 */
final class LibraryFiles {

    private LibraryFiles() {}

    /** Writes the report and whichever attachments there are into an analysis's folder. */
    static void writeItem(Path dir, AnalysisReport report, Library.Attachments attachments) throws IOException {
        AtomicFiles.write(dir.resolve("report.json"), Json.mapper().writeValueAsBytes(report));
        if (attachments.audio() != null) {
            AtomicFiles.write(dir.resolve(audioFileName(attachments.audioContentType())), attachments.audio());
        }
        if (attachments.thumbnailPng() != null) {
            AtomicFiles.write(dir.resolve("thumbnail.png"), attachments.thumbnailPng());
        }
        if (attachments.source() != null) {
            AtomicFiles.write(dir.resolve("source" + extension(attachments.sourceName())), attachments.source());
        }
    }

    /**
     * Temporary files of writes a crash interrupted: never pointed to by a row, safe to remove. An
     * import's staging folder is left for an hour, in case another Sorot is importing right now.
     */
    static void removeInterruptedWrites(Path items) throws IOException {
        try (var files = Files.walk(items, 2)) {
            for (var file : files.filter(p -> p.getFileName().toString().endsWith(".part"))
                    .toList()) {
                Files.deleteIfExists(file);
            }
        }
        var anHourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (var staging = Files.newDirectoryStream(items, SessionBundle.STAGING_PREFIX + "*")) {
            for (var dir : staging) {
                if (Files.getLastModifiedTime(dir).compareTo(anHourAgo) < 0) {
                    Library.removeFolder(dir);
                }
            }
        }
    }

    /** The audio summary in an analysis's folder, if its file is there. */
    static Optional<Path> audio(Path dir, String contentType) {
        var file = dir.resolve(audioFileName(contentType));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    static Optional<Path> thumbnail(Path dir) {
        var file = dir.resolve("thumbnail.png");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The screenplay file as it was submitted, whatever its format. */
    static Optional<Path> source(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("source"))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String audioFileName(String contentType) {
        return contentType != null && contentType.contains("mpeg") ? "audio.mp3" : "audio.wav";
    }

    /** The screenplay's extension: the formats Sorot reads are kept, anything else was a PDF. */
    private static String extension(String name) {
        if (name == null) {
            return ".pdf";
        }
        var lower = name.toLowerCase(Locale.ROOT);
        for (var kept : List.of(".fountain", ".fdx", ".highland")) {
            if (lower.endsWith(kept)) {
                return kept;
            }
        }
        return ".pdf";
    }
}
