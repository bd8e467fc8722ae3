package ai.sorot.lambda.aws;

import static ai.sorot.lambda.aws.testkit.ServiceStubs.awsError;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.converseAnswer;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.geminiAnswer;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.speech;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.speechMp3;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.sorot.lambda.api.ApiRouter;
import ai.sorot.lambda.aws.cloud.CloudBackend;
import ai.sorot.lambda.aws.cloud.LambdaApiHandler;
import ai.sorot.lambda.aws.observe.CloudLogging;
import ai.sorot.lambda.aws.polly.Mp3Frames;
import ai.sorot.lambda.aws.testkit.CloudStack;
import ai.sorot.lambda.aws.testkit.LambdaEvents;
import ai.sorot.lambda.aws.testkit.ServiceStubs;
import ai.sorot.lambda.aws.worker.CloudWorker;
import ai.sorot.lambda.aws.worker.DeadLetterHandler;
import ai.sorot.lambda.aws.worker.WorkerHandler;
import ai.sorot.lambda.pipeline.Lease;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.Json;
import ai.sorot.model.screenplay.ElementType;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole cloud path on local stand-ins: HTTP API v2 events into the API function's handler,
 * jobs in DynamoDB (dynalite), files in S3 (S3Proxy), work on SQS (ElasticMQ) delivered to the
 * worker function's handler the way Lambda's event source mapping does, and the analysts calling
 * Bedrock, Gemini, Polly and Secrets Manager (WireMock). Every SDK client is the real one.
 */
class CloudEndToEndTest {

    static final String TOKEN = "sorot-e2e-token-0123456789abcdef";
    static final String GEMINI_KEY = "AIzaSy-e2e-key-never-in-a-log-987654321";
    static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:sorot-ai-stack/api-AbCdEf";
    static final String TRAILER = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    static CloudStack stack;
    static ServiceStubs stubs;
    static CloudBackend backend;
    static LambdaApiHandler api;
    static String queueArn;
    static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    CloudWorker worker;
    WorkerHandler workerHandler;

    @BeforeAll
    static void start() {
        stack = CloudStack.create(Map.of("SOROT_SECRET_ARN", SECRET_ARN));
        stubs = new ServiceStubs(stack.aws().wireMock());
        backend = CloudBackend.open(stack.config(), stack.clients(), Clock.systemUTC());
        api = new LambdaApiHandler(new ApiRouter(backend.backend()));
        queueArn = stack.clients()
                .sqs()
                .getQueueAttributes(
                        b -> b.queueUrl(stack.config().queueUrl()).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void freshWorker() {
        stubs.reset();
        stubs.secret(
                SECRET_ARN,
                "{\"geminiApiKey\":\"" + GEMINI_KEY + "\",\"apiTokens\":\"" + TOKEN + ",second-token-abcdefghijkl\"}");
        worker = CloudWorker.fromEnvironment(stack.config(), new PrintStream(logs, true, StandardCharsets.UTF_8));
        workerHandler = new WorkerHandler(worker, Duration.ofSeconds(1));
        drainQueue();
    }

    // ---- the API, as API Gateway calls it ---------------------------------------------------------

    private static JsonNode call(
            String method, String path, String query, String body, boolean withToken, int expectStatus) {
        var headers = new HashMap<String, String>();
        if (withToken) {
            headers.put("authorization", "Bearer " + TOKEN);
        }
        var response = api.handleRequest(
                LambdaEvents.http(method, path, query, body, headers),
                LambdaEvents.context("sorot-ai-analyzer", Duration.ofSeconds(29)));
        assertThat(response.getStatusCode())
                .as(method + " " + path + ": " + response.getBody())
                .isEqualTo(expectStatus);
        LambdaEvents.json(response); // the runtime can write it back
        return response.getBody() == null || response.getBody().isEmpty() ? null : read(response);
    }

    private static JsonNode read(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String submit(byte[] pdf, String trailer) {
        var body = Json.mapper()
                .createObjectNode()
                .put("pdfData", Base64.getEncoder().encodeToString(pdf))
                .put("fileName", "brick-and-steel.pdf")
                .put("force", true);
        if (trailer != null) {
            body.put("trailerUrl", trailer);
        }
        var accepted = call("POST", "/analyze", null, body.toString(), true, 200);
        assertThat(accepted.path("success").asBoolean()).isTrue();
        assertThat(accepted.path("data").path("status").asText()).isEqualTo("processing");
        assertThat(accepted.path("data").path("message").asText()).isEqualTo("Analysis started successfully");
        return accepted.path("data").path("analysisId").asText();
    }

    private static JsonNode status(String id) {
        return call("GET", "/status", "id=" + id, null, true, 200).path("data");
    }

    // ---- the worker, as Lambda's SQS event source mapping calls it -------------------------------------

    /** Receives one message, hands it to the worker as Lambda would, deletes it unless reported failed. */
    private SQSBatchResponse deliverOnce(Duration invocationTimeout) {
        var sqs = stack.clients().sqs();
        var messages = sqs.receiveMessage(b -> b.queueUrl(stack.config().queueUrl())
                        .maxNumberOfMessages(1)
                        .waitTimeSeconds(3)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        if (messages.isEmpty()) {
            return null;
        }
        var response = workerHandler.handleRequest(
                LambdaEvents.sqs(messages, queueArn), LambdaEvents.context("sorot-ai-worker", invocationTimeout));
        LambdaEvents.json(response);
        var failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
        for (var message : messages) {
            // a failed message is left as the handler left it: visible again after its retry delay
            // (a second per delivery here), not after the queue's 30 s visibility timeout
            if (!failed.contains(message.messageId())) {
                sqs.deleteMessage(b -> b.queueUrl(stack.config().queueUrl()).receiptHandle(message.receiptHandle()));
            }
        }
        return response;
    }

    private void drainQueue() {
        stack.clients().sqs().purgeQueue(b -> b.queueUrl(stack.config().queueUrl()));
    }

    private void stubHappyServices(int modelDelayMillis) {
        stubs.converse(converseAnswer(
                        "PRIVATE-REASONING the second act sags",
                        ServiceStubs.coverageAnswer("CONSIDER"),
                        28_410,
                        2_930,
                        "end_turn")
                .withFixedDelay(modelDelayMillis));
        stubs.gemini(geminiAnswer(
                        "{\"pacing\":\"Brisk.\",\"tone\":\"bleak\",\"hook\":\"The ledger at 0:14.\","
                                + "\"promiseVsScript\":\"Promises action; the script is a drama.\",\"score\":6,\"durationSeconds\":124,"
                                + "\"observations\":[{\"timestamp\":\"0:14\",\"text\":\"The ledger.\"}]}",
                        800,
                        31_992,
                        3_968,
                        300)
                .withFixedDelay(modelDelayMillis));
        stubs.polly(speech(speechMp3(), 1_180));
    }

    @Test
    void anAnalysisGoesFromTheApiThroughTheQueueAndTheWorkerToAReportAndItsAudio() throws Exception {
        stubHappyServices(2_000);
        var handler = CloudLogging.handler(new PrintStream(logs, true, StandardCharsets.UTF_8));
        Logger.getLogger("").addHandler(handler);
        String id;
        try {
            id = submit(TestScripts.brickAndSteelPdf(), TRAILER);
            var queued = status(id);
            assertThat(queued.path("status").asText()).isEqualTo("queued");
            assertThat(queued.path("totalSteps").asInt()).isEqualTo(5);
            assertThat(queued.path("progress").asInt()).isZero();

            try (var pool = Executors.newSingleThreadExecutor()) {
                var delivery = pool.submit(() -> deliverOnce(Duration.ofMinutes(15)));
                await("/status showing coverage and trailer running at once")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> {
                            assertThat(delivery)
                                    .as("the delivery ended before both steps were seen running")
                                    .isNotDone();
                            var steps = status(id).path("steps");
                            return steps.path(1).path("status").asText().equals("running")
                                    && steps.path(2).path("status").asText().equals("running");
                        });
                assertThat(delivery.get(60, TimeUnit.SECONDS).getBatchItemFailures())
                        .isEmpty();
            }
        } finally {
            Logger.getLogger("").removeHandler(handler);
        }

        var done = status(id);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        assertThat(done.path("steps").findValuesAsText("provider"))
                .contains("Amazon Bedrock", "Google Gemini API", "Amazon Polly");

        var report = call("GET", "/analyses/" + id, null, null, true, 200).path("data");
        assertThat(report.path("coverage").path("logline").asText()).startsWith("A welder");
        assertThat(report.path("coverage").path("provenance").path("offline").asBoolean())
                .isFalse();
        assertThat(report.toString()).doesNotContain("PRIVATE-REASONING");
        assertThat(report.path("trailer").path("analysed").asBoolean()).isTrue();
        assertThat(report.path("audio").path("format").asText()).isEqualTo("mp3");
        var coverageStep = report.path("steps").path(1);
        assertThat(coverageStep.path("usage").path("inputTokens").asLong()).isEqualTo(28_410);
        double total = 0;
        for (var step : report.path("steps")) {
            total += step.path("usage").path("costUsd").asDouble();
        }
        assertThat(report.path("usage").path("costUsd").asDouble())
                .isCloseTo(total, org.assertj.core.data.Offset.offset(1e-9))
                .isGreaterThan(0.05);

        var audio = api.handleRequest(
                LambdaEvents.http(
                        "GET", "/analyses/" + id + "/audio", null, null, Map.of("authorization", "Bearer " + TOKEN)),
                LambdaEvents.context("sorot-ai-analyzer", Duration.ofSeconds(29)));
        assertThat(audio.getStatusCode()).isEqualTo(302);
        var location = audio.getHeaders().get("location");
        assertThat(location).contains("X-Amz-Signature=").contains("summary.mp3");
        var mp3 = HTTP.send(
                HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(mp3.statusCode()).isEqualTo(200);
        assertThat(Mp3Frames.read(mp3.body()).seconds()).isGreaterThan(20);

        var list = call("GET", "/analyses", "limit=5", null, true, 200).path("data");
        assertThat(list.path("items").findValuesAsText("analysisId")).contains(id);
        var health = call("GET", "/health", null, null, true, 200).path("data");
        assertThat(health.path("mode").asText()).isEqualTo("cloud");
        assertThat(health.path("analysers").path("coverage").asText())
                .isEqualTo("DeepSeek-R1 (us.deepseek.r1-v1:0) on Amazon Bedrock");
        assertThat(health.path("analysers").path("trailer").asText())
                .isEqualTo("Gemini 2.5 Flash-Lite on Google Gemini API");
        assertThat(health.path("analysers").path("store").asText()).startsWith("DynamoDB ");

        // SQS delivers at least once: a second delivery of the same job changes nothing and calls no model
        stack.clients()
                .sqs()
                .sendMessage(b -> b.queueUrl(stack.config().queueUrl()).messageBody("{\"analysisId\":\"" + id + "\"}"));
        assertThat(deliverOnce(Duration.ofMinutes(15)).getBatchItemFailures()).isEmpty();
        stack.aws().wireMock().verify(1, postRequestedFor(urlPathMatching(ServiceStubs.CONVERSE_PATH)));
        stack.aws().wireMock().verify(1, postRequestedFor(urlPathMatching(ServiceStubs.GEMINI_PATH)));

        // the logs: JSON lines with the analysis and the step, metrics for every step, no script text, no secret
        var lines = logs.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines)
                .isNotEmpty()
                .allSatisfy(line ->
                        assertThat(Json.mapper().readTree(line).isObject()).isTrue());
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains("\"analysisId\":\"" + id + "\"")
                        .contains("\"step\":\"Analyzing screenplay\""));
        var emf = lines.stream().filter(line -> line.contains("\"_aws\"")).toList();
        var steps =
                emf.stream().filter(line -> line.contains("\"StepDuration\"")).toList();
        assertThat(steps).hasSize(5);
        assertThat(emf).allSatisfy(line -> assertThat(line).contains("\"Namespace\":\"Sorot\""));
        // the one coverage call: its stop reason and output tokens, for the alarm on cut-off answers
        var calls = emf.stream()
                .filter(line -> line.contains("\"ModelOutputTokens\""))
                .toList();
        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst())
                .contains("\"StopReason\":\"end_turn\"")
                .contains("\"ModelOutputTokens\":2930")
                .contains("\"ModelCutOff\":0");
        var brick = new ai.sorot.lambda.screenplay.ScreenplayReader().read(TestScripts.brickAndSteelPdf(), "b.pdf");
        var someAction = brick.elements().stream()
                .filter(e -> e.type() == ElementType.ACTION && e.text().length() > 40)
                .findFirst()
                .orElseThrow()
                .text();
        var text = String.join("\n", lines);
        assertThat(text)
                .doesNotContain(someAction.substring(0, 40))
                .doesNotContain(GEMINI_KEY)
                .doesNotContain(TOKEN);
    }

    @Test
    void aWorkerShortOfTimeHandsTheJobOnAndTheNextInvocationFinishesWithoutRepeatingAStep() {
        stubHappyServices(0);
        var id = submit(TestScripts.cyberBobPdf(), TRAILER);
        // 3 minutes left: the extraction fits, coverage (10 minutes' budget) does not
        assertThat(deliverOnce(Duration.ofMinutes(3)).getBatchItemFailures()).isEmpty();
        var between = status(id);
        assertThat(between.path("status").asText()).isEqualTo("processing");
        assertThat(between.path("steps").path(0).path("status").asText()).isEqualTo("completed");
        assertThat(between.path("steps").path(1).path("status").asText()).isEqualTo("pending");
        assertThat(deliverOnce(Duration.ofMinutes(15)).getBatchItemFailures()).isEmpty();
        assertThat(status(id).path("status").asText()).isEqualTo("completed");
        var job = backend.jobs().find(id).orElseThrow();
        assertThat(job.step(PipelineStep.EXTRACT).attempts()).isEqualTo(1);
        stack.aws().wireMock().verify(1, postRequestedFor(urlPathMatching(ServiceStubs.CONVERSE_PATH)));
    }

    @Test
    void theSameScriptSubmittedAgainIsAPossibleDuplicateOfTheEarlierCloudAnalysis() {
        stubHappyServices(0);
        var first = submit(TestScripts.cyberBobPdf(), null);
        assertThat(deliverOnce(Duration.ofMinutes(15)).getBatchItemFailures()).isEmpty();
        assertThat(status(first).path("status").asText()).isEqualTo("completed");
        var again = submit(TestScripts.cyberBobPdf(), null);
        assertThat(deliverOnce(Duration.ofMinutes(15)).getBatchItemFailures()).isEmpty();
        assertThat(status(again).path("status").asText()).isEqualTo("completed");
        // other tests analyse this script too: the newest earlier analysis, this test's first, is the one named
        var checks = call("GET", "/analyses/" + again, null, null, true, 200)
                .path("data")
                .path("checks");
        var duplicate = java.util.stream.StreamSupport.stream(checks.spliterator(), false)
                .filter(c -> c.path("code").asText().equals("POSSIBLE_DUPLICATE"))
                .findFirst()
                .orElseThrow();
        assertThat(duplicate.path("relatedAnalysisId").asText()).isEqualTo(first);
    }

    @Test
    void aStepHeldByAnotherWorkerIsRetriedThroughSqsUntilItsLeaseRunsOut() throws Exception {
        stubHappyServices(0);
        var id = submit(TestScripts.cyberBobPdf(), null);
        // a worker that died mid-extraction still holds its lease for two seconds
        var leaseEnds = Instant.now().plusSeconds(2);
        assertThat(backend.jobs()
                        .claimStep(
                                id,
                                PipelineStep.EXTRACT,
                                Lease.of("dead-worker", Instant.now(), Duration.ofSeconds(2))))
                .isTrue();
        var first = deliverOnce(Duration.ofMinutes(15));
        assertThat(first.getBatchItemFailures()).hasSize(1); // BUSY: SQS delivers it again after the visibility timeout
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), leaseEnds).toMillis() + 200));
        var second = deliverOnce(Duration.ofMinutes(15));
        assertThat(second).as("the message came back").isNotNull();
        assertThat(second.getBatchItemFailures()).isEmpty();
        assertThat(status(id).path("status").asText()).isEqualTo("completed");
        assertThat(backend.jobs()
                        .find(id)
                        .orElseThrow()
                        .step(PipelineStep.EXTRACT)
                        .attempts())
                .isEqualTo(2);
    }

    @Test
    void aMessageThatKeepsFailingEndsInTheDeadLetterQueueAndAnUnreadableOneIsDropped() throws Exception {
        var env = new HashMap<>(stack.aws().environment(Map.of()));
        env.put("SOROT_TABLE", "no-such-table");
        env.put("SOROT_BUCKET", stack.config().bucket());
        env.put("SOROT_QUEUE_URL", stack.config().queueUrl());
        var broken =
                CloudWorker.fromEnvironment(CloudConfig.from(env), new PrintStream(logs, true, StandardCharsets.UTF_8));
        workerHandler = new WorkerHandler(broken, Duration.ofSeconds(1));
        var sqs = stack.clients().sqs();
        sqs.purgeQueue(b -> b.queueUrl(stack.dlqUrl()));
        sqs.sendMessage(b -> b.queueUrl(stack.config().queueUrl()).messageBody("not json at all"));
        assertThat(deliverOnce(Duration.ofMinutes(15)).getBatchItemFailures()).isEmpty(); // dropped, not retried
        sqs.sendMessage(b -> b.queueUrl(stack.config().queueUrl())
                .messageBody("{\"analysisId\":\"analysis-1795917600000-deadbeef\"}"));
        for (int i = 0; i < 3; i++) {
            var response = deliverOnce(Duration.ofMinutes(15));
            assertThat(response).isNotNull();
            assertThat(response.getBatchItemFailures()).hasSize(1);
            Thread.sleep(1_200); // the failed message's remaining visibility
        }
        // past maxReceiveCount, the next receive moves it to the dead-letter queue instead of delivering it
        assertThat(deliverOnce(Duration.ofMinutes(15))).isNull();
        var dead = sqs.receiveMessage(b -> b.queueUrl(stack.dlqUrl()).waitTimeSeconds(5))
                .messages();
        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().body()).contains("analysis-1795917600000-deadbeef");
        broken.close();
    }

    @Test
    void aDeadLetteredAnalysisIsMarkedFailedSoNoClientWaitsForIt() {
        var id = submit(TestScripts.brickAndSteelPdf(), null);
        drainQueue(); // every delivery "crashed": the worker never finished a step
        assertThat(backend.jobs()
                        .claimStep(
                                id,
                                PipelineStep.EXTRACT,
                                Lease.of("crashed-worker", Instant.now(), Duration.ofMinutes(10))))
                .isTrue();
        var sqs = stack.clients().sqs();
        sqs.purgeQueue(b -> b.queueUrl(stack.dlqUrl()));
        var dlqArn = sqs.getQueueAttributes(
                        b -> b.queueUrl(stack.dlqUrl()).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sqs.sendMessage(b -> b.queueUrl(stack.dlqUrl()).messageBody("{\"analysisId\":\"" + id + "\"}"));
        var dead = sqs.receiveMessage(b -> b.queueUrl(stack.dlqUrl())
                        .waitTimeSeconds(5)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        assertThat(dead).hasSize(1);

        var metrics = new ByteArrayOutputStream();
        var handler = new DeadLetterHandler(
                backend.jobs(), Clock.systemUTC(), new PrintStream(metrics, true, StandardCharsets.UTF_8));
        var response = handler.handleRequest(
                LambdaEvents.sqs(dead, dlqArn), LambdaEvents.context("sorot-ai-dead-letters", Duration.ofSeconds(60)));
        assertThat(response.getBatchItemFailures()).isEmpty();

        var failed = status(id);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").path("code").asText()).isEqualTo("ANALYSIS_ABANDONED");
        assertThat(failed.path("error").path("message").asText()).contains("submit it again");
        assertThat(failed.path("steps").path(0).path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("steps").path(1).path("status").asText()).isEqualTo("pending");
        assertThat(metrics.toString(StandardCharsets.UTF_8))
                .contains("\"AnalysesAbandoned\":1")
                .contains(id)
                .contains("\"Namespace\":\"Sorot\"");

        // SQS delivers at least once: the same dead letter again changes nothing and counts nothing
        metrics.reset();
        assertThat(handler.handleRequest(
                                LambdaEvents.sqs(dead, dlqArn),
                                LambdaEvents.context("sorot-ai-dead-letters", Duration.ofSeconds(60)))
                        .getBatchItemFailures())
                .isEmpty();
        assertThat(metrics.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status(id).path("error").path("code").asText()).isEqualTo("ANALYSIS_ABANDONED");
    }

    @Test
    void aLargeScreenplayArrivesThroughThePresignedUploadAndTheTokenGuardsEveryRouteButHealth() throws Exception {
        stubHappyServices(0);
        var ticket =
                call("POST", "/uploads", null, "{\"size\": 80000}", true, 200).path("data");
        var put = HTTP.send(
                HttpRequest.newBuilder(URI.create(ticket.path("uploadUrl").asText()))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(TestScripts.brickAndSteelPdf()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        var uploadId = ticket.path("uploadId").asText();
        var accepted = call(
                        "POST",
                        "/analyze",
                        null,
                        "{\"uploadId\":\"" + uploadId + "\",\"fileName\":\"brick.pdf\",\"force\":true}",
                        true,
                        200)
                .path("data");
        assertThat(accepted.path("analysisId").asText()).startsWith("analysis-");
        assertThat(backend.blobs().stat("uploads/" + uploadId)).isEmpty(); // taken in, the upload is gone

        call("GET", "/status", "id=" + accepted.path("analysisId").asText(), null, false, 401);
        var wrong = api.handleRequest(
                LambdaEvents.http(
                        "GET", "/analyses", null, null, Map.of("authorization", "Bearer not-the-token-000000")),
                LambdaEvents.context("sorot-ai-analyzer", Duration.ofSeconds(29)));
        assertThat(wrong.getStatusCode()).isEqualTo(401);
        call("GET", "/health", null, null, false, 200);
    }

    @Test
    void aModelBedrockNoLongerServesFailsTheAnalysisClearlyAndKeepsTheTrailerThatRanBesideIt() {
        stubHappyServices(0);
        stubs.converse(
                awsError(
                        404,
                        "ResourceNotFoundException",
                        "This model version has reached the end of its life. Please refer to the AWS documentation for more details."));
        var id = submit(TestScripts.brickAndSteelPdf(), TRAILER);
        assertThat(deliverOnce(Duration.ofMinutes(15)).getBatchItemFailures())
                .isEmpty(); // a failed analysis is finished
        var failed = status(id);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").path("code").asText()).isEqualTo("MODEL_UNAVAILABLE");
        assertThat(failed.path("error").path("message").asText()).contains("SOROT_BEDROCK_MODEL_ID");
        assertThat(failed.path("steps").path(2).path("status").asText()).isEqualTo("completed");
        var partial = call("GET", "/analyses/" + id, null, null, true, 200).path("data");
        assertThat(partial.path("trailer").path("analysed").asBoolean()).isTrue();
        assertThat(partial.has("coverage")).isFalse();
    }
}
