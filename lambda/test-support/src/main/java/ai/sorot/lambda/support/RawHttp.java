package ai.sorot.lambda.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a loopback socket, for what a ready-made client will not do: declare
 * a body and send only its first bytes, then read the server's answer (a server that answers
 * before reading the body proves it did not read it), or hang up midway through.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** Connects and sends the request head; a read waits at most {@code readTimeout} for the answer. */
    public static RawHttp open(
            URI base, String method, String pathAndQuery, Map<String, String> headers, Duration readTimeout) {
        try {
            var socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout((int) readTimeout.toMillis());
            var head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends part (or all) of the declared body. */
    public RawHttp send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the answer's status, headers and body (by its Content-Length). Throws
     * {@link java.net.SocketTimeoutException} (wrapped) when the server has not answered in time.
     */
    public Response read() {
        try {
            var in = socket.getInputStream();
            var status = line(in);
            var headers = new LinkedHashMap<String, String>();
            for (var line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
            var length = headers.get("content-length");
            var body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
            return new Response(
                    Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test's socket
        }
    }

    private static String line(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                out.write(b);
            }
        }
        if (b == -1 && out.size() == 0) {
            throw new IOException("the server closed the connection without an answer");
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    public record Response(int status, Map<String, String> headers, String body) {}
}
