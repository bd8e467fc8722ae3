package ai.sorot.desktop.instance;

import ai.sorot.desktop.home.DesktopHome;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * One Sorot window per Sorot home. "Open with Sorot" starts a new process for every file the
 * desktop hands over; when a window already runs on the same home, the new process gives it the
 * files over loopback and exits, so they join the queue already on screen instead of a second app
 * with its own embedded server writing the same queue file.
 *
 * <p>The window that runs listens on a loopback port named in {@code desktop/instance.properties}
 * (mode 600, with a random key a caller must present). A lock file makes claiming atomic: two
 * processes started at once never both become the window. A request is the key on its first line,
 * then one absolute path per line, then an empty line; the answer is {@code ok} or {@code refused}.
 * (Plain text, not JSON: this runs before the window opens, where loading Jackson would cost time.)
 */
public final class SingleInstance implements AutoCloseable {

    /** What {@link #claim} decided. */
    public sealed interface Claim permits Primary, Forwarded {}

    /** This process is the window: it listens for the files later launches hand over. */
    public record Primary(SingleInstance instance) implements Claim {}

    /** A running window took the files (or, with none, was asked to come to the front). */
    public record Forwarded(long pid, int files) implements Claim {}

    private static final int MAX_REQUEST = 1 << 20;
    private static final int TIMEOUT_MS = 3_000;

    private final DesktopHome home;
    private final ServerSocket server;
    private final String key;
    private final List<List<Path>> pending = new ArrayList<>();
    private Consumer<List<Path>> handler;
    private volatile boolean closed;

    private SingleInstance(DesktopHome home, ServerSocket server, String key) {
        this.home = home;
        this.server = server;
        this.key = key;
    }

    /**
     * Hands {@code files} to the window running on {@code home}, or becomes that window. The
     * files of a {@link Primary} are the caller's to open.
     */
    public static Claim claim(DesktopHome home, List<Path> files) throws IOException {
        var absolute = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        var lockFile = home.ensureDir(home.desktop()).resolve("instance.lock");
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = channel.lock()) {
            var running = readInfo(home);
            if (running != null && handOff(running, absolute)) {
                return new Forwarded(running.pid(), absolute.size());
            }
            var server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            var bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            var instance = new SingleInstance(home, server, HexFormat.of().formatHex(bytes));
            try {
                var info = new Properties();
                info.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
                info.setProperty("port", Integer.toString(server.getLocalPort()));
                info.setProperty("key", instance.key);
                var text = new ByteArrayOutputStream();
                info.store(text, "the Sorot window running on this home (see SingleInstance)");
                home.writePrivate(infoFile(home), text.toByteArray());
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
            instance.listen();
            return new Primary(instance);
        }
    }

    /**
     * Where handed-over files go, on the listener's thread ({@code List.of()}: come to the
     * front). Requests that arrived before a handler was set are delivered to it now.
     */
    public void onOpen(Consumer<List<Path>> value) {
        List<List<Path>> earlier;
        synchronized (this) {
            handler = value;
            earlier = List.copyOf(pending);
            pending.clear();
        }
        earlier.forEach(value);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many hand-overs wait for {@link #onOpen}: the window is not ready for them yet. */
    synchronized int pendingCount() {
        return pending.size();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a listening socket: nothing to recover
        }
        // remove the file only while it still names this process (a later window may own it)
        var info = readInfo(home);
        if (info != null && info.pid() == ProcessHandle.current().pid() && info.port() == port()) {
            try {
                Files.deleteIfExists(infoFile(home));
            } catch (IOException ignored) {
                // a stale file is recognised by its dead process or closed port
            }
        }
    }

    private void listen() {
        var thread = new Thread(this::acceptLoop, "sorot-single-instance");
        thread.setDaemon(true);
        thread.start();
    }

    private void acceptLoop() {
        while (!closed) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(TIMEOUT_MS);
                var files = read(socket);
                OutputStream out = socket.getOutputStream();
                out.write((files == null ? "refused\n" : "ok\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (files != null) {
                    deliver(files);
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // one bad caller (timeout, reset) must not stop the window from hearing the next
            }
        }
    }

    /** The paths of a request with the right key, else {@code null}. */
    private List<Path> read(Socket socket) throws IOException {
        var reader = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8);
        var presented = readLine(reader);
        if (presented == null
                || !MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        var files = new ArrayList<Path>();
        int size = 0;
        String line;
        while ((line = readLine(reader)) != null && !line.isEmpty()) {
            size += line.length();
            var path = Path.of(line);
            if (size > MAX_REQUEST || !path.isAbsolute()) {
                return null;
            }
            files.add(path);
        }
        return line == null ? null : List.copyOf(files); // a request always ends with an empty line
    }

    /** One line without its end, or {@code null} at the end of the stream or past the size limit. */
    private static String readLine(Reader reader) throws IOException {
        var line = new StringBuilder();
        int c;
        while ((c = reader.read()) != '\n') {
            if (c == -1 || line.length() >= MAX_REQUEST) {
                return null;
            }
            line.append((char) c);
        }
        return line.toString();
    }

    private void deliver(List<Path> files) {
        Consumer<List<Path>> target;
        synchronized (this) {
            target = handler;
            if (target == null) {
                pending.add(files);
                return;
            }
        }
        target.accept(files);
    }

    private record Info(long pid, int port, String key) {}

    private static Path infoFile(DesktopHome home) {
        return home.resolve("instance.properties");
    }

    private static Info readInfo(DesktopHome home) {
        var file = infoFile(home);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (var in = Files.newInputStream(file)) {
            var info = new Properties();
            info.load(in);
            return new Info(
                    Long.parseLong(info.getProperty("pid", "-1")),
                    Integer.parseInt(info.getProperty("port", "-1")),
                    info.getProperty("key", ""));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** True when the window named by {@code info} is alive and accepted the files. */
    private static boolean handOff(Info info, List<Path> files) {
        boolean alive = ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false);
        if (!alive || info.port() <= 0) {
            return false; // left behind by a window that is gone
        }
        if (files.stream().anyMatch(file -> file.toString().indexOf('\n') >= 0)) {
            return false; // a name the line protocol cannot carry: this launch opens its own window
        }
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), info.port()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            var request = new StringBuilder(info.key()).append('\n');
            files.forEach(file -> request.append(file).append('\n'));
            var out = socket.getOutputStream();
            out.write(request.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            var answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return "ok".equals(answer);
        } catch (IOException e) {
            return false; // the port is closed or taken by something else: this process becomes the window
        }
    }
}
