package ai.sorot.lambda.aws.testkit;

import ai.sorot.model.Json;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lambda events as the runtime hands them over: HTTP API payload 2.0 requests and SQS batches
 * written as JSON from real-event fixtures, then read with the serializers the Java runtime
 * itself uses ({@code aws-lambda-java-serialization}), so a field the runtime would not fill is
 * not filled here either.
 */
public final class LambdaEvents {

    private LambdaEvents() {}

    public static APIGatewayV2HTTPEvent http(
            String method, String path, String query, String body, Map<String, String> headers) {
        var root = (ObjectNode) fixture("http-api-v2.json");
        var routeKey = method + " " + path.replaceAll("/analysis-[^/]+", "/{id}");
        root.put("routeKey", routeKey).put("rawPath", path).put("rawQueryString", query == null ? "" : query);
        var context = (ObjectNode) root.get("requestContext");
        context.put("routeKey", routeKey).put("requestId", UUID.randomUUID().toString());
        ((ObjectNode) context.get("http")).put("method", method).put("path", path);
        var h = (ObjectNode) root.get("headers");
        headers.forEach(h::put);
        if (query != null && !query.isEmpty()) {
            var params = root.putObject("queryStringParameters");
            for (var pair : query.split("&")) {
                var kv = pair.split("=", 2);
                params.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        if (body != null) {
            root.put("body", body);
            h.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        }
        return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LambdaEvents.class.getClassLoader())
                .fromJson(root.toString());
    }

    /** What API Gateway would send back to the client, through the runtime's serializer. */
    public static String json(APIGatewayV2HTTPResponse response) {
        var out = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, LambdaEvents.class.getClassLoader())
                .toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** An SQS batch as Lambda's event source mapping delivers the received messages. */
    public static SQSEvent sqs(List<Message> messages, String queueArn) {
        var root = Json.mapper().createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (var message : messages) {
            var record = (ObjectNode) fixture("sqs-record.json");
            record.put("messageId", message.messageId())
                    .put("receiptHandle", message.receiptHandle())
                    .put("body", message.body())
                    .put("md5OfBody", message.md5OfBody())
                    .put("eventSourceARN", queueArn);
            var attributes = (ObjectNode) record.get("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            records.add(record);
        }
        return LambdaEventSerializers.serializerFor(SQSEvent.class, LambdaEvents.class.getClassLoader())
                .fromJson(root.toString());
    }

    public static String json(SQSBatchResponse response) {
        var out = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(SQSBatchResponse.class, LambdaEvents.class.getClassLoader())
                .toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static com.fasterxml.jackson.databind.JsonNode fixture(String name) {
        try (InputStream in = LambdaEvents.class.getResourceAsStream("/aws/events/" + name)) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Lambda context whose invocation ends {@code timeout} after it was made. */
    public static Context context(String functionName, Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        var requestId = UUID.randomUUID().toString();
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return requestId;
            }

            @Override
            public String getLogGroupName() {
                return "/sorot/sorot-ai-stack/" + functionName;
            }

            @Override
            public String getLogStreamName() {
                return "2026/11/29/[$LATEST]0123456789abcdef";
            }

            @Override
            public String getFunctionName() {
                return functionName;
            }

            @Override
            public String getFunctionVersion() {
                return "$LATEST";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return (int)
                        Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            }

            @Override
            public int getMemoryLimitInMB() {
                return 2048;
            }

            @Override
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override
                    public void log(String message) {
                        System.out.print(message);
                    }

                    @Override
                    public void log(byte[] message) {
                        System.out.write(message, 0, message.length);
                    }
                };
            }
        };
    }
}
