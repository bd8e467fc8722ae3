package ai.sorot.desktop.tour;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.library.LibraryPage;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.settings.ThemeManager;
import ai.sorot.desktop.shell.MainWindow;
import ai.sorot.desktop.testing.LibraryFixtures;
import ai.sorot.desktop.testing.TestPdfs;
import ai.sorot.desktop.testing.Wav;
import ai.sorot.lambda.library.CuratorVerdict;
import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.ReviewSession;
import ai.sorot.lambda.library.Thumbnails;
import ai.sorot.model.report.Recommendation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.Scene;

/**
 * The library page, review mode and compare as a curator sees them, on a library of real
 * screenplay PDFs (thumbnails rendered from their first pages): {@code bench/desktop-screenshots.sh}
 * runs it under Xvfb after the main tour. Not a test: pictures to look at.
 */
public final class LibraryTour {

    private record Script(String title, String author, String logline, String genre, Recommendation rec, int score, int grid) {}

    private static final List<Script> SCRIPTS = List.of(
            new Script("Night Ferry", "Ana Lindqvist", "A deckhand on the last ferry of the season hides a stowaway from the captain.", "drama", Recommendation.RECOMMEND, 86, 8),
            new Script("Salt Harbour", "Tomás Ferreira", "Two sisters inherit a failing fish cannery and a feud.", "comedy", Recommendation.CONSIDER, 64, 6),
            new Script("Winter Light", "Maja Berg", "A retired organist teaches a deaf boy to feel music through the floorboards.", "drama", Recommendation.RECOMMEND, 81, 8),
            new Script("The Lighthouse Keeper", "Ewan Doyle", "A keeper's logbook predicts the storms before they come.", "thriller", Recommendation.CONSIDER, 58, 6),
            new Script("Brick and Steel", "Priya Raman", "A bricklayer and a welder race to finish a school before the rains.", "drama", Recommendation.CONSIDER, 62, 6),
            new Script("The Long Crossing", "Jonas Weber", "A refugee family crosses a frozen border with a borrowed map.", "drama", Recommendation.RECOMMEND, 77, 7),
            new Script("Paper Moons", "Lucía Ortega", "A night-shift nurse writes letters for patients who cannot.", "drama", Recommendation.CONSIDER, 55, 5),
            new Script("Quiet Hours", "Sam Okafor", "A radio host keeps a caller talking until dawn.", "thriller", Recommendation.PASS, 41, 4),
            new Script("Glass Orchard", "Hana Sato", "A glassblower rebuilds her grandmother's orchard in glass.", "animation", Recommendation.CONSIDER, 67, 7),
            new Script("The Ferryman's Daughter", "Nils Ekman", "She takes over the river crossing the day her father vanishes.", "drama", Recommendation.RECOMMEND, 74, 7),
            new Script("Circus of Small Hours", "Dario Conti", "A failing circus performs one last show for an empty town.", "comedy", Recommendation.PASS, 38, 4),
            new Script("Tram 9", "Zofia Nowak", "Strangers on the last tram share one secret each.", "drama", Recommendation.CONSIDER, 60, 6),
            new Script("Vineyard at the Border", "Marc Aubert", "A winemaker's vines grow across a disputed border.", "drama", Recommendation.CONSIDER, 69, 7),
            new Script("The Astronaut's Garden", "Ines Costa", "A retired astronaut grows a garden from seeds she took to orbit.", "sci-fi", Recommendation.RECOMMEND, 83, 8),
            new Script("Bakery on Elm", "Kofi Mensah", "A baker's apprentice forges his master's famous recipe.", "comedy", Recommendation.PASS, 45, 5),
            new Script("Glacier Lines", "Eva Holm", "A glaciologist measures the ice that buried her brother.", "documentary", Recommendation.CONSIDER, 66, 6),
            new Script("The Smuggler's Poet", "Omar Haddad", "A smuggler hides poems in the goods he carries.", "thriller", Recommendation.CONSIDER, 57, 6),
            new Script("Wedding in the Storm", "Ruth Adler", "A wedding on an island cut off by a storm.", "comedy", Recommendation.CONSIDER, 52, 5));

    private static Scene scene;
    private static MainWindow window;
    private static SorotDesktop app;

    public static void main(String[] args) {
        try {
            tour(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void tour(String[] args) throws Exception {
        var out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
        var work = Files.createTempDirectory("sorot-library-tour");
        var home = Files.createDirectories(work.resolve("home"));
        var ids = fill(work, home.resolve("library"));

        var opened = TourFx.open(home, false, true);
        app = opened.app();
        window = opened.window();
        scene = opened.scene();
        var page = window.libraryPage();
        await("online", () -> TourFx.call(() -> app.connection().stateProperty().get() == ai.sorot.desktop.connection.ConnectionState.ONLINE));
        TourFx.call(() -> { window.showLibrary(true); return null; });
        await("rows", () -> TourFx.call(() -> page.listView().table().getItems().size()) == SCRIPTS.size());
        TourFx.call(() -> { page.listView().table().getSelectionModel().select(2); return null; });
        settle();
        TourFx.shot(scene, out, "10-library");

        TourFx.call(() -> { page.model().textProperty().set("light"); return null; });
        await("search", () -> TourFx.call(() -> page.listView().table().getItems().size()) < SCRIPTS.size());
        settle();
        TourFx.shot(scene, out, "11-library-search");
        TourFx.call(() -> { page.model().clearFilters(); return null; });

        var session = TourFx.call(() -> page.model().sessions().stream().filter(s -> s.name().startsWith("Shorts")).findFirst().orElseThrow());
        TourFx.call(() -> { page.startReview(session, ids.get(3)); return null; });
        await("review", () -> TourFx.call(() -> page.review().entryProperty().get() != null && !page.review().loadingProperty().get()));
        settle();
        TourFx.shot(scene, out, "12-review-mode");

        TourFx.call(() -> {
            page.modeProperty().set(LibraryPage.Mode.LIST);
            var entries = page.model().rows().stream().filter(e -> List.of(ids.get(0), ids.get(2), ids.get(13)).contains(e.id())).toList();
            page.compareView().show(entries);
            page.modeProperty().set(LibraryPage.Mode.COMPARE);
            return null;
        });
        await("compare", () -> TourFx.call(() -> page.compareView().lookupAll(".compare-title").size() == 3));
        settle();
        TourFx.shot(scene, out, "13-compare");

        TourFx.call(() -> {
            ThemeManager.apply(Settings.Theme.DARK);
            page.startReview(session, ids.get(0));
            return null;
        });
        await("review", () -> TourFx.call(() -> page.review().entryProperty().get() != null && !page.review().loadingProperty().get()));
        settle();
        TourFx.shot(scene, out, "14-review-mode-dark");
        TourFx.call(() -> { app.close(); return null; });
    }

    /** The scripts as real PDFs (first-page thumbnails), saved with audio; a session half reviewed. */
    private static List<String> fill(Path work, Path folder) throws Exception {
        var ids = new ArrayList<String>();
        try (var library = Library.open(folder)) {
            for (int i = 0; i < SCRIPTS.size(); i++) {
                var s = SCRIPTS.get(i);
                var id = "analysis-tour-%02d".formatted(i);
                var pdf = TestPdfs.screenplay(work.resolve(s.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".pdf"),
                        s.title(), s.author(), 10 + i * 3);
                var bytes = Files.readAllBytes(pdf);
                var report = LibraryFixtures.report(id, s.title(), s.author(), s.logline(), List.of(s.genre()), s.rec(), s.score(), s.grid());
                library.save(report, new Library.Attachments(Wav.tone(2.0), "audio/wav", Thumbnails.firstPage(bytes).orElse(null),
                        bytes, pdf.getFileName().toString()));
                ids.add(id);
            }
            library.rate(ids.get(0), 5);
            library.setVerdict(ids.get(0), CuratorVerdict.ACCEPT);
            library.setShortlisted(ids.get(0), true);
            library.rate(ids.get(2), 4);
            library.setShortlisted(ids.get(2), true);
            library.setVerdict(ids.get(2), CuratorVerdict.MAYBE);
            library.rate(ids.get(7), 2);
            library.setVerdict(ids.get(7), CuratorVerdict.DECLINE);
            library.tag(ids.get(0), "shorts");
            library.tag(ids.get(2), "local");
            var session = library.createSession("Shorts 2027 · Round 1", List.of(new ReviewSession.Criterion("Story", 5),
                    new ReviewSession.Criterion("Characters", 5), new ReviewSession.Criterion("Festival fit", 10)));
            library.addToSession(session.id(), ids.subList(0, 14));
            for (var id : List.of(ids.get(0), ids.get(2), ids.get(7))) {
                library.markReviewed(session.id(), id, true);
            }
            library.rate(ids.get(3), 4);
            library.setNotes(ids.get(3), "The logbook device is great; act two sags. Ask for the 90-page draft.");
            library.setVerdict(ids.get(3), CuratorVerdict.MAYBE);
            library.markReviewed(session.id(), ids.get(3), true);
            library.scoreCriterion(session.id(), ids.get(3), "Story", 4);
            library.scoreCriterion(session.id(), ids.get(3), "Characters", 3);
            library.scoreCriterion(session.id(), ids.get(3), "Festival fit", 7);
            library.createSession("Features · Round 2", List.of());
        }
        return ids;
    }

    private static void settle() throws Exception {
        Thread.sleep(600); // thumbnails load in the background
        TourFx.call(() -> null);
    }



    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.call()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
