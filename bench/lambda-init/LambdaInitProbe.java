import ai.sorot.lambda.aws.cloud.LambdaApiHandler;
import ai.sorot.lambda.aws.worker.WorkerHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.time.Instant;

/**
 * One cold start of a Sorot Lambda handler, as the runtime does it: build the handler (what
 * Lambda's init phase runs), read the first event with the runtime's serializer, handle it, write
 * the answer. Prints wall-clock microseconds at main, after init, and after the first answer;
 * bench/lambda-init.sh subtracts the moment it launched the JVM. No network call is made: the API
 * answers GET /health, the worker drops an unreadable message.
 */
public final class LambdaInitProbe {

    public static void main(String[] args) {
        long main = micros();
        var loader = LambdaInitProbe.class.getClassLoader();
        long init;
        if (args[0].equals("api")) {
            var handler = new LambdaApiHandler();
            init = micros();
            var event = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, loader).fromJson(HEALTH);
            var response = handler.handleRequest(event, null);
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, loader).toJson(response, new ByteArrayOutputStream());
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException("GET /health answered " + response.getStatusCode());
            }
        } else {
            var handler = new WorkerHandler();
            init = micros();
            var event = LambdaEventSerializers.serializerFor(SQSEvent.class, loader).fromJson(SQS);
            var response = handler.handleRequest(event, null);
            if (!response.getBatchItemFailures().isEmpty()) {
                throw new IllegalStateException("the worker reported a failure");
            }
        }
        long answered = micros();
        System.out.println("PROBE " + args[0] + " " + main + " " + init + " " + answered);
    }

    private static long micros() {
        var now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static final String HEALTH = """
            {"version":"2.0","routeKey":"GET /health","rawPath":"/health","rawQueryString":"",
             "headers":{"accept":"application/json","host":"k7c2q9x1ab.execute-api.us-east-1.amazonaws.com"},
             "requestContext":{"accountId":"123456789012","apiId":"k7c2q9x1ab","http":{"method":"GET","path":"/health",
               "protocol":"HTTP/1.1","sourceIp":"198.51.100.23","userAgent":"bench"},"requestId":"bench",
               "routeKey":"GET /health","stage":"$default","timeEpoch":1795917600000},
             "isBase64Encoded":false}""";

    private static final String SQS = """
            {"Records":[{"messageId":"bench","receiptHandle":"bench","body":"{}","attributes":{"ApproximateReceiveCount":"1"},
              "messageAttributes":{},"md5OfBody":"","eventSource":"aws:sqs",
              "eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:bench","awsRegion":"us-east-1"}]}""";
}
