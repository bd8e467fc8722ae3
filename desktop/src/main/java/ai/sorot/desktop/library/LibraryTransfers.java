package ai.sorot.desktop.library;

import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.ReviewSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.TableView;

/** The library's exports and imports, each through a file the curator picks. */
final class LibraryTransfers {

    private final LibraryViewModel model;
    private final FilePicker files;
    private final TableView<LibraryEntry> table;

    LibraryTransfers(LibraryViewModel model, FilePicker files, TableView<LibraryEntry> table) {
        this.model = model;
        this.files = files;
        this.table = table;
    }

    List<String> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream()
                .map(LibraryEntry::id)
                .toList();
    }

    private ReviewSession sessionOrSay() {
        var s = model.sessionFilterProperty().get();
        if (s == null) {
            model.say("Pick a session on the left first.");
        }
        return s;
    }

    void exportSession(String kind) {
        var s = sessionOrSay();
        if (s == null) {
            return;
        }
        var base = fileName(s.name());
        switch (kind) {
            case "csv" ->
                then(
                        files.save("Export the session as CSV", base + ".csv", "CSV", "csv"),
                        out -> model.exportSessionCsv(s, out, () -> {}));
            case "pdf" ->
                then(
                        files.save("Export the session as a PDF report", base + ".pdf", "PDF", "pdf"),
                        out -> model.exportSessionPdf(s, out, () -> {}));
            default ->
                then(
                        files.save("Export a session bundle", base + ".zip", "Sorot session bundle", "zip"),
                        out -> model.exportBundle(s, out, () -> {}));
        }
    }

    void exportLibrary() {
        then(
                files.save("Export the whole library as CSV", "sorot-library.csv", "CSV", "csv"),
                out -> model.exportSessionCsv(null, out, () -> {}));
    }

    void exportDecisions() {
        var s = sessionOrSay();
        if (s != null) {
            then(
                    files.save("Export decisions for FilmFreeway", fileName(s.name()) + "-decisions.csv", "CSV", "csv"),
                    out -> model.exportDecisions(s, out, () -> {}));
        }
    }

    void exportAnalysis() {
        var selected = table.getSelectionModel().getSelectedItem();
        if (selected == null) {
            model.say("Select an analysis first.");
            return;
        }
        then(
                files.save("Export the analysis as PDF", fileName(selected.title()) + ".pdf", "PDF", "pdf"),
                out -> model.exportAnalysisPdf(selected.id(), out, () -> {}));
    }

    void importBundle() {
        then(
                files.open("Import a session bundle", "Sorot session bundle", "zip"),
                in -> model.importBundle(in, s -> model.sessionFilterProperty().set(s)));
    }

    void importFilmFreeway() {
        then(files.open("Import a FilmFreeway submissions export", "CSV", "csv"), in -> {
            var name = in.getFileName().toString().replaceAll("(?i)\\.csv$", "");
            model.importFilmFreeway(in, name, s -> model.sessionFilterProperty().set(s));
        });
    }

    void importFolder() {
        then(
                files.folder("A folder of screenplays for a new session"),
                dir -> model.addFolder(
                        null, dir, s -> model.sessionFilterProperty().set(s)));
    }

    private static void then(Path chosen, Consumer<Path> action) {
        if (chosen != null) {
            action.accept(chosen);
        }
    }

    static String fileName(String text) {
        var clean = text == null
                ? ""
                : text.strip()
                        .replaceAll("[^\\p{L}\\p{N}]+", "-")
                        .replaceAll("(^-|-$)", "")
                        .toLowerCase(Locale.ROOT);
        return clean.isEmpty() ? "sorot" : clean;
    }
}
