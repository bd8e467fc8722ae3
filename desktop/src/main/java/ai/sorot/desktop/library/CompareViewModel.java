package ai.sorot.desktop.library;

import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.Percentile;
import ai.sorot.model.report.AnalysisReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the compare view lays out: for each of two or three analyses, its current library row, its
 * report (null if it cannot be read) and its rank in the library, loaded off the UI thread.
 */
public final class CompareViewModel {

    /** One analysis as compared. */
    public record Column(LibraryEntry entry, AnalysisReport report, String rank) {}

    private final AnalysisArchive archive;
    private final Executor io;
    private final Executor ui;
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private int ticket;

    public CompareViewModel(AnalysisArchive archive, Executor io, Executor ui) {
        this.archive = archive;
        this.io = io;
        this.ui = ui;
    }

    /** UI thread; the columns change once all are loaded. */
    public void show(List<LibraryEntry> entries) {
        int mine = ++ticket;
        columns.clear();
        io.execute(() -> {
            var lib = archive.library();
            var loaded = new ArrayList<Column>();
            for (var e : entries) {
                AnalysisReport report;
                try {
                    report = lib.report(e.id());
                } catch (RuntimeException missing) {
                    report = null;
                }
                loaded.add(new Column(
                        lib.entry(e.id()).orElse(e),
                        report,
                        lib.percentileInLibrary(e.id()).map(Percentile::label).orElse("")));
            }
            ui.execute(() -> {
                if (mine == ticket) {
                    columns.setAll(loaded);
                }
            });
        });
    }

    public ObservableList<Column> columns() {
        return columns;
    }
}
