package ai.sorot.lambda.aws;

import static ai.sorot.lambda.aws.testkit.ServiceStubs.converseAnswer;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.geminiAnswer;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.speech;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.speechMp3;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.aws.testkit.CloudStack;
import ai.sorot.lambda.aws.testkit.FakeLambdaRuntime;
import ai.sorot.lambda.aws.testkit.ServiceStubs;
import ai.sorot.lambda.aws.testkit.TemplateResources;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container image's entry point without the container: {@code lambda/cloud/docker/lambda-entrypoint.sh}
 * starts the runtime interface client on the class path {@code jvm-options.sh} writes, with the
 * handler the SAM template names for each function, against a Lambda Runtime API on loopback.
 * What a deploy cannot show until it is in AWS (a handler that is not found, an event the
 * runtime cannot read, a class missing from the image's class path) fails here.
 */
class ContainerEntrypointTest {

    static final String TOKEN = "entrypoint-token-0123456789abcdef";
    static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:sorot-ai-stack/api-XyZ123";
    static CloudStack stack;
    static ServiceStubs stubs;
    static Path taskRoot;

    @BeforeAll
    static void start() throws Exception {
        stack = CloudStack.create(Map.of("SOROT_SECRET_ARN", SECRET_ARN));
        stubs = new ServiceStubs(stack.aws().wireMock());
        // the task root the image holds: our classes as sorot-lambda.jar, the runtime class path in lib/
        taskRoot = Path.of("target", "task-root").toAbsolutePath();
        deleteRecursively(taskRoot);
        var lib = Files.createDirectories(taskRoot.resolve("lib"));
        jarUp(Path.of("target", "classes"), taskRoot.resolve("sorot-lambda.jar"));
        var runtime =
                Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        for (var entry : runtime.split(java.io.File.pathSeparator)) {
            var jar = Path.of(entry).toAbsolutePath();
            if (Files.isRegularFile(jar) && !jar.startsWith(Path.of("target").toAbsolutePath())) {
                Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar);
            } else if (Files.isRegularFile(jar)) {
                Files.copy(jar, lib.resolve(jar.getFileName()));
            } else if (Files.isDirectory(jar)) {
                jarUp(
                        jar,
                        lib.resolve(jar.getParent().getParent().getFileName() + ".jar")); // a reactor module's classes
            }
        }
        var options =
                run(new ProcessBuilder("sh", Path.of("docker", "jvm-options.sh").toString(), taskRoot.toString()));
        Files.writeString(taskRoot.resolve("jvm.options"), options);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static String handlerOf(String function) {
        return TemplateResources.read()
                .path("Resources")
                .path(function)
                .path("Properties")
                .path("ImageConfig")
                .path("Command")
                .path(0)
                .asText();
    }

    private Process startFunction(String functionName, String handler, FakeLambdaRuntime runtime, Path log)
            throws IOException {
        var env = new HashMap<>(stack.environment());
        env.put("SOROT_MODE", "cloud");
        env.put("AWS_LAMBDA_RUNTIME_API", runtime.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", handler);
        env.put(
                "SOROT_JAVA",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var builder = new ProcessBuilder(
                        "sh", Path.of("docker", "lambda-entrypoint.sh").toString(), handler)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void bothFunctionsStartFromTheImagesEntryPointWithTheTemplatesHandlersAndServeRealEvents() throws Exception {
        stubs.reset();
        stubs.secret(SECRET_ARN, "{\"geminiApiKey\":\"AIza-entrypoint\",\"apiTokens\":\"" + TOKEN + "\"}");
        stubs.converse(converseAnswer("r", ServiceStubs.coverageAnswer("RECOMMEND"), 20_000, 2_000, "end_turn"));
        stubs.gemini(geminiAnswer(
                "{\"pacing\":\"p\",\"tone\":\"t\",\"hook\":\"h\",\"promiseVsScript\":\"x\",\"score\":7,"
                        + "\"durationSeconds\":90,\"observations\":[]}",
                500,
                23_220,
                0,
                200));
        stubs.polly(speech(speechMp3(), 900));
        var logs = Files.createDirectories(Path.of("target", "test-servers"));
        String analysisId;
        try (var runtime = new FakeLambdaRuntime("sorot-ai-analyzer")) {
            var process = startFunction(
                    "sorot-ai-analyzer", handlerOf("ApiFunction"), runtime, logs.resolve("api-function.log"));
            try {
                var health = runtime.invoke(event("GET", "/health", null, TOKEN), Duration.ofSeconds(29));
                assertThat(health.error()).as(health.body()).isFalse();
                var response = Json.mapper().readTree(health.body());
                assertThat(response.path("statusCode").asInt()).isEqualTo(200);
                assertThat(Json.mapper()
                                .readTree(response.path("body").asText())
                                .path("data")
                                .path("mode")
                                .asText())
                        .isEqualTo("cloud");

                var body = Json.mapper()
                        .createObjectNode()
                        .put("pdfData", Base64.getEncoder().encodeToString(TestScripts.brickAndSteelPdf()))
                        .put("trailerUrl", "https://youtu.be/dQw4w9WgXcQ")
                        .put("force", true)
                        .toString();
                var accepted = runtime.invoke(event("POST", "/analyze", body, TOKEN), Duration.ofSeconds(29));
                var answer = Json.mapper().readTree(accepted.body());
                assertThat(answer.path("statusCode").asInt())
                        .as(accepted.body())
                        .isEqualTo(200);
                analysisId = Json.mapper()
                        .readTree(answer.path("body").asText())
                        .path("data")
                        .path("analysisId")
                        .asText();
            } finally {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        var apiLog = Files.readString(logs.resolve("api-function.log"));
        assertThat(apiLog.lines().filter(l -> l.startsWith("{")).toList())
                .allSatisfy(
                        l -> assertThat(Json.mapper().readTree(l).isObject()).isTrue());
        assertThat(apiLog)
                .doesNotContain("Exception")
                .doesNotContain(TOKEN)
                .contains("\"message\":\"GET /health 200 in ")
                .contains("\"message\":\"POST /analyze 200 in ");

        var message = stack.clients()
                .sqs()
                .receiveMessage(b -> b.queueUrl(stack.config().queueUrl()).waitTimeSeconds(5))
                .messages();
        assertThat(message).hasSize(1);
        try (var runtime = new FakeLambdaRuntime("sorot-ai-worker")) {
            var process = startFunction(
                    "sorot-ai-worker", handlerOf("WorkerFunction"), runtime, logs.resolve("worker-function.log"));
            try {
                var sqsEvent = Json.mapper().createObjectNode();
                sqsEvent.putArray("Records")
                        .addObject()
                        .put("messageId", message.getFirst().messageId())
                        .put("receiptHandle", message.getFirst().receiptHandle())
                        .put("body", message.getFirst().body())
                        .put("eventSource", "aws:sqs")
                        .put("awsRegion", "us-east-1")
                        .put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:sorot-work")
                        .putObject("attributes")
                        .put("ApproximateReceiveCount", "1");
                var done = runtime.invoke(sqsEvent.toString(), Duration.ofMinutes(15));
                assertThat(done.error()).as(done.body()).isFalse();
                assertThat(Json.mapper().readTree(done.body()).path("batchItemFailures"))
                        .isEmpty();
            } finally {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        var job = new ai.sorot.lambda.aws.state.DynamoJobStore(
                        stack.clients().dynamo(), stack.config().table(), Duration.ofDays(1))
                .find(analysisId)
                .orElseThrow();
        assertThat(job.state().json()).isEqualTo("completed");
        var workerLog = Files.readString(logs.resolve("worker-function.log"));
        assertThat(workerLog).contains("\"CloudWatchMetrics\"").contains("\"analysisId\":\"" + analysisId + "\"");
    }

    private static String event(String method, String path, String body, String token) {
        var root = Json.mapper()
                .createObjectNode()
                .put("version", "2.0")
                .put("routeKey", method + " " + path)
                .put("rawPath", path)
                .put("rawQueryString", "")
                .put("isBase64Encoded", false);
        var headers = root.putObject("headers")
                .put("content-type", "application/json")
                .put("host", "k7c2q9x1ab.execute-api.us-east-1.amazonaws.com");
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        var context = root.putObject("requestContext")
                .put("accountId", "123456789012")
                .put("apiId", "k7c2q9x1ab")
                .put("requestId", java.util.UUID.randomUUID().toString())
                .put("routeKey", method + " " + path)
                .put("stage", "$default")
                .put("timeEpoch", System.currentTimeMillis());
        context.putObject("http")
                .put("method", method)
                .put("path", path)
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", "198.51.100.23");
        if (body != null) {
            root.put("body", body);
        }
        return root.toString();
    }

    private static String run(ProcessBuilder builder) throws IOException, InterruptedException {
        var process = builder.redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (var path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void jarUp(Path classes, Path jar) throws IOException {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                var files = Files.walk(classes)) {
            var list = new ArrayList<Path>();
            files.filter(Files::isRegularFile).forEach(list::add);
            for (var file : list) {
                out.putNextEntry(new java.util.jar.JarEntry(
                        classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }
}
