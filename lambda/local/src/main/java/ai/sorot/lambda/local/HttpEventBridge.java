package ai.sorot.lambda.local;

import ai.sorot.lambda.api.ApiRouter;
import ai.sorot.lambda.api.RequestBody;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a request to the embedded server into the {@link APIGatewayV2HTTPEvent} API Gateway
 * would send (lower-case headers, decoded query parameters) and the router's response back into
 * HTTP, so the local server runs the Lambda code path unchanged. The body is not in the event: the
 * router gets the socket's stream as a {@link RequestBody} and reads it only after the credential
 * has passed, JSON up to its limit, uploads straight to disk.
 */
final class HttpEventBridge implements HttpHandler {

    private static final DateTimeFormatter GATEWAY_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * How much of a body the route left unread (a refused request, an oversized one) is read into
     * nothing after the answer is sent, so the client reads the answer instead of a reset; beyond
     * it the connection just closes. Draining holds one small buffer, whatever the size.
     */
    private static final long MAX_DRAIN = 256L * 1024 * 1024;

    private final ApiRouter router;

    HttpEventBridge(ApiRouter router) {
        this.router = router;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            var body = RequestBody.of(exchange.getRequestBody(), declaredLength(exchange.getRequestHeaders()));
            var response = router.handle(toEvent(exchange, method), body);
            if (write(exchange, method, response)) {
                drain(exchange.getRequestBody());
            }
        }
    }

    /** What the client said the body holds: -1 when chunked; no Content-Length is no body, as the server reads it. */
    static long declaredLength(Headers headers) {
        var encoding = headers.getFirst("transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return -1;
        }
        var length = headers.getFirst("content-length");
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void drain(InputStream in) {
        var buffer = new byte[64 * 1024];
        long left = MAX_DRAIN;
        try {
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException ignored) {
            // the client went away: nothing left to answer
        }
    }

    APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, String method) {
        var uri = exchange.getRequestURI();
        var headers = new HashMap<String, String>();
        for (var entry : exchange.getRequestHeaders().entrySet()) {
            headers.put(entry.getKey().toLowerCase(Locale.ROOT), String.join(",", entry.getValue()));
        }
        var event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("$default");
        event.setRawPath(uri.getRawPath());
        event.setRawQueryString(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        event.setHeaders(headers);
        event.setQueryStringParameters(queryParameters(uri.getRawQuery()));
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(uri.getRawPath());
        http.setProtocol(exchange.getProtocol());
        http.setSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
        http.setUserAgent(headers.get("user-agent"));
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        var now = Instant.now();
        context.setHttp(http);
        context.setRequestId(UUID.randomUUID().toString());
        context.setRouteKey("$default");
        context.setStage("$default");
        context.setApiId("local");
        context.setDomainName(headers.getOrDefault("host", "localhost"));
        context.setTime(GATEWAY_TIME.format(now));
        context.setTimeEpoch(now.toEpochMilli());
        event.setRequestContext(context);
        return event;
    }

    /** Decoded parameters; a repeated one is joined with commas, as API Gateway does. */
    static Map<String, String> queryParameters(String rawQuery) {
        var params = new HashMap<String, String>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (var pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            var name = decode(eq < 0 ? pair : pair.substring(0, eq));
            var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Sends the answer; true when it had a body, which is then flushed to the client. */
    private static boolean write(HttpExchange exchange, String method, APIGatewayV2HTTPResponse response)
            throws IOException {
        var headers = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(headers::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        }
        var body = response.getBody() == null
                ? new byte[0]
                : response.getIsBase64Encoded()
                        ? Base64.getDecoder().decode(response.getBody())
                        : response.getBody().getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode();
        boolean noBody = method.equals("HEAD") || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
        if (noBody || body.length == 0) {
            return false; // the server has closed the exchange already
        }
        exchange.getResponseBody().write(body);
        exchange.getResponseBody().flush();
        return true;
    }
}
