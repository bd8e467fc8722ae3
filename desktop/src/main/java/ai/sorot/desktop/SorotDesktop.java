package ai.sorot.desktop;

import ai.sorot.desktop.committee.CommitteeDesk;
import ai.sorot.desktop.connection.Backoff;
import ai.sorot.desktop.connection.CertificatePins;
import ai.sorot.desktop.connection.Connection;
import ai.sorot.desktop.connection.ConnectionChoice;
import ai.sorot.desktop.connection.EndpointSource;
import ai.sorot.desktop.connection.SorotApi;
import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.home.SettingsStore;
import ai.sorot.desktop.home.TokenStore;
import ai.sorot.desktop.intake.IntakeViewModel;
import ai.sorot.desktop.intake.Preflight;
import ai.sorot.desktop.notify.Notifier;
import ai.sorot.desktop.queue.QueueItem;
import ai.sorot.desktop.queue.QueueStore;
import ai.sorot.desktop.queue.QueueViewModel;
import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.desktop.report.ReportViewModel;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javafx.application.Platform;
import okhttp3.OkHttpClient;

/**
 * The app's services, built once and wired together: the composition root. Views get what they
 * need from here; nothing here touches the scene graph, so tests build it with their own
 * Sorot home and endpoint.
 */
public final class SorotDesktop implements AutoCloseable {

    /** How this instance was asked to run. */
    public record Options(
            Map<String, String> env, Function<DesktopHome, EndpointSource> localBackend, boolean persistQueue) {}

    private final DesktopHome home;
    private final SettingsStore settingsStore;
    private final TokenStore tokens;
    private final TokenStore llmKeys;
    private final TokenStore memberTokens;
    /** Built on first use, off the FX thread: its TLS set-up is not needed for the first window. */
    private OkHttpClient http;

    private final ScheduledExecutorService io;
    private final Executor ui;
    private final Clock clock = Clock.systemUTC();
    private final Connection connection;
    private final ConnectionChoice choice;
    private final AnalysisArchive archive;
    private final QueueViewModel queue;
    private final IntakeViewModel<QueueItem> intake;
    private final ReportViewModel report;
    private final CommitteeDesk committee;
    /** The committee's tasks, one at a time: a member's edits reach the outbox in the order made. */
    private final ExecutorService committeeWork;

    private volatile Settings settings;
    /** The connection key last connected with (holds a token: never printed). */
    private String connectedWith;

    private volatile Notifier notifier = Notifier.NONE;

    public SorotDesktop(Options options) {
        home = DesktopHome.fromEnvironment(options.env());
        settingsStore = new SettingsStore(home);
        tokens = new TokenStore(home);
        llmKeys = new TokenStore(home, LLM_KEY_FILE);
        memberTokens = new TokenStore(home, MEMBER_TOKEN_FILE);
        settings = settingsStore.load();
        var threads = new AtomicInteger();
        // Work handed over after close() (a click or a timer already queued on the FX thread) is
        // dropped: the app is going away, and a rejection thrown on the FX thread helps no one.
        io = new ScheduledThreadPoolExecutor(
                4,
                r -> {
                    var thread = new Thread(r, "sorot-io-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.DiscardPolicy());
        ui = Platform::runLater;
        connection = new Connection(this::http, io, ui, Backoff.forReconnect());
        choice = new ConnectionChoice(
                options.env(),
                tokens,
                memberTokens,
                () -> options.localBackend().apply(home));
        archive = new AnalysisArchive(home);
        Notifier relay = new Notifier() {
            @Override
            public void success(String title, String text) {
                notifier.success(title, text);
            }

            @Override
            public void failure(String title, String text) {
                notifier.failure(title, text);
            }
        };
        queue = new QueueViewModel(
                connection, archive, options.persistQueue() ? new QueueStore(home) : null, relay, io, ui, clock);
        queue.maxConcurrentProperty().set(settings.maxConcurrent());
        intake = new IntakeViewModel<>(queue, new Preflight(), archive, io, ui);
        report = new ReportViewModel(archive, connection, io, ui);
        committee = new CommitteeDesk(
                home,
                archive,
                this::http,
                () -> {
                    var api = connection.api();
                    return api == null ? null : api.endpoint();
                },
                memberTokens::load);
        committeeWork = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                r -> {
                    var thread = new Thread(r, "sorot-committee");
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.DiscardPolicy());
    }

    /** The file, in the desktop folder, that keeps the model server's key. */
    public static final String LLM_KEY_FILE = "llm-key";

    /** The file, in the desktop folder, that keeps a committee member's own token. */
    public static final String MEMBER_TOKEN_FILE = "member-token";

    /** Restores the queue and connects, in the background; the window is already up. */
    public void start() {
        queue.restore();
        connect();
    }

    /** Settings were saved: apply what changed; reconnect only when the API or its token did. */
    public void apply(Settings updated) {
        settings = updated;
        queue.maxConcurrentProperty().set(updated.maxConcurrent());
        if (!connectionKey(updated).equals(connectedWith)) {
            connect();
        }
    }

    private void connect() {
        connectedWith = connectionKey(settings);
        connection.connect(choice.choose(settings));
    }

    /**
     * What decides the endpoint: the URL in force and, for a deployed API, the stored token; for
     * the local backend, its model server (a change restarts the backend with the new model).
     */
    private String connectionKey(Settings s) {
        var url = choice.environmentUrl().orElse(s.connection() == Settings.ConnectionMode.REMOTE ? s.apiUrl() : null);
        return url == null
                ? "local " + s.llmUrl() + " " + s.llmModel() + " "
                        + llmKeys.load().orElse("")
                : url + " " + tokens.load().orElse("") + " "
                        + memberTokens.load().orElse("");
    }

    public void setNotifier(Notifier value) {
        notifier = value;
    }

    @Override
    public void close() {
        queue.flush();
        queue.close();
        committeeWork.shutdownNow();
        connection.close();
        committee.close();
        archive.close();
        io.shutdownNow();
        try {
            io.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (http != null) {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
    }

    public DesktopHome home() {
        return home;
    }

    public SettingsStore settingsStore() {
        return settingsStore;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public TokenStore llmKeys() {
        return llmKeys;
    }

    public TokenStore memberTokens() {
        return memberTokens;
    }

    public synchronized OkHttpClient http() {
        if (http == null) {
            // built on first use: its TLS set-up is hundreds of classes the first frame does not need
            http = SorotApi.defaultClient(new CertificatePins(home));
        }
        return http;
    }

    public ScheduledExecutorService io() {
        return io;
    }

    public Executor ui() {
        return ui;
    }

    public Clock clock() {
        return clock;
    }

    public Connection connection() {
        return connection;
    }

    public ConnectionChoice choice() {
        return choice;
    }

    public AnalysisArchive archive() {
        return archive;
    }

    public QueueViewModel queue() {
        return queue;
    }

    public IntakeViewModel<QueueItem> intake() {
        return intake;
    }

    public ReportViewModel report() {
        return report;
    }

    public CommitteeDesk committee() {
        return committee;
    }

    public Executor committeeWork() {
        return committeeWork;
    }

    public Settings settings() {
        return settings;
    }
}
