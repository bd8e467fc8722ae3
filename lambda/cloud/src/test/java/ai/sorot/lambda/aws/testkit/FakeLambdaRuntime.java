package ai.sorot.lambda.aws.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) on loopback, as the Lambda service offers it to a function's
 * runtime: {@code GET /runtime/invocation/next} hands out events, {@code POST .../response} and
 * {@code .../error} take the answers. With it the image's real entry point (the runtime interface
 * client, our class path, the handler the template names) runs here, without a container.
 */
public final class FakeLambdaRuntime implements AutoCloseable {

    /** What the function answered: its response body, or its error. */
    public record Answer(boolean error, String body) {}

    private record Invocation(String requestId, String event, long deadlineMs, CompletableFuture<Answer> answer) {}

    private final HttpServer server;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final String functionName;

    public FakeLambdaRuntime(String functionName) throws IOException {
        this.functionName = functionName;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.start();
    }

    /** What AWS_LAMBDA_RUNTIME_API is set to. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event and waits for the function's answer. */
    public Answer invoke(String eventJson, Duration timeout) throws Exception {
        var invocation = new Invocation(
                UUID.randomUUID().toString(),
                eventJson,
                System.currentTimeMillis() + timeout.toMillis(),
                new CompletableFuture<>());
        pending.add(invocation);
        var either = CompletableFuture.anyOf(invocation.answer(), initError);
        var result = either.get(timeout.toMillis() + 30_000, TimeUnit.MILLISECONDS);
        if (result instanceof String init) {
            throw new AssertionError("the function failed to start: " + init);
        }
        return (Answer) result;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath().substring("/2018-06-01/runtime/".length());
            if (exchange.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
                Invocation next;
                try {
                    next = pending.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                inFlight.put(next.requestId(), next);
                var headers = exchange.getResponseHeaders();
                headers.add("Lambda-Runtime-Aws-Request-Id", next.requestId());
                headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadlineMs()));
                headers.add(
                        "Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:123456789012:function:" + functionName);
                headers.add("Lambda-Runtime-Trace-Id", "Root=1-6749b3a1-2d0e4f6a8b1c3d5e7f9a0b1c;Parent=0;Sampled=0");
                headers.add("Content-Type", "application/json");
                var body = next.event().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("init/error")) {
                initError.complete(body);
            } else if (path.startsWith("invocation/")) {
                var parts = path.split("/");
                var invocation = inFlight.remove(parts[1]);
                if (invocation != null) {
                    invocation.answer().complete(new Answer(parts[2].equals("error"), body));
                }
            }
            exchange.sendResponseHeaders(202, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
