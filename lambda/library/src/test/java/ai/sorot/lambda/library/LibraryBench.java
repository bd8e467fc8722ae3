package ai.sorot.lambda.library;

import ai.sorot.model.report.Recommendation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The library at festival scale: fills a library with N analyses (default 10,000), then times
 * the searches and filters the desktop runs as a curator types, each repeated, and prints p50,
 * p99 and max per query. Run by bench/library-bench.sh; not a test.
 */
public final class LibraryBench {

    private static final String[] WORDS = ("letters detective mother river winter harbour night shift nurse thief brick steel "
            + "retired hunted village wedding funeral border smuggler poet archive garden storm island teacher boxer "
            + "orchestra miner lighthouse refugee astronaut orchard ferry circus bakery tram glacier vineyard").split(" ");
    private static final String[] GENRES = {"Drama", "Comedy", "Thriller", "Horror", "Documentary", "Romance", "Sci-Fi", "Animation"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("sorot-library-bench");
        var random = new Random(42);
        try (var library = Library.open(dir)) {
            if (library.size() < n) {
                long t0 = System.nanoTime();
                for (int i = library.size(); i < n; i++) {
                    var title = cap(word(random)) + " " + cap(word(random)) + (i % 7 == 0 ? " " + cap(word(random)) : "");
                    var logline = "A " + word(random) + " and a " + word(random) + " cross a " + word(random) + " before the "
                            + word(random) + ".";
                    var rec = Recommendation.values()[random.nextInt(3)];
                    library.save(Reports.report("analysis-" + i, title, "Writer " + random.nextInt(3000), logline,
                            List.of(GENRES[random.nextInt(GENRES.length)]), rec, random.nextInt(101), 5 + random.nextInt(120)),
                            Library.Attachments.NONE);
                    if (i % 3 == 0) {
                        library.rate("analysis-" + i, 1 + random.nextInt(5));
                    }
                    if (i % 11 == 0) {
                        library.setShortlisted("analysis-" + i, true);
                        library.tag("analysis-" + i, "shorts");
                    }
                    if (i % 17 == 0) {
                        library.setNotes("analysis-" + i, "Notes on " + word(random) + " and " + word(random));
                    }
                }
                System.out.printf("filled %,d analyses in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            }
            var session = library.createSession("Bench round", List.of());
            if (session.size() == 0) {
                var ids = new ArrayList<String>();
                for (int i = 0; i < Math.min(n, 1500); i += 1) {
                    ids.add("analysis-" + (i * 7 % n));
                }
                library.addToSession(session.id(), ids);
            }
            long sessionId = session.id();
            System.out.printf("%,d analyses; each query run 200 times (first page of 100 rows, as the list shows)%n", library.size());
            System.out.printf("%-44s %8s %8s %8s %7s%n", "query", "p50 ms", "p99 ms", "max ms", "rows");
            var page = LibraryQuery.ALL.page(100, 0);
            time("all, newest first", () -> library.search(page));
            time("full text 'detective' (prefix)", () -> library.search(page.withText("detective").sortedBy(LibraryQuery.Sort.RELEVANCE, false)));
            time("full text 'de' as typed (prefix)", () -> library.search(page.withText("de")));
            time("full text two words 'river night'", () -> library.search(page.withText("river night")));
            time("recommend only, by score", () -> library.search(page.withRecommendations(Set.of("RECOMMEND"))
                    .sortedBy(LibraryQuery.Sort.SCORE, true)));
            time("score 60-80 + genre + rated", () -> library.search(page.withScore(60.0, 80.0).withGenre("drama").withRated(true)));
            time("shortlisted + tag, by title", () -> library.search(page.withShortlisted(true).withTags(Set.of("shorts"))
                    .sortedBy(LibraryQuery.Sort.TITLE, false)));
            time("text + filters + sort by rating", () -> library.search(page.withText("harbour").withScore(20.0, 100.0)
                    .sortedBy(LibraryQuery.Sort.RATING, true)));
            time("session of 1,500, in order", () -> library.search(page.inSession(sessionId)));
            time("count for the status bar", () -> List.of(library.count(LibraryQuery.ALL.withText("night"))));
            time("percentile in library", () -> List.of(library.percentileInLibrary("analysis-4242").orElseThrow()));
            time("scroll: page 50 of all, by title", () -> library.search(LibraryQuery.ALL.page(100, 5000)
                    .sortedBy(LibraryQuery.Sort.TITLE, false)));
        }
    }

    private static void time(String name, Supplier<List<?>> query) {
        int rows = 0;
        for (int i = 0; i < 20; i++) {
            rows = query.get().size(); // warm-up
        }
        var times = new double[200];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            query.get();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        System.out.printf("%-44s %8.2f %8.2f %8.2f %7d%n", name, times[100], times[197], times[199], rows);
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
