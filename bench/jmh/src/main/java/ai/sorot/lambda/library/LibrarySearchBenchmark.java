package ai.sorot.lambda.library;

import ai.sorot.model.report.Recommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The library at festival scale: a library file with {@code size} analyses (10,000 by default; kept in
 * {@code bench/out/jmh/library} between runs), and the searches and filters the desktop runs as a curator
 * types, each on the first page of 100 rows as the list shows it. Sampled: JMH prints p50, p99 and max.
 * The target is under 50 ms at p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class LibrarySearchBenchmark {

    private static final String[] WORDS = ("letters detective mother river winter harbour night shift nurse thief brick "
                    + "steel retired hunted village wedding funeral border smuggler poet archive garden storm island "
                    + "teacher boxer orchestra miner lighthouse refugee astronaut orchard ferry circus bakery tram glacier "
                    + "vineyard")
            .split(" ", -1);
    private static final String[] GENRES = {
        "Drama", "Comedy", "Thriller", "Horror", "Documentary", "Romance", "Sci-Fi", "Animation"
    };

    @Param("10000")
    public int size;

    private Library library;
    private long sessionId;
    private final LibraryQuery page = LibraryQuery.ALL.page(100, 0);

    @Setup(Level.Trial)
    public void fill() throws Exception {
        library = Library.open(BenchReports.folder("library-" + size));
        var random = new Random(42);
        for (int i = library.size(); i < size; i++) {
            var title = cap(word(random)) + " " + cap(word(random)) + (i % 7 == 0 ? " " + cap(word(random)) : "");
            var logline = "A " + word(random) + " and a " + word(random) + " cross a " + word(random) + " before the "
                    + word(random) + ".";
            var rec = Recommendation.values()[random.nextInt(3)];
            library.save(BenchReports.report("analysis-" + i, title, "Writer " + random.nextInt(3000), logline,
                            List.of(GENRES[random.nextInt(GENRES.length)]), rec, random.nextInt(101),
                            5 + random.nextInt(120)),
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
        var session = library.createSession("Bench round", List.of());
        var ids = new ArrayList<String>();
        for (int i = 0; i < Math.min(size, 1500); i++) {
            ids.add("analysis-" + (i * 7 % size));
        }
        library.addToSession(session.id(), ids);
        sessionId = session.id();
    }

    @TearDown(Level.Trial)
    public void close() {
        library.deleteSession(sessionId);
        library.close();
    }

    @Benchmark
    public List<LibraryEntry> allNewestFirst() {
        return library.search(page);
    }

    @Benchmark
    public List<LibraryEntry> fullTextPrefix() {
        return library.search(page.withText("detective").sortedBy(LibraryQuery.Sort.RELEVANCE, false));
    }

    @Benchmark
    public List<LibraryEntry> fullTextAsTyped() {
        return library.search(page.withText("de"));
    }

    @Benchmark
    public List<LibraryEntry> fullTextTwoWords() {
        return library.search(page.withText("river night"));
    }

    @Benchmark
    public List<LibraryEntry> recommendOnlyByScore() {
        return library.search(page.withRecommendations(Set.of("RECOMMEND")).sortedBy(LibraryQuery.Sort.SCORE, true));
    }

    @Benchmark
    public List<LibraryEntry> scoreRangeGenreRated() {
        return library.search(page.withScore(60.0, 80.0).withGenre("drama").withRated(true));
    }

    @Benchmark
    public List<LibraryEntry> shortlistedTagByTitle() {
        return library.search(
                page.withShortlisted(true).withTags(Set.of("shorts")).sortedBy(LibraryQuery.Sort.TITLE, false));
    }

    @Benchmark
    public List<LibraryEntry> textFiltersByRating() {
        return library.search(
                page.withText("harbour").withScore(20.0, 100.0).sortedBy(LibraryQuery.Sort.RATING, true));
    }

    @Benchmark
    public List<LibraryEntry> sessionOf1500InOrder() {
        return library.search(page.inSession(sessionId));
    }

    @Benchmark
    public int countForTheStatusBar() {
        return library.count(LibraryQuery.ALL.withText("night"));
    }

    @Benchmark
    public Object percentileInLibrary() {
        return library.percentileInLibrary("analysis-4242").orElseThrow();
    }

    @Benchmark
    public List<LibraryEntry> scrollToPage50ByTitle() {
        return library.search(LibraryQuery.ALL.page(100, 5000).sortedBy(LibraryQuery.Sort.TITLE, false));
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
