package ai.sorot.lambda.api;

import ai.sorot.model.Json;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ApiResponse;
import ai.sorot.model.api.ErrorCode;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Builds the API's answers: the JSON envelope, raw bytes, redirects; CORS headers on every one. */
public final class HttpResponses {

    /**
     * The deployment's CORS settings, answered by the local server as API Gateway does in the cloud:
     * the seed's POST, GET and OPTIONS, and PUT and DELETE for the committee's reviews and members.
     */
    static final String ALLOW_METHODS = "POST,GET,PUT,DELETE,OPTIONS";

    static final String ALLOW_HEADERS = "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token";

    private HttpResponses() {}

    public static APIGatewayV2HTTPResponse ok(Object data) {
        return json(200, ApiResponse.ok(data));
    }

    public static APIGatewayV2HTTPResponse error(ErrorCode code, String message) {
        return json(code.httpStatus(), ApiResponse.failure(ApiError.of(code, message)));
    }

    public static APIGatewayV2HTTPResponse error(ApiError error, int status) {
        return json(status, ApiResponse.failure(error));
    }

    public static APIGatewayV2HTTPResponse json(int status, ApiResponse<?> envelope) {
        String body;
        try {
            body = Json.mapper().writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            status = 500;
            body =
                    "{\"success\":false,\"error\":{\"code\":\"INTERNAL\",\"message\":\"The answer could not be written.\"}}";
        }
        var headers = baseHeaders();
        headers.put("content-type", "application/json; charset=utf-8");
        return response(status, headers, body, false);
    }

    public static APIGatewayV2HTTPResponse bytes(byte[] content, String contentType, String fileName) {
        var headers = baseHeaders();
        headers.put("content-type", contentType);
        headers.put("content-disposition", "inline; filename=\"" + fileName.replace("\"", "") + "\"");
        headers.put("cache-control", "private, max-age=3600");
        return response(200, headers, Base64.getEncoder().encodeToString(content), true);
    }

    public static APIGatewayV2HTTPResponse redirect(String location) {
        var headers = baseHeaders();
        headers.put("location", location);
        return response(302, headers, "", false);
    }

    public static APIGatewayV2HTTPResponse preflight(String path) {
        var headers = baseHeaders();
        headers.put("access-control-allow-methods", path.startsWith("/uploads/") ? "PUT,OPTIONS" : ALLOW_METHODS);
        headers.put("access-control-allow-headers", ALLOW_HEADERS);
        return response(204, headers, "", false);
    }

    static APIGatewayV2HTTPResponse withHeader(APIGatewayV2HTTPResponse response, String name, String value) {
        var headers = new HashMap<>(response.getHeaders());
        headers.put(name, value);
        response.setHeaders(headers);
        return response;
    }

    private static Map<String, String> baseHeaders() {
        var headers = new HashMap<String, String>();
        headers.put("access-control-allow-origin", "*");
        headers.put("cache-control", "no-store");
        headers.put("x-content-type-options", "nosniff");
        return headers;
    }

    private static APIGatewayV2HTTPResponse response(
            int status, Map<String, String> headers, String body, boolean base64) {
        var response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(status);
        response.setHeaders(headers);
        response.setBody(body);
        response.setIsBase64Encoded(base64);
        return response;
    }
}
