package ai.sorot.desktop.tour;

import ai.sorot.desktop.library.LibraryViewModel;
import ai.sorot.desktop.testing.ContractFixtures;
import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.LibraryQuery;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.Recommendation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;

/**
 * The library page with 10,000 analyses in the real window: how long until the table shows them
 * all, how long a search or filter takes from the keystroke to the updated table, what sorting a
 * column and scrolling cost on the FX thread. Reference, in the same run: the same query straight
 * on the library, no UI. {@code bench/desktop-library-bench.sh} runs it under Xvfb. Not a test.
 */
public final class LibraryTableBench {

    private static final String[] WORDS = ("letters detective mother river winter harbour night shift nurse thief brick steel "
            + "retired hunted village wedding funeral border smuggler poet archive garden storm island teacher boxer "
            + "orchestra miner lighthouse refugee astronaut orchard ferry circus bakery tram glacier vineyard").split(" ");
    private static final String[] GENRES = {"Drama", "Comedy", "Thriller", "Horror", "Documentary", "Romance", "Sci-Fi", "Animation"};
    private static final int RUNS = 15;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        var home = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/library-bench-home"));
        fill(home.resolve("library"), n);

        var opened = TourFx.open(home, false, false);
        var app = opened.app();
        var window = opened.window();
        var page = window.libraryPage();
        var model = page.model();
        var table = page.listView().table();
        var library = app.archive().library();

        System.out.printf("library page, %,d analyses, real window (Xvfb), %d runs each; ms from the change to the table updated%n",
                library.size(), RUNS);
        System.out.printf("%-40s %9s %9s %9s %10s %7s%n", "action", "p50 ms", "max ms", "query ms", "UI / query", "rows");

        // open the page: the first load of all rows
        var open = new ArrayList<Double>();
        for (int i = 0; i < RUNS; i++) {
            int before = TourFx.call(() -> model.loadsProperty().get());
            long t0 = System.nanoTime();
            TourFx.call(() -> { window.showLibrary(true); return null; });
            awaitLoads(model, before + 1);
            open.add(ms(t0));
            TourFx.call(() -> { window.showLibrary(false); return null; });
        }
        TourFx.call(() -> { window.showLibrary(true); return null; });
        awaitLoads(model, TourFx.call(() -> model.loadsProperty().get()) + 1);
        var all = LibraryQuery.ALL.page(50_000, 0);
        print("open the library (all rows)", open, query(library, all), TourFx.call(() -> table.getItems().size()));

        // searches and filters, each changed then cleared; the time excludes the 180 ms typing pause
        change("search 'detective'", model, table, library, m -> m.textProperty().set("detective"), m -> m.textProperty().set(""));
        change("search 'de' (as typed)", model, table, library, m -> m.textProperty().set("de"), m -> m.textProperty().set(""));
        change("search two words 'river night'", model, table, library, m -> m.textProperty().set("river night"), m -> m.textProperty().set(""));
        change("RECOMMEND only", model, table, library, m -> m.recommendationProperty().set("RECOMMEND"),
                m -> m.recommendationProperty().set(null));
        change("score >= 60 + genre drama", model, table, library, m -> {
            m.minScoreProperty().set(60.0);
            m.genreProperty().set("drama");
        }, m -> {
            m.minScoreProperty().set(null);
            m.genreProperty().set("");
        });
        int before = TourFx.call(() -> model.loadsProperty().get());
        TourFx.call(() -> { model.textProperty().set("detective"); return null; });
        awaitLoads(model, before + 1);
        change("clear the search (back to all rows)", model, table, library, m -> m.textProperty().set(""),
                m -> m.textProperty().set("detective"));

        before = TourFx.call(() -> model.loadsProperty().get());
        TourFx.call(() -> { model.textProperty().set(""); return null; });
        awaitLoads(model, before + 1);

        // sort by a column: the SortedList re-sorts 10,000 light records on the FX thread
        @SuppressWarnings("unchecked")
        var score = (TableColumn<ai.sorot.lambda.library.LibraryEntry, ?>) table.getColumns().stream()
                .filter(c -> "col-score".equals(c.getId())).findFirst().orElseThrow();
        var sorts = new ArrayList<Double>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            TourFx.call(() -> {
                score.setSortType(score.getSortType() == TableColumn.SortType.ASCENDING ? TableColumn.SortType.DESCENDING
                        : TableColumn.SortType.ASCENDING);
                table.getSortOrder().setAll(List.of(score));
                table.layout();
                return null;
            });
            sorts.add(ms(t0));
        }
        print("sort 10,000 rows by score", sorts, Double.NaN, TourFx.call(() -> table.getItems().size()));

        // scrolling: jump to 100 places across the list, laying the table out each time
        var scrolls = new ArrayList<Double>();
        var random = new Random(7);
        int size = TourFx.call(() -> table.getItems().size());
        for (int i = 0; i < 100; i++) {
            int row = random.nextInt(size);
            long t0 = System.nanoTime();
            TourFx.call(() -> {
                table.scrollTo(row);
                table.layout();
                return null;
            });
            scrolls.add(ms(t0));
        }
        print("scroll to a random row (layout)", scrolls, Double.NaN, size);

        Platform.runLater(app::close);
        Thread.sleep(500);
        System.exit(0);
    }

    private static void change(String name, LibraryViewModel model, javafx.scene.control.TableView<?> table, Library library,
                               Consumer<LibraryViewModel> apply, Consumer<LibraryViewModel> undo) throws Exception {
        var times = new ArrayList<Double>();
        int rows = 0;
        LibraryQuery q = null;
        for (int i = 0; i < RUNS; i++) {
            int before = TourFx.call(() -> model.loadsProperty().get());
            long t0 = System.nanoTime();
            TourFx.call(() -> { apply.accept(model); return null; });
            awaitLoads(model, before + 1);
            times.add(ms(t0) - 180); // the typing pause is a choice, not work
            rows = TourFx.call(() -> table.getItems().size());
            q = TourFx.call(model::query);
            int mid = TourFx.call(() -> model.loadsProperty().get());
            TourFx.call(() -> { undo.accept(model); return null; });
            awaitLoads(model, mid + 1);
        }
        print(name, times, query(library, q), rows);
    }

    /** The reference: the same query on the library, no UI (median of RUNS). */
    private static double query(Library library, LibraryQuery q) {
        var times = new ArrayList<Double>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            library.search(q);
            times.add(ms(t0));
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static void print(String name, List<Double> times, double query, int rows) {
        var sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2);
        System.out.printf("%-40s %9.1f %9.1f %9s %10s %,7d%n", name, p50, sorted.getLast(),
                Double.isNaN(query) ? "-" : "%.1f".formatted(query), Double.isNaN(query) ? "-" : "%.1fx".formatted(p50 / query), rows);
    }

    private static void awaitLoads(LibraryViewModel model, int target) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (TourFx.call(() -> model.loadsProperty().get()) < target) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the library page did not load");
            }
            Thread.sleep(1);
        }
        TourFx.call(() -> null); // and the pulse that lays the table out
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }


    /** Analyses with varied titles, loglines, genres, scores and reviews, as the backend bench makes them. */
    private static void fill(Path folder, int n) {
        try (var library = Library.open(folder)) {
            if (library.size() >= n) {
                return;
            }
            var random = new Random(42);
            long t0 = System.nanoTime();
            var template = ContractFixtures.report("template", "Template", "template.pdf", null, 6);
            for (int i = library.size(); i < n; i++) {
                var title = cap(word(random)) + " " + cap(word(random)) + (i % 7 == 0 ? " " + cap(word(random)) : "");
                var logline = "A " + word(random) + " and a " + word(random) + " cross a " + word(random) + " before the "
                        + word(random) + ".";
                var rec = Recommendation.values()[random.nextInt(3)];
                var grid = GridScore.CRITERIA.stream().map(c -> new GridScore(c, 1 + random.nextInt(10), "", List.of())).toList();
                var coverage = new Coverage(logline, "A synopsis of " + title + ".", List.of(GENRES[random.nextInt(GENRES.length)]),
                        "wry", List.of(), List.of(), null, List.of(), List.of(), grid, rec, "", template.coverage().provenance());
                var curation = new Curation((double) random.nextInt(101), rec, "", null, List.of());
                var id = "analysis-" + i;
                library.save(new AnalysisReport(id, title, List.of("Writer " + random.nextInt(3000)), id + ".pdf", null,
                        template.createdAt(), template.completedAt(), null, coverage, null, curation, null, List.of(), null),
                        Library.Attachments.NONE);
                if (i % 3 == 0) {
                    library.rate(id, 1 + random.nextInt(5));
                }
                if (i % 11 == 0) {
                    library.setShortlisted(id, true);
                }
            }
            System.out.printf("filled %,d analyses in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
