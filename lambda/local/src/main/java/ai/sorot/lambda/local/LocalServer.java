package ai.sorot.lambda.local;

import ai.sorot.lambda.api.ApiRouter;
import ai.sorot.lambda.files.OwnerOnly;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Sorot API on this machine: the JDK's HTTP server on virtual threads in front of the same
 * router the Lambda handler uses, over a {@link LocalBackend}. Made to embed: the desktop app
 * calls {@code LocalServer.start(LocalServer.Options.defaults().withPort(0))}, reads
 * {@link #url()} and {@link #token()}, and {@link #stop()}s it on exit. {@code ./sorot serve}
 * does the same from the command line.
 */
public final class LocalServer implements AutoCloseable {

    static {
        // The JDK server leaves Nagle's algorithm on: an answer written in more than one segment then
        // waits for the client's delayed ACK, 40 ms on Linux, whatever its size (a committee session's
        // progress took 100 ms instead of 10; bench/committee-bench.sh). Read once, when the first
        // server is made, so it is set here, before any.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * @param host where to listen: the loopback address unless a user asks otherwise, since the
     *             API holds their submissions
     * @param tls  the certificate to speak HTTPS with; null: plain HTTP, which only loopback gets
     *             (tokens must not cross a network in clear)
     */
    public record Options(String host, int port, LocalBackend.Options backend, ServerCertificate tls) {

        public Options(String host, int port, LocalBackend.Options backend) {
            this(host, port, backend, null);
        }

        public static Options defaults() {
            return defaults(SorotHome.fromEnvironment());
        }

        public static Options defaults(SorotHome home) {
            return new Options("127.0.0.1", 8787, LocalBackend.Options.defaults(home));
        }

        public Options withPort(int value) {
            return new Options(host, value, backend, tls);
        }

        public Options withHost(String value) {
            return new Options(value, port, backend, tls);
        }

        public Options withBackend(LocalBackend.Options value) {
            return new Options(host, port, value, tls);
        }

        public Options withTls(ServerCertificate value) {
            return new Options(host, port, backend, value);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalBackend backend;
    private final URI url;
    private final ServerCertificate tls;
    private volatile boolean stopped;

    private LocalServer(
            HttpServer server, ExecutorService executor, LocalBackend backend, URI url, ServerCertificate tls) {
        this.tls = tls;
        this.server = server;
        this.executor = executor;
        this.backend = backend;
        this.url = url;
    }

    /** Starts on the default home and the given port (0: any free port). */
    public static LocalServer start(int port) {
        return start(Options.defaults().withPort(port));
    }

    public static LocalServer start(Options options) {
        var address = address(options.host());
        if (!address.isLoopbackAddress() && options.tls() == null) {
            throw new SorotException(
                    ErrorCode.TLS_REQUIRED,
                    "Sorot serves plain HTTP on this computer (loopback) only: "
                            + "on " + options.host()
                            + " tokens and scripts would cross the network in clear. Give the festival's "
                            + "certificate (--tls-cert and --tls-key, or --tls-keystore), or leave them out and Sorot makes its own.");
        }
        HttpServer server;
        try {
            server = options.tls() == null
                    ? HttpServer.create(new InetSocketAddress(address, options.port()), 512)
                    : HttpsTransport.create(new InetSocketAddress(address, options.port()), options.tls());
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL,
                    "Cannot listen on " + options.host() + ":" + options.port() + " (" + e.getMessage()
                            + "); is another server using the port? Try --port 0.",
                    e);
        }
        var bound = server.getAddress();
        var host = bound.getAddress().isLoopbackAddress()
                ? "127.0.0.1"
                : bound.getAddress().getHostAddress();
        var url = URI.create((options.tls() == null ? "http://" : "https://")
                + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
        LocalBackend backend;
        try {
            backend = LocalBackend.open(options.backend().withServerUrl(() -> url));
        } catch (RuntimeException e) {
            server.stop(0);
            throw e;
        }
        var executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("sorot-http-", 0).factory());
        var router = new ApiRouter(backend.backend());
        server.createContext("/", new HttpEventBridge(router));
        server.setExecutor(executor);
        server.start();
        var local = new LocalServer(server, executor, backend, url, options.tls());
        local.writeServerInfo();
        return local;
    }

    private static InetAddress address(String host) {
        if (host == null || host.equals("127.0.0.1")) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            return InetAddress.getByName(host);
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER,
                    "Cannot listen on " + host + ": no such address on this " + "computer (" + e.getMessage() + ").",
                    e);
        }
    }

    /** The certificate's SHA-256 fingerprint ({@code AB:CD:...}) when the server speaks HTTPS. */
    public java.util.Optional<String> fingerprint() {
        return java.util.Optional.ofNullable(tls).map(ServerCertificate::fingerprint);
    }

    /** Where the API answers, e.g. {@code http://127.0.0.1:8787}. */
    public URI url() {
        return url;
    }

    /** The bearer token clients send; it is also in {@link #tokenFile()}. Never log it. */
    public String token() {
        return backend.token().token();
    }

    public Path tokenFile() {
        return backend.token().file();
    }

    public SorotHome home() {
        return backend.home();
    }

    public LocalBackend backend() {
        return backend;
    }

    /** Stops answering, lets requests in flight finish (up to a second), stops the workers. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.stop(1);
        executor.shutdownNow();
        backend.close();
        try {
            Files.deleteIfExists(home().serverInfo());
        } catch (IOException ignored) {
            // stale server.json is harmless: its pid is gone
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code server.json}: how a CLI or the desktop finds a running server and its token file. */
    private void writeServerInfo() {
        var info = new LinkedHashMap<String, Object>();
        info.put("url", url.toString());
        info.put("pid", ProcessHandle.current().pid());
        info.put("tokenFile", tokenFile().toString());
        fingerprint().ifPresent(f -> info.put("fingerprint", f));
        info.put("version", LocalBackend.version());
        info.put("startedAt", Instant.now().toString());
        var target = home().serverInfo();
        var temp = target.resolveSibling(".server.json.tmp");
        try {
            Files.deleteIfExists(temp);
            Files.createFile(temp, OwnerOnly.fileAttributes(temp));
            Files.write(temp, Json.mapper().writeValueAsBytes(info));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // discovery is a convenience; the URL is printed and returned anyway
        }
    }
}
