package ai.sorot.desktop.connection;

import ai.sorot.model.api.HealthInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import okhttp3.OkHttpClient;

/**
 * The app's link to the Sorot API: opens the endpoint (starting the local backend when that is
 * the choice), checks it answers and accepts the token, and when a call fails for want of a
 * network, probes {@code /health} with backoff until it is back, then tells its listeners.
 * State is exposed as read-only properties, changed only on the UI executor.
 */
public final class Connection implements AutoCloseable {

    private final Supplier<OkHttpClient> http;
    private final ScheduledExecutorService io;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "Connecting…");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<Instant> nextAttempt = new ReadOnlyObjectWrapper<>(this, "nextAttempt");
    private final ReadOnlyObjectWrapper<HealthInfo> health = new ReadOnlyObjectWrapper<>(this, "health");
    private final List<Runnable> onlineListeners = new CopyOnWriteArrayList<>();
    private final Backoff reconnect;

    private volatile EndpointSource source;
    private volatile SorotApi api;
    private volatile boolean online;
    /** Bumped on every connect, so a probe for an old endpoint cannot flip the state of the new one. */
    private volatile int generation;

    private ScheduledFuture<?> pendingProbe;

    public Connection(OkHttpClient http, ScheduledExecutorService io, Executor ui) {
        this(() -> http, io, ui, Backoff.forReconnect());
    }

    /** @param reconnect how probes space out while the API is unreachable */
    public Connection(OkHttpClient http, ScheduledExecutorService io, Executor ui, Backoff reconnect) {
        this(() -> http, io, ui, reconnect);
    }

    /**
     * {@code http} is asked for when an endpoint opens, off the FX thread: the app builds its
     * client (TLS set-up included) then, not before its window shows.
     */
    public Connection(Supplier<OkHttpClient> http, ScheduledExecutorService io, Executor ui, Backoff reconnect) {
        this.http = http;
        this.io = io;
        this.ui = ui;
        this.reconnect = reconnect;
    }

    /** Switches to {@code newSource} (closing the previous one) and connects in the background. */
    public synchronized void connect(EndpointSource newSource) {
        Objects.requireNonNull(newSource, "source");
        var previous = source;
        source = newSource;
        api = null;
        online = false;
        int attempt = ++generation;
        cancelProbe();
        reconnect.reset();
        ui.execute(() -> {
            state.set(ConnectionState.CONNECTING);
            description.set(newSource.describe());
            problem.set(null);
            nextAttempt.set(null);
        });
        io.execute(() -> {
            if (previous != null && previous != newSource) {
                previous.close();
            }
            open(newSource, attempt);
        });
    }

    private void open(EndpointSource from, int attempt) {
        try {
            var endpoint = from.open();
            synchronized (this) {
                if (attempt != generation) {
                    return;
                }
                api = new SorotApi(http.get(), endpoint);
            }
            probe(attempt);
        } catch (Exception e) {
            var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            fail(
                    attempt,
                    ConnectionState.UNREACHABLE,
                    (from.local() ? "The local Sorot backend could not start: " : "") + message,
                    () -> open(from, attempt));
        }
    }

    private void probe(int attempt) {
        var current = api;
        if (current == null || attempt != generation) {
            return;
        }
        try {
            var info = current.health();
            if (current.endpoint().hasToken()) {
                current.analyses(1, null); // /health needs no token: this call proves the token works
            }
            succeed(attempt, info);
        } catch (ApiFailure f) {
            var kind = f.isUnauthorized() ? ConnectionState.UNAUTHORIZED : ConnectionState.UNREACHABLE;
            var message = f.isUnauthorized()
                    ? "The Sorot API at " + current.endpoint().baseUrl()
                            + " refused the token. Set the right one in Settings."
                    : f.getMessage();
            fail(attempt, kind, message, () -> probe(attempt));
        } catch (RuntimeException e) {
            fail(
                    attempt,
                    ConnectionState.UNREACHABLE,
                    "The Sorot API answered something unexpected: " + e.getMessage(),
                    () -> probe(attempt));
        }
    }

    private void succeed(int attempt, HealthInfo info) {
        synchronized (this) {
            if (attempt != generation) {
                return;
            }
            online = true;
            reconnect.reset();
        }
        ui.execute(() -> {
            if (attempt != generation) {
                return;
            }
            health.set(info);
            description.set(describe(source, info));
            state.set(ConnectionState.ONLINE);
            problem.set(null);
            nextAttempt.set(null);
            onlineListeners.forEach(Runnable::run);
        });
    }

    private synchronized void fail(int attempt, ConnectionState kind, String message, Runnable retry) {
        if (attempt != generation) {
            return;
        }
        online = false;
        Duration delay = reconnect.next();
        cancelProbe();
        pendingProbe = io.schedule(retry, delay.toMillis(), TimeUnit.MILLISECONDS);
        var at = Instant.now().plus(delay);
        ui.execute(() -> {
            if (attempt != generation) {
                return;
            }
            state.set(kind);
            problem.set(message);
            nextAttempt.set(at);
        });
    }

    /**
     * A call elsewhere failed. When it says the API is gone (or the token refused), the app
     * stops sending and starts probing; other failures belong to the caller.
     */
    public void reportFailure(ApiFailure failure) {
        if (!failure.isUnreachable() && !failure.isUnauthorized()) {
            return;
        }
        int attempt;
        synchronized (this) {
            if (!online) {
                return; // already probing
            }
            attempt = generation;
            reconnect.reset();
        }
        var kind = failure.isUnauthorized() ? ConnectionState.UNAUTHORIZED : ConnectionState.UNREACHABLE;
        fail(
                attempt,
                kind,
                kind == ConnectionState.UNAUTHORIZED
                        ? "The Sorot API refused the token. Set the right one in Settings."
                        : failure.getMessage(),
                () -> probe(attempt));
    }

    /** The banner's "Retry now". */
    public synchronized void retryNow() {
        if (online) {
            return;
        }
        cancelProbe();
        reconnect.reset();
        int attempt = generation;
        var from = source;
        if (from == null) {
            return;
        }
        io.execute(api == null ? () -> open(from, attempt) : () -> probe(attempt));
    }

    private void cancelProbe() {
        if (pendingProbe != null) {
            pendingProbe.cancel(false);
            pendingProbe = null;
        }
    }

    private static String describe(EndpointSource source, HealthInfo info) {
        if (source == null) {
            return "Not connected";
        }
        if (source.local()) {
            boolean allOffline = info == null
                    || info.analysers() == null
                    || info.analysers().values().stream()
                            .allMatch(v -> v == null
                                    || !v.toLowerCase(java.util.Locale.ROOT).contains(" on "));
            return allOffline ? "Local · offline analysers" : "Local · cloud analysers";
        }
        return source.describe();
    }

    /** The API to call, or null while not connected. Callers report failures back with {@link #reportFailure}. */
    public SorotApi api() {
        return online ? api : null;
    }

    public boolean isOnline() {
        return online;
    }

    public void addOnlineListener(Runnable listener) {
        onlineListeners.add(listener);
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nextAttemptProperty() {
        return nextAttempt.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HealthInfo> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public EndpointSource source() {
        return source;
    }

    @Override
    public synchronized void close() {
        generation++;
        online = false;
        cancelProbe();
        if (source != null) {
            source.close();
        }
    }
}
