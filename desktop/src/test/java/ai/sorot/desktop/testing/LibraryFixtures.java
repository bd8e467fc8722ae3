package ai.sorot.desktop.testing;

import ai.sorot.lambda.library.Library;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.Recommendation;
import java.util.List;
import java.util.Locale;

/** Analyses saved in a real library file, as the app saves them, with the fields the library page reads. */
public final class LibraryFixtures {

    private LibraryFixtures() {}

    /** A full report (the contract fixture) with its own title, author, logline, genres, recommendation and score. */
    public static AnalysisReport report(
            String id,
            String title,
            String author,
            String logline,
            List<String> genres,
            Recommendation recommendation,
            double score,
            int gridBase) {
        // pages and grid vary with the title, as real scripts do
        int pages = 8 + Math.floorMod(title.hashCode(), 23);
        var base = ContractFixtures.report(
                id, title, title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".pdf", null, pages);
        var c = base.coverage();
        var grid = c.grid().stream()
                .map(g -> new GridScore(
                        g.criterion(),
                        Math.max(
                                1,
                                Math.min(
                                        10,
                                        gridBase
                                                + g.score()
                                                - 6
                                                + Math.floorMod((title + g.criterion()).hashCode(), 3)
                                                - 1)),
                        g.reason(),
                        g.evidence()))
                .toList();
        var coverage = new Coverage(
                logline,
                c.synopsis(),
                genres,
                c.tone(),
                c.themes(),
                c.comparables(),
                c.protagonist(),
                c.strengths(),
                c.concerns(),
                grid,
                recommendation,
                c.rationale(),
                c.provenance());
        var curation = new Curation(
                score,
                recommendation,
                base.curation().summary(),
                base.curation().notes(),
                base.curation().claims());
        return new AnalysisReport(
                id,
                title,
                List.of(author),
                base.fileName(),
                null,
                base.createdAt(),
                base.completedAt(),
                base.screenplay(),
                coverage,
                null,
                curation,
                base.audio(),
                base.steps(),
                base.usage());
    }

    /** Saves the report with a short audio summary (a WAV tone) as the app does when an analysis completes. */
    public static void save(Library library, AnalysisReport report) {
        library.save(report, new Library.Attachments(Wav.tone(1.0), "audio/wav", null, null, null));
    }

    /** {@code n} varied analyses: every fourth a recommend, scores spread from 30 to 95, three genres. */
    public static void fill(Library library, int n) {
        var genres = List.of("drama", "thriller", "comedy");
        var recs = List.of(
                Recommendation.RECOMMEND, Recommendation.CONSIDER, Recommendation.CONSIDER, Recommendation.PASS);
        for (int i = 0; i < n; i++) {
            var title = TITLES.get(i % TITLES.size()) + (i >= TITLES.size() ? " " + (i / TITLES.size() + 1) : "");
            save(
                    library,
                    report(
                            "lib-%05d".formatted(i),
                            title,
                            "Writer " + (char) ('A' + i % 26),
                            "A logline about " + title.toLowerCase(Locale.ROOT) + ".",
                            List.of(genres.get(i % 3)),
                            recs.get(i % 4),
                            30 + (i * 37) % 66,
                            3 + i % 6));
        }
    }

    public static final List<String> TITLES = List.of(
            "Night Ferry",
            "Salt Harbour",
            "Winter Light",
            "The Lighthouse Keeper",
            "Brick and Steel",
            "The Long Crossing",
            "Paper Moons",
            "Quiet Hours",
            "Glass Orchard",
            "The Ferryman's Daughter");
}
