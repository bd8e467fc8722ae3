package ai.sorot.desktop.connection;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.desktop.home.SettingsStore;
import ai.sorot.desktop.home.TokenStore;
import ai.sorot.lambda.aws.AnalystChoice;
import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.localmodel.LocalModelSettings;
import ai.sorot.lambda.offline.OfflineAnalysts;
import ai.sorot.lambda.pipeline.Analysts;
import ai.sorot.model.Json;
import ai.sorot.model.api.SorotException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The local backend, in-process: the backend's {@link LocalServer} on a free loopback port over
 * the Sorot home, with its token. When a server already holds that home ({@code ./sorot serve}
 * in a terminal), the app uses that one instead of failing: {@code server.json} says where it
 * listens and where its token is.
 *
 * <p>The model server chosen in Settings (URL, model, key) serves the coverage; it is read when
 * the backend starts, and saving a change restarts the backend. Without one, the environment
 * decides, as for {@code ./sorot serve}.
 */
public final class EmbeddedBackend implements EndpointSource {

    private final DesktopHome home;
    private LocalServer server;
    private volatile String description = "Local · offline analysers";

    public EmbeddedBackend(DesktopHome home) {
        this.home = home;
    }

    @Override
    public synchronized Endpoint open() {
        if (server != null) {
            return new Endpoint(server.url(), server.token(), true);
        }
        var running = runningServer();
        if (running.isPresent()) {
            description = "Local · sorot serve";
            return running.get();
        }
        var backendHome = new ai.sorot.lambda.local.SorotHome(home.root());
        // the desktop is the composition root: it chooses the analysts, the local backend runs what it is given
        var env = new HashMap<>(System.getenv());
        var model = localModel();
        Supplier<Analysts> offline = () -> OfflineAnalysts.withVoice(env.get("SOROT_NARRATOR"));
        AnalystChoice.Chosen chosen;
        if (model.isPresent()) {
            env.remove(LocalModelSettings.URL); // the settings' model, not the environment's
            chosen = AnalystChoice.withLocalModel(AnalystChoice.fromEnvironment(env, offline), model.get(), false);
            description = "Local · " + chosen.analysts().coverage().provenance().label();
        } else {
            chosen = AnalystChoice.fromEnvironment(env, offline);
        }
        var backend = LocalBackend.Options.defaults(backendHome);
        var options = LocalServer.Options.defaults(backendHome)
                .withPort(0)
                .withBackend(backend.withAnalysts(chosen.analysts()).withBudgets(chosen.budgets(backend.budgets())));
        server = LocalServer.start(options);
        return new Endpoint(server.url(), server.token(), true);
    }

    /** The model server saved in Settings, with its key; empty when none (or when what is saved is not valid). */
    private Optional<LocalModelSettings> localModel() {
        var settings = new SettingsStore(home).load();
        if (!settings.hasLocalModel()) {
            return Optional.empty();
        }
        try {
            var key = new TokenStore(home, SorotDesktop.LLM_KEY_FILE).load().orElse(null);
            return Optional.of(new LocalModelSettings(new URI(settings.llmUrl()), settings.llmModel(), key));
        } catch (URISyntaxException | SorotException e) {
            description = "Local · no model (" + e.getMessage() + ")";
            return Optional.empty();
        }
    }

    /** A server another process runs on this home, if its {@code server.json} names a live process. */
    private Optional<Endpoint> runningServer() {
        var info = new ai.sorot.lambda.local.SorotHome(home.root()).serverInfo();
        if (!Files.isRegularFile(info)) {
            return Optional.empty();
        }
        try {
            var node = Json.mapper().readTree(info.toFile());
            long pid = node.path("pid").asLong(-1);
            if (pid == ProcessHandle.current().pid()
                    || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
                return Optional.empty(); // left behind by a process that is gone
            }
            var token = Files.readString(Path.of(node.path("tokenFile").asText()), StandardCharsets.UTF_8)
                    .strip();
            var url = URI.create(node.path("url").asText());
            if (node.hasNonNull("fingerprint")) {
                url = trustOnThisComputer(url, node.path("fingerprint").asText());
            }
            return Optional.of(new Endpoint(url, token, true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A {@code ./sorot serve} speaking HTTPS on this home (for a committee, on every interface): the
     * app reaches it on loopback and trusts the certificate its owner-only {@code server.json} names,
     * as it trusts the token file beside it; no question to ask the owner about their own server.
     */
    private URI trustOnThisComputer(URI url, String fingerprint) {
        var local = URI.create(url.getScheme() + "://127.0.0.1:" + url.getPort());
        new CertificatePins(home).pin(local.getHost(), local.getPort(), fingerprint);
        return local;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean local() {
        return true;
    }

    /** Stops the embedded server (a server of another process is left running). */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
