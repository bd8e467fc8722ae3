package ai.sorot.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.EmbeddedBackend;
import ai.sorot.desktop.testing.LibraryFixtures;
import ai.sorot.lambda.library.CuratorVerdict;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.ReviewSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library page's view model without a toolkit: its background work, sessions and the FilmFreeway round trip. */
class LibraryViewModelTest {

    @TempDir
    Path dir;

    private SorotDesktop app;
    private LibraryViewModel model;
    private final List<List<Path>> queued = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService io = Executors.newScheduledThreadPool(2);

    @BeforeEach
    void start() {
        app = new SorotDesktop(new SorotDesktop.Options(
                Map.of("SOROT_HOME", dir.resolve("home").toString()), EmbeddedBackend::new, false));
        LibraryFixtures.fill(app.archive().library(), 20);
        // the UI executor runs callbacks where they land: the view model touches no scene graph
        model = new LibraryViewModel(app.archive(), app.connection(), io, Runnable::run, queued::add);
    }

    @AfterEach
    void stop() {
        io.shutdownNow();
        app.close();
    }

    private void refreshed() throws Exception {
        int before = model.loadsProperty().get();
        model.refresh();
        await("the list reloaded")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> model.loadsProperty().get() > before);
    }

    @Test
    void aQueuedScriptFromADroppedFolderStillJoinsItsSessionAfterARestart() throws Exception {
        var folder = java.nio.file.Files.createDirectories(dir.resolve("Shorts 2027"));
        var unknown = java.nio.file.Files.writeString(
                folder.resolve("zz-unheard-of.fountain"), "INT. HOUSE - DAY\n\nA door.\n");
        var made = new CompletableFuture<ReviewSession>();
        model.addFolder(null, folder, made::complete);
        var session = made.get(5, TimeUnit.SECONDS);
        assertThat(queued).containsExactly(List.of(unknown));
        assertThat(app.archive().library().sessionItems(session.id())).isEmpty();

        // the app closes before the analysis finishes; a new view model (the next start) keeps the promise
        var restarted = new LibraryViewModel(app.archive(), app.connection(), io, Runnable::run, queued::add);
        restarted.analysisFinished(unknown, "lib-00003");
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> !app.archive().library().sessionItems(session.id()).isEmpty());
        assertThat(app.archive().library().sessionItems(session.id())).containsExactly("lib-00003");
        // kept once: the same script finishing again (a retry) joins nothing twice, now or a moment later
        restarted.analysisFinished(unknown, "lib-00004");
        await().during(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(app.archive().library().sessionItems(session.id()))
                        .containsExactly("lib-00003"));
        assertThat(PendingSessionLinks.in(app.archive().library().folder()).snapshot())
                .isEmpty();
    }

    @Test
    void aSessionFromTheFilterHoldsExactlyWhatTheFiltersMatch() throws Exception {
        model.recommendationProperty().set("RECOMMEND");
        model.minScoreProperty().set(50.0);
        refreshed();
        var expected = model.rows().stream().map(LibraryEntry::id).toList();
        assertThat(expected).isNotEmpty().hasSizeLessThan(5);

        var made = new CompletableFuture<ReviewSession>();
        model.createSessionFromFilter("Strong ones", made::complete);
        var session = made.get(5, TimeUnit.SECONDS);

        assertThat(session.size()).isEqualTo(expected.size());
        assertThat(app.archive().library().sessionItems(session.id())).containsExactlyElementsOf(expected);
    }

    @Test
    void aSessionFromTheSelectionKeepsItsOrderAndTheFilterShowsOnlyIt() throws Exception {
        var made = new CompletableFuture<ReviewSession>();
        model.createSession("Picked", List.of("lib-00009", "lib-00002", "lib-00015"), made::complete);
        var session = made.get(5, TimeUnit.SECONDS);
        model.sessionFilterProperty().set(session);
        refreshed();
        assertThat(model.rows())
                .extracting(LibraryEntry::id)
                .containsExactlyInAnyOrder("lib-00009", "lib-00002", "lib-00015");
        assertThat(model.matchingProperty().get()).isEqualTo(3);
        assertThat(model.totalProperty().get()).isEqualTo(20);
    }

    @Test
    void aFilmFreewayExportBecomesASessionAndItsDecisionsGoBackKeyedBySubmissionId() throws Exception {
        var csv = dir.resolve("Shorts 2027.csv");
        Files.writeString(csv, """
                Submission ID,Project Title,First Name,Last Name,Trailer URL
                FF-1001,Night Ferry,Ana,Lindqvist,https://vimeo.com/1
                FF-1002,Winter Light,Maja,Berg,
                FF-1003,Something Not Yet Analysed,Kim,Lee,
                """, StandardCharsets.UTF_8);
        var made = new CompletableFuture<ReviewSession>();
        model.importFilmFreeway(csv, "Shorts 2027", made::complete);
        var session = made.get(5, TimeUnit.SECONDS);
        var library = app.archive().library();
        assertThat(library.sessionItems(session.id())).containsExactly("lib-00000", "lib-00002");

        library.rate("lib-00000", 5);
        library.setVerdict("lib-00000", CuratorVerdict.ACCEPT);
        library.setVerdict("lib-00002", CuratorVerdict.DECLINE);
        var out = dir.resolve("decisions.csv");
        var done = new CompletableFuture<Void>();
        model.exportDecisions(session, out, () -> done.complete(null));
        done.get(5, TimeUnit.SECONDS);

        var lines = new ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8));
        assertThat(lines.getFirst()).contains("Submission ID").contains("Judging Status");
        assertThat(lines).anyMatch(l -> l.startsWith("FF-1001,") && l.contains("Selected") && l.contains(",5,"));
        assertThat(lines).anyMatch(l -> l.startsWith("FF-1002,") && l.contains("Not Selected"));
        assertThat(lines).anyMatch(l -> l.startsWith("FF-1003,") && l.contains("Undecided"));
    }

    @Test
    void aFailedActionSaysWhyAndLosesNothing() throws Exception {
        var bad = dir.resolve("not-a-bundle.zip");
        Files.writeString(bad, "this is not a zip");
        var called = new CompletableFuture<ReviewSession>();
        model.importBundle(bad, called::complete);
        await("a message")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> model.messageProperty().get() != null);
        assertThat(model.messageProperty().get()).containsIgnoringCase("bundle");
        assertThat(called).isNotDone();
        assertThat(app.archive().library().size()).isEqualTo(20);
    }

    @Test
    void aBundleFromACoProgrammerOpensAsTheSameSessionWithItsReviewsAndAudio() throws Exception {
        var library = app.archive().library();
        var session = library.createSession("Round 1", List.of(new ReviewSession.Criterion("Story", 5)));
        library.addToSession(session.id(), List.of("lib-00004", "lib-00001"));
        library.rate("lib-00004", 3);
        library.setNotes("lib-00004", "Second act drags.");
        var bundle = dir.resolve("round1.zip");
        var done = new CompletableFuture<Void>();
        model.exportBundle(library.session(session.id()).orElseThrow(), bundle, () -> done.complete(null));
        done.get(5, TimeUnit.SECONDS);

        try (var colleague = new SorotDesktop(new SorotDesktop.Options(
                Map.of("SOROT_HOME", dir.resolve("colleague").toString()), EmbeddedBackend::new, false))) {
            var theirs =
                    new LibraryViewModel(colleague.archive(), colleague.connection(), io, Runnable::run, queued::add);
            var imported = new CompletableFuture<ReviewSession>();
            theirs.importBundle(bundle, imported::complete);
            var s = imported.get(5, TimeUnit.SECONDS);
            assertThat(s.name()).isEqualTo("Round 1");
            assertThat(s.rubric()).extracting(ReviewSession.Criterion::name).containsExactly("Story");
            var lib = colleague.archive().library();
            assertThat(lib.sessionItems(s.id())).containsExactly("lib-00004", "lib-00001");
            assertThat(lib.entry("lib-00004").orElseThrow().notes()).isEqualTo("Second act drags.");
            assertThat(lib.audio("lib-00001")).isPresent();
            assertThat(theirs.messageProperty().get()).isEqualTo("Imported round1.zip.");
        }
    }
}
