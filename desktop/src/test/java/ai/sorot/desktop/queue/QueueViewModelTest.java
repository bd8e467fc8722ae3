package ai.sorot.desktop.queue;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.connection.Backoff;
import ai.sorot.desktop.connection.Connection;
import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.connection.Endpoint;
import ai.sorot.desktop.connection.EndpointSource;
import ai.sorot.desktop.connection.SorotApi;
import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.desktop.intake.Preflight;
import ai.sorot.desktop.intake.PreflightResult;
import ai.sorot.desktop.notify.Notifier;
import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.desktop.testing.ScriptedApi;
import ai.sorot.desktop.testing.TestPdfs;
import ai.sorot.desktop.ui.Notice;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue engine against the contract over real HTTP (MockWebServer), with a plain thread standing in for the FX thread. */
class QueueViewModelTest {

    private static final String TOKEN = "queue-test-token";

    @TempDir
    Path dir;

    private MockWebServer server;
    private ScriptedApi script;
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
    private final ScheduledExecutorService io = Executors.newScheduledThreadPool(4);
    private final OkHttpClient http = SorotApi.defaultClient();
    private final List<String> notifications = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private DesktopHome home;
    private AnalysisArchive archive;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        script = new ScriptedApi(TOKEN, 2);
        server.setDispatcher(script);
        server.start(InetAddress.getLoopbackAddress(), 0);
        home = new DesktopHome(dir.resolve("home"));
        archive = new AnalysisArchive(home);
    }

    @AfterEach
    void stop() throws Exception {
        for (var c : closing) {
            c.close();
        }
        server.close();
        io.shutdownNow();
        uiThread.shutdownNow();
    }

    private record Rig(Connection connection, QueueViewModel queue) {}

    private Rig rig(QueueStore store, int maxConcurrent) {
        var connection =
                new Connection(http, io, uiThread, new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), 2));
        var queue = new QueueViewModel(
                connection,
                archive,
                store,
                new Notifier() {
                    @Override
                    public void success(String title, String text) {
                        notifications.add("ok: " + title + " " + text);
                    }

                    @Override
                    public void failure(String title, String text) {
                        notifications.add("failed: " + title + " " + text);
                    }
                },
                io,
                uiThread,
                Clock.systemUTC());
        queue.setPollBackoff(() -> new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 1.6));
        onUi(() -> {
            queue.maxConcurrentProperty().set(maxConcurrent);
            queue.restore();
            return null;
        });
        connection.connect(EndpointSource.remote(new Endpoint(server.url("/").uri(), TOKEN, false)));
        closing.add(queue);
        closing.add(connection);
        await(() -> connection.isOnline(), "connected");
        return new Rig(connection, queue);
    }

    private PreflightResult.Accepted script(String name) throws Exception {
        var pdf = TestPdfs.screenplay(dir.resolve(name), name.replace(".pdf", ""), "A. Writer", 5 + name.length());
        return (PreflightResult.Accepted) new Preflight().check(pdf);
    }

    @Test
    void aScriptRunsThroughTheFiveStepsAndIsSavedWithItsAudio() throws Exception {
        var rig = rig(null, 3);
        var seenSteps = new CopyOnWriteArrayList<Integer>();
        var item = onUi(() -> rig.queue().addAccepted(script("harbour.pdf")));
        item.currentStepProperty().addListener((o, was, now) -> seenSteps.add(now.intValue()));

        await(() -> item.state() == SubmissionState.COMPLETED, "completed");

        assertThat(seenSteps).contains(1, 2, 3, 4, 5);
        assertThat(item.analysisId()).startsWith("analysis-");
        assertThat(item.recommendationProperty().get()).isEqualTo("CONSIDER");
        assertThat(item.overallScoreProperty().get()).isEqualTo(68.0);
        assertThat(item.titleProperty().get()).isEqualTo("HARBOUR"); // the report's title replaces the guess
        assertThat(archive.report(item.analysisId())).isPresent();
        var audio = archive.audio(item.analysisId()).orElseThrow();
        assertThat(audio.getFileName().toString()).isEqualTo("audio.wav");
        assertThat(Files.readAllBytes(audio)).startsWith("RIFF".getBytes());
        assertThat(notifications).singleElement().asString().startsWith("ok: Analysis ready");
        assertThat(script.analyzeRequests.getFirst().force()).isNull();
    }

    @Test
    void aFailedAnalysisShowsTheApiErrorAndRetryForcesANewOne() throws Exception {
        var rig = rig(null, 3);
        var item = onUi(() -> rig.queue().addAccepted(script("will-fail.pdf")));

        await(() -> item.state() == SubmissionState.FAILED, "failed");
        assertThat(item.errorCodeProperty().get()).isEqualTo("ANALYST_FAILED");
        assertThat(item.errorMessageProperty().get()).contains("coverage analyst stopped");
        assertThat(notifications).singleElement().asString().startsWith("failed:");

        onUi(() -> {
            rig.queue().retry(item);
            return null;
        });
        await(() -> script.analyzeRequests.size() == 2, "sent again");
        assertThat(script.analyzeRequests.get(1).force()).isTrue();
    }

    @Test
    void noMoreThanTheLimitRunAtOnce() throws Exception {
        script = new ScriptedApi(TOKEN, 1000);
        server.setDispatcher(script);
        var rig = rig(null, 2);
        for (int i = 0; i < 5; i++) {
            var accepted = script("s" + i + ".pdf");
            onUi(() -> rig.queue().addAccepted(accepted));
        }
        await(
                () -> script.analyzeRequests.size() == 2
                        && rig.queue().activeProperty().get() == 2,
                "two running");
        // and no third one starts while they run
        Awaitility.await()
                .during(Duration.ofMillis(600))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(script.analyzeRequests).hasSize(2));
        assertThat(onUi(() -> rig.queue().waitingProperty().get())).isEqualTo(3);

        var first = onUi(() -> rig.queue().items().getFirst());
        onUi(() -> {
            rig.queue().cancel(first);
            return null;
        });
        await(() -> script.analyzeRequests.size() == 3, "the freed slot is used");
        assertThat(first.state()).isEqualTo(SubmissionState.CANCELLED);
    }

    @Test
    void whenTheApiGoesAwaySubmissionsWaitAndContinueWhenItIsBack() throws Exception {
        var rig = rig(null, 3);
        int port = server.getPort();
        server.close();

        var item = onUi(() -> rig.queue().addAccepted(script("offline.pdf")));
        await(() -> rig.connection().stateProperty().get() == ConnectionState.UNREACHABLE, "unreachable");
        await(
                () -> item.state() == SubmissionState.WAITING
                        && item.waitingForApiProperty().get(),
                "waiting for the API");
        assertThat(item.errorMessageProperty().get()).isNull();
        assertThat(rig.connection().problemProperty().get()).contains("cannot be reached");

        server = new MockWebServer();
        server.setDispatcher(script);
        server.start(InetAddress.getLoopbackAddress(), port);

        await(() -> item.state() == SubmissionState.COMPLETED, "completed after the API came back");
        assertThat(rig.connection().stateProperty().get()).isEqualTo(ConnectionState.ONLINE);
    }

    @Test
    void theQueueIsSavedAndAfterARestartWatchingResumes() throws Exception {
        script = new ScriptedApi(TOKEN, 4);
        server.setDispatcher(script);
        var store = new QueueStore(home);
        var first = rig(store, 3);
        var item = onUi(() -> first.queue().addAccepted(script("resume.pdf")));
        await(() -> item.analysisId() != null, "submitted");
        var waitingOne = script("later.pdf");
        onUi(() -> {
            first.queue().maxConcurrentProperty().set(1);
            return first.queue().addAccepted(waitingOne);
        });
        onUi(() -> {
            first.queue().flush();
            return null;
        });
        first.queue().close();
        first.connection().close();
        var saved = store.load();
        assertThat(saved).extracting(QueuedSubmission::fileName).containsExactly("resume.pdf", "later.pdf");
        assertThat(saved.getFirst().analysisId()).isEqualTo(item.analysisId());

        var second = rig(store, 3);
        var restored = onUi(() -> List.copyOf(second.queue().items()));
        assertThat(restored).extracting(QueueItem::fileName).containsExactly("resume.pdf", "later.pdf");
        await(
                () -> restored.stream().allMatch(i -> i.state() == SubmissionState.COMPLETED),
                "both completed after the restart");
        assertThat(restored.getFirst().analysisId()).isEqualTo(item.analysisId());
        assertThat(script.analyzeRequests).hasSize(2); // the first was not sent again
    }

    @Test
    void aTrailerDroppedAloneGoesWithTheNextScript() throws Exception {
        var rig = rig(null, 3);
        assertThat(onUi(() -> rig.queue().offerTrailer("https://www.youtube.com/watch?v=abc", null)))
                .isTrue();
        var item = onUi(() -> rig.queue().addAccepted(script("with-trailer.pdf")));
        await(() -> item.state() == SubmissionState.COMPLETED, "completed");
        assertThat(script.analyzeRequests.getFirst().trailerUrl()).isEqualTo("https://www.youtube.com/watch?v=abc");
        assertThat(onUi(() -> rig.queue().pendingTrailerProperty().get())).isNull();
    }

    @Test
    void aTrailerDroppedOnAFinishedRowAnalysesItAgainWithTheTrailer() throws Exception {
        var rig = rig(null, 3);
        var item = onUi(() -> rig.queue().addAccepted(script("again.pdf")));
        await(() -> item.state() == SubmissionState.COMPLETED, "completed");
        var firstId = item.analysisId();

        assertThat(onUi(() -> rig.queue().offerTrailer("https://vimeo.com/76979871", item)))
                .isTrue();
        await(() -> item.state() == SubmissionState.COMPLETED && !firstId.equals(item.analysisId()), "analysed again");
        assertThat(script.analyzeRequests.get(1).trailerUrl()).isEqualTo("https://vimeo.com/76979871");
    }

    @Test
    void aLinkOutsideTheAllowListIsRefusedAtOnce() throws Exception {
        var rig = rig(null, 3);
        assertThat(onUi(() -> rig.queue().offerTrailer("https://example.com/trailer.mp4", null)))
                .isFalse();
        assertThat(onUi(() -> rig.queue().noticeProperty().get()).kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(onUi(() -> rig.queue().pendingTrailerProperty().get())).isNull();
    }

    @Test
    void theSameFileDroppedTwiceIsRecognised() throws Exception {
        script = new ScriptedApi(TOKEN, 1000);
        server.setDispatcher(script);
        var rig = rig(null, 3);
        var accepted = script("twice.pdf");
        var first = onUi(() -> rig.queue().addAccepted(accepted));
        var second = onUi(() -> rig.queue().addAccepted(accepted));
        assertThat(second).isSameAs(first);
        assertThat(onUi(() -> rig.queue().items().size())).isEqualTo(1);
        assertThat(onUi(() -> rig.queue().noticeProperty().get()).text()).contains("already in the queue");
    }

    // ---------------------------------------------------------------- helpers

    private <T> T onUi(Callable<T> work) {
        try {
            return uiThread.submit(work).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until the condition, read on the view model's thread, holds. */
    private void await(BooleanSupplier condition, String what) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> onUi(condition::getAsBoolean));
    }
}
