package ai.sorot.lambda.local;

import ai.sorot.lambda.api.ApiRouter;
import ai.sorot.lambda.api.HttpResponses;
import ai.sorot.model.api.ErrorCode;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
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
 * would send (lower-case headers, decoded query parameters, base64 for binary bodies) and the
 * router's response back into HTTP, so the local server runs the Lambda code path unchanged.
 */
final class HttpEventBridge implements HttpHandler {

    private static final DateTimeFormatter GATEWAY_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** How much of an oversized body is read and dropped before answering; beyond it the connection just closes. */
    private static final long MAX_DRAIN = 256L * 1024 * 1024;

    private final ApiRouter router;
    private final long maxBody;
    private final long maxUpload;

    HttpEventBridge(ApiRouter router, long maxBody, long maxUpload) {
        this.router = router;
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            var path = exchange.getRequestURI().getRawPath();
            long limit = method.equals("PUT") && path.startsWith("/uploads/") ? maxUpload : maxBody;
            byte[] body = readBody(exchange.getRequestBody(), limit, exchange.getRequestHeaders().getFirst("content-length"));
            APIGatewayV2HTTPResponse response;
            if (body == null) {
                // read the rest into nothing, so the client gets to read the answer instead of a reset
                exchange.getRequestBody().skip(MAX_DRAIN);
                exchange.getResponseHeaders().set("connection", "close");
                response = HttpResponses.error(ErrorCode.FILE_TOO_LARGE, "The request is larger than %d MB%s."
                        .formatted(limit >> 20, limit == maxBody ? "; use POST /uploads for big files" : ""));
            } else {
                response = router.handle(toEvent(exchange, method, body));
            }
            write(exchange, method, response);
        }
    }

    APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, String method, byte[] body) {
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
        var contentType = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        if (body.length > 0) {
            // JSON travels as text; anything else (an upload's bytes, whatever its type) as base64
            boolean text = contentType.startsWith("application/json");
            event.setBody(text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(!text);
        }
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

    /** The body, or null when it is over the limit (read no further than that). */
    private static byte[] readBody(InputStream in, long limit, String declaredLength) throws IOException {
        int expected = 0;
        if (declaredLength != null) {
            try {
                long length = Long.parseLong(declaredLength.strip());
                if (length > limit) {
                    return null;
                }
                expected = (int) Math.max(0, length);
            } catch (NumberFormatException ignored) {
                // the stream's length decides below
            }
        }
        if (expected > 0) {
            var body = in.readNBytes(expected);
            return in.read() == -1 ? body : null; // more than declared: refuse rather than guess
        }
        var out = new ByteArrayOutputStream();
        var buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void write(HttpExchange exchange, String method, APIGatewayV2HTTPResponse response) throws IOException {
        var headers = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(headers::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        }
        var body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode();
        boolean noBody = method.equals("HEAD") || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
