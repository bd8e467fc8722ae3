package ai.sorot.lambda.local;

import static ai.sorot.lambda.aws.testkit.ServiceStubs.converseAnswer;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.geminiAnswer;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.speech;
import static ai.sorot.lambda.aws.testkit.ServiceStubs.speechMp3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.lambda.api.ApiRouter;
import ai.sorot.lambda.aws.cloud.CloudBackend;
import ai.sorot.lambda.aws.testkit.CloudStack;
import ai.sorot.lambda.aws.testkit.LambdaEvents;
import ai.sorot.lambda.aws.testkit.ServiceStubs;
import ai.sorot.lambda.aws.worker.CloudWorker;
import ai.sorot.lambda.aws.worker.WorkerHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code infra/scripts/smoke-test.sh}, the check a deployer runs after {@code deploy.sh}, run here
 * against the two backends it must work with: a local server (./sorot serve) and the cloud backend
 * (DynamoDB, S3, SQS stand-ins, a worker draining the queue) behind HTTP, where the audio comes as
 * a redirect to a presigned S3 link that must be fetched without the API token.
 */
class SmokeTestScriptTest {

    static final Path SCRIPT = Path.of("..", "..", "infra", "scripts", "smoke-test.sh");

    @TempDir
    Path home;

    private static ProcessResult runScript(String url, String token, String... extra)
            throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(
                List.of("bash", SCRIPT.toString(), url, "--token", token, "--timeout", "120"));
        command.addAll(List.of(extra));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("SOROT_"));
        var process = builder.start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(process.exitValue(), out);
    }

    private record ProcessResult(int exit, String output) {}

    private static void assumeTools() {
        for (var tool : List.of("bash", "curl", "base64")) {
            assumeTrue(
                    Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/bin", tool)),
                    tool + " is needed to run the smoke test script");
        }
    }

    @Test
    void passesAgainstALocalServer() throws Exception {
        assumeTools();
        try (var server = LocalServer.start(
                LocalServer.Options.defaults(new SorotHome(home)).withPort(0))) {
            var result = runScript(server.url().toString(), server.token());
            assertThat(result.exit()).as(result.output()).isZero();
            assertThat(result.output())
                    .contains("mode local")
                    .contains("All checks passed.")
                    .contains("audio/wav");
        }
    }

    @Test
    void passesAgainstTheCloudBackendAndFetchesTheAudioFromThePresignedLinkWithoutTheToken() throws Exception {
        assumeTools();
        var token = "smoke-token-0123456789abcdef";
        var secretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:sorot-ai-stack/api-Smoke1";
        try (var stack = CloudStack.create(Map.of("SOROT_SECRET_ARN", secretArn))) {
            var stubs = new ServiceStubs(stack.aws().wireMock());
            stubs.reset();
            stubs.secret(secretArn, "{\"geminiApiKey\":\"AIza-smoke\",\"apiTokens\":\"" + token + "\"}");
            stubs.converse(converseAnswer("r", ServiceStubs.coverageAnswer("RECOMMEND"), 25_000, 2_500, "end_turn"));
            stubs.gemini(geminiAnswer(
                    "{\"pacing\":\"p\",\"tone\":\"t\",\"hook\":\"h\",\"promiseVsScript\":\"x\",\"score\":7,"
                            + "\"durationSeconds\":90,\"observations\":[]}",
                    500,
                    23_220,
                    0,
                    200));
            stubs.polly(speech(speechMp3(), 900));
            var backend = CloudBackend.open(stack.config(), stack.clients(), Clock.systemUTC());
            var http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            http.createContext("/", new HttpEventBridge(new ApiRouter(backend.backend())));
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.start();
            var running = new AtomicBoolean(true);
            var worker = new WorkerHandler(CloudWorker.fromEnvironment(
                    stack.config(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            var drain = Thread.ofVirtual().start(() -> {
                var sqs = stack.clients().sqs();
                while (running.get()) {
                    var messages = sqs.receiveMessage(
                                    b -> b.queueUrl(stack.config().queueUrl()).waitTimeSeconds(1))
                            .messages();
                    if (!messages.isEmpty()) {
                        worker.handleRequest(
                                LambdaEvents.sqs(messages, "arn:aws:sqs:us-east-1:123456789012:work"),
                                LambdaEvents.context("sorot-ai-worker", Duration.ofMinutes(15)));
                        messages.forEach(m -> sqs.deleteMessage(
                                b -> b.queueUrl(stack.config().queueUrl()).receiptHandle(m.receiptHandle())));
                    }
                }
            });
            try {
                var result = runScript(
                        "http://127.0.0.1:" + http.getAddress().getPort(),
                        token,
                        "--trailer",
                        "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
                assertThat(result.exit()).as(result.output()).isZero();
                assertThat(result.output())
                        .contains("mode cloud")
                        .contains("DeepSeek-R1")
                        .contains("recommendation RECOMMEND")
                        .contains("audio/mpeg")
                        .contains("All checks passed.");
            } finally {
                running.set(false);
                drain.join(5_000);
                http.stop(0);
            }
        }
    }
}
