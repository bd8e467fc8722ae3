package ai.sorot.desktop.report;

import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.SavedEmbedding;
import ai.sorot.model.report.AnalysisReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where finished analyses are kept so a report opens and its audio plays with no network: the
 * curator's {@link Library} in the Sorot home (report, audio, first-page thumbnail and the
 * screenplay itself, written atomically), the same library {@code ./sorot library} reads.
 * Thumbnails of scripts still in the queue sit in {@code desktop/thumbnails/<sha256>.png}.
 * Blocking: call it off the FX thread. The library opens on first use.
 */
public final class AnalysisArchive implements AutoCloseable {

    private final DesktopHome home;
    private Library library;

    public AnalysisArchive(DesktopHome home) {
        this.home = home;
    }

    /** The library itself, for the library page (its calls block: off the FX thread). */
    public synchronized Library library() {
        if (library == null) {
            library = Library.open(home.library());
        }
        return library;
    }

    /**
     * Saves a finished analysis with what came with it; {@code source} (the screenplay on this
     * machine) is copied in so its pages can be checked even after the file moves.
     */
    public void save(AnalysisReport report, byte[] audio, String audioType, byte[] thumbnailPng, Path source)
            throws IOException {
        byte[] sourceBytes = source != null && Files.isRegularFile(source) ? Files.readAllBytes(source) : null;
        var name = source == null ? report.fileName() : source.getFileName().toString();
        library().save(report, new Library.Attachments(audio, audioType, thumbnailPng, sourceBytes, name));
        SavedEmbedding.embed(library(), report.analysisId(), null);
    }

    public Optional<AnalysisReport> report(String analysisId) {
        var lib = library();
        return lib.contains(analysisId) ? Optional.of(lib.report(analysisId)) : Optional.empty();
    }

    public Optional<Path> audio(String analysisId) {
        return library().audio(analysisId);
    }

    /** The screenplay as it was submitted, kept with the analysis. */
    public Optional<Path> source(String analysisId) {
        return library().source(analysisId);
    }

    /** Where temporary downloads go before they are saved (same disk, so moves are cheap). */
    public Path scratch() throws IOException {
        return home.ensureDir(home.resolve("tmp"));
    }

    public Path thumbnail(String sha256) {
        return home.resolve("thumbnails").resolve(sha256.replaceAll("[^A-Fa-f0-9]", "_") + ".png");
    }

    public Optional<byte[]> thumbnailBytes(String sha256) {
        var file = sha256 == null ? null : thumbnail(sha256);
        try {
            return file != null && Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void saveThumbnail(String sha256, byte[] png) throws IOException {
        var target = thumbnail(sha256);
        if (!Files.exists(target)) {
            home.writeAtomically(target, png);
        }
    }

    @Override
    public synchronized void close() {
        if (library != null) {
            library.close();
            library = null;
        }
    }
}
