package ai.sorot.lambda.aws.cloud;

import ai.sorot.lambda.api.ApiRouter;
import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.observe.CloudLogging;
import ai.sorot.lambda.aws.observe.StepMetrics;
import ai.sorot.lambda.aws.polly.SsmlChunks;
import ai.sorot.lambda.aws.worker.CloudWorker;
import ai.sorot.lambda.coverage.CoveragePrompt;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.lambda.pipeline.SpeechScript;
import ai.sorot.lambda.pipeline.StepBudgets;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.model.Json;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Usage;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The training run for the container image's class-data sharing archive ({@code lambda/cloud/Dockerfile}
 * runs it with {@code -XX:ArchiveClassesAtExit}): it loads what a cold start of either function
 * loads, the SDK clients, the event serializers of the Lambda runtime, Jackson, the router, PDFBox
 * on the bundled sample, without touching the network (no call is made; the clients point nowhere).
 * Each later start then maps those classes instead of loading and verifying them one by one.
 */
public final class ColdStartTraining {

    private ColdStartTraining() {}

    public static void main(String[] args) throws Exception {
        var env = Map.of(
                "AWS_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                "training",
                "AWS_SECRET_ACCESS_KEY",
                "training",
                "SOROT_TABLE",
                "training",
                "SOROT_BUCKET",
                "training",
                "SOROT_QUEUE_URL",
                "https://sqs.us-east-1.amazonaws.com/123456789012/training",
                "SOROT_SECRET_ARN",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:training",
                "GEMINI_API_KEY",
                "training");
        var config = CloudConfig.from(env);
        var quiet = new PrintStream(new ByteArrayOutputStream());
        CloudLogging.install(quiet); // the functions log JSON lines from their first request

        // the API function: its backend, a request through the runtime's serializer and the router
        try (var backend = CloudBackend.open(config)) {
            var router = new ApiRouter(backend.backend());
            var event = LambdaEventSerializers.serializerFor(
                            APIGatewayV2HTTPEvent.class, ColdStartTraining.class.getClassLoader())
                    .fromJson(HEALTH_EVENT);
            var response = router.handle(event);
            LambdaEventSerializers.serializerFor(
                            APIGatewayV2HTTPResponse.class, ColdStartTraining.class.getClassLoader())
                    .toJson(response, new ByteArrayOutputStream());
            backend.clients().bedrock();
            backend.clients().polly();
        }

        // the worker function: its pipeline, an SQS event, the screenplay engine, prompts and SSML
        try (var worker = CloudWorker.fromEnvironment(config, quiet)) {
            LambdaEventSerializers.serializerFor(SQSEvent.class, ColdStartTraining.class.getClassLoader())
                    .fromJson(SQS_EVENT);
            byte[] pdf;
            try (InputStream in =
                    ColdStartTraining.class.getResourceAsStream("/ai/sorot/lambda/sample/brick-and-steel.pdf")) {
                pdf = in.readAllBytes();
            }
            var screenplay = new ScreenplayReader().read(pdf, "brick-and-steel.pdf");
            Json.mapper().writeValueAsBytes(screenplay);
            CoveragePrompt.build(screenplay.title(), screenplay, 90_000);
            SsmlChunks.of(new SpeechScript(List.of("Training.", "Verdict: consider.")));
            new StepMetrics(quiet, Clock.systemUTC())
                    .stepFinished(
                            "analysis-1764000000000-training",
                            PipelineStep.COVERAGE,
                            StepStatus.COMPLETED,
                            Duration.ofSeconds(1),
                            null,
                            Usage.NONE);
            StepBudgets.DEFAULT.of(PipelineStep.AUDIO);
        }
        System.out.println("cold start training done"); // stdout is still the console: only logging went quiet
    }

    private static final String HEALTH_EVENT = """
            {"version":"2.0","routeKey":"GET /health","rawPath":"/health","rawQueryString":"",
             "headers":{"accept":"application/json","host":"example.execute-api.us-east-1.amazonaws.com"},
             "requestContext":{"accountId":"123456789012","apiId":"example","domainName":"example.execute-api.us-east-1.amazonaws.com",
               "http":{"method":"GET","path":"/health","protocol":"HTTP/1.1","sourceIp":"203.0.113.1","userAgent":"training"},
               "requestId":"training","routeKey":"GET /health","stage":"$default","time":"29/Nov/2026:00:00:00 +0000",
               "timeEpoch":1795910400000},
             "isBase64Encoded":false}""";

    private static final String SQS_EVENT = """
            {"Records":[{"messageId":"training","receiptHandle":"training","body":"{\\"analysisId\\":\\"analysis-1764000000000-training\\"}",
              "attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1795910400000"},"messageAttributes":{},
              "md5OfBody":"","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:training",
              "awsRegion":"us-east-1"}]}""";
}
