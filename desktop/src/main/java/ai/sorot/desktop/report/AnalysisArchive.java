package ai.sorot.desktop.report;

import ai.sorot.desktop.settings.SorotHome;
import ai.sorot.model.Json;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.AudioSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finished analyses kept on this machine, so a report opens and its audio plays with no network:
 * {@code desktop/analyses/<analysisId>/report.json} and {@code audio.<wav|mp3>}, each written
 * atomically. Thumbnails of first pages sit in {@code desktop/thumbnails/<sha256>.png}.
 */
public final class AnalysisArchive {

    private final SorotHome home;

    public AnalysisArchive(SorotHome home) {
        this.home = home;
    }

    public Path dir(String analysisId) {
        return home.resolve("analyses").resolve(safe(analysisId));
    }

    public void saveReport(AnalysisReport report) throws IOException {
        home.writeAtomically(dir(report.analysisId()).resolve("report.json"),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
    }

    public Optional<AnalysisReport> report(String analysisId) {
        var file = dir(analysisId).resolve("report.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), AnalysisReport.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Where the audio of this analysis goes, named by its format so players recognise it. */
    public Path audioTarget(String analysisId, AudioSummary audio) {
        return dir(analysisId).resolve("audio." + extension(audio));
    }

    public Optional<Path> audio(String analysisId) {
        var dir = dir(analysisId);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("audio.")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path thumbnail(String sha256) {
        return home.resolve("thumbnails").resolve(safe(sha256) + ".png");
    }

    public void saveThumbnail(String sha256, byte[] png) throws IOException {
        var target = thumbnail(sha256);
        if (!Files.exists(target)) {
            home.writeAtomically(target, png);
        }
    }

    static String extension(AudioSummary audio) {
        if (audio == null) {
            return "audio";
        }
        var format = audio.format() == null ? "" : audio.format().toLowerCase(Locale.ROOT);
        var type = audio.contentType() == null ? "" : audio.contentType().toLowerCase(Locale.ROOT);
        if (format.contains("mp3") || type.contains("mpeg") || type.contains("mp3")) {
            return "mp3";
        }
        if (format.contains("wav") || type.contains("wav")) {
            return "wav";
        }
        if (format.contains("ogg") || type.contains("ogg")) {
            return "ogg";
        }
        if (!format.isBlank() && format.matches("[a-z0-9]{1,5}")) {
            return format;
        }
        return "audio";
    }

    private static String safe(String id) {
        var cleaned = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }
}
