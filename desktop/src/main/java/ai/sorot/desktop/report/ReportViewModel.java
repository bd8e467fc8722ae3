package ai.sorot.desktop.report;

import ai.sorot.desktop.connection.ApiFailure;
import ai.sorot.desktop.connection.Connection;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Verdicts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Loads one report for the report view: from the archive on this machine first (so it opens
 * offline), else from the API, which it then saves. Knows where the audio and the PDF are.
 */
public final class ReportViewModel {

    private final AnalysisArchive archive;
    private final Connection connection;
    private final Executor io;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<AnalysisReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Path> audio = new ReadOnlyObjectWrapper<>(this, "audio");
    private final ReadOnlyObjectWrapper<Path> pdf = new ReadOnlyObjectWrapper<>(this, "pdf");
    /** The screenplay's text kept with the analysis when it has no PDF (Fountain): evidence opens its scenes. */
    private final ReadOnlyObjectWrapper<Path> scriptText = new ReadOnlyObjectWrapper<>(this, "scriptText");

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private int request;

    public ReportViewModel(AnalysisArchive archive, Connection connection, Executor io, Executor ui) {
        this.archive = archive;
        this.connection = connection;
        this.io = io;
        this.ui = ui;
    }

    /**
     * Shows analysis {@code analysisId}; {@code pdfFile} is the screenplay on this machine that
     * evidence links open (null for Fountain). UI thread.
     */
    public void open(String analysisId, Path pdfFile) {
        int ticket = ++request;
        loading.set(true);
        error.set(null);
        io.execute(() -> {
            try {
                var found = archive.report(analysisId);
                AnalysisReport loaded;
                var api = connection.api();
                if (found.isPresent()) {
                    loaded = found.get();
                    if (api != null
                            && loaded.audio() != null
                            && archive.audio(analysisId).isEmpty()) {
                        // a committee sync brings reports without their audio: it comes the first time the report opens
                        try {
                            saveWithAudio(api, loaded, pdfFile);
                        } catch (IOException | RuntimeException noAudio) {
                            System.err.println("sorot: no audio for " + analysisId + ": " + noAudio.getMessage());
                        }
                    }
                } else {
                    if (api == null) {
                        throw new IOException(
                                "The report is not saved on this computer and the Sorot API cannot be reached.");
                    }
                    loaded = api.report(analysisId);
                    saveWithAudio(api, loaded, pdfFile);
                }
                var audioFile = archive.audio(analysisId).orElse(null);
                // the file the curator dropped, or the copy kept with the analysis if it has moved
                var pages = pdfFile != null && Files.isRegularFile(pdfFile)
                        ? pdfFile
                        : archive.source(analysisId)
                                .filter(p -> p.toString().endsWith(".pdf"))
                                .orElse(pdfFile);
                var text = pages != null && Files.isRegularFile(pages) && isPdf(pages)
                        ? null
                        : archive.source(analysisId).filter(p -> !isPdf(p)).orElse(null);
                var result = loaded;
                ui.execute(() -> {
                    if (ticket != request) {
                        return;
                    }
                    pdf.set(pages != null && isPdf(pages) ? pages : null);
                    scriptText.set(text);
                    audio.set(audioFile);
                    report.set(Verdicts.shown(result)); // an older report's heuristic verdict is not shown
                    loading.set(false);
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> {
                    if (ticket != request) {
                        return;
                    }
                    report.set(null);
                    error.set(e.getMessage());
                    loading.set(false);
                });
            }
        });
    }

    /** Saves {@code loaded} with its audio summary from the API (without it when the download fails). */
    private void saveWithAudio(ai.sorot.desktop.connection.SorotApi api, AnalysisReport loaded, Path pdfFile)
            throws IOException {
        var analysisId = loaded.analysisId();
        byte[] audio = null;
        String type = null;
        if (loaded.audio() != null) {
            var temp = Files.createTempFile(archive.scratch(), "audio-", ".part");
            try {
                type = api.downloadAudio(analysisId, temp);
                audio = Files.readAllBytes(temp);
            } catch (ApiFailure f) {
                System.err.println("sorot: no audio for " + analysisId + ": " + f.getMessage());
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        archive.save(loaded, audio, type, null, pdfFile);
    }

    public void clear() {
        request++;
        report.set(null);
        audio.set(null);
        pdf.set(null);
        scriptText.set(null);
        error.set(null);
        loading.set(false);
    }

    public ReadOnlyObjectProperty<AnalysisReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> audioProperty() {
        return audio.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> pdfProperty() {
        return pdf.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> scriptTextProperty() {
        return scriptText.getReadOnlyProperty();
    }

    private static boolean isPdf(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
