package ai.sorot.lambda.aws.testkit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import ai.sorot.lambda.aws.CloudConfig;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * Real servers that speak the AWS protocols, on loopback, started once per test run and shared:
 * S3Proxy (S3, its own process: its Jetty and SDK stay off our class path), ElasticMQ (SQS, in
 * this JVM), dynalite (DynamoDB, a Node.js process, installed from npm into a cache folder on first
 * use; {@code .ci/run} installs it beforehand) and WireMock (Bedrock, Polly, Secrets Manager and
 * the Gemini API, answering with their real response shapes). The SDK clients under test are the
 * real ones, pointed at these with endpoint overrides.
 */
public final class LocalAws {

    public static final String ACCESS_KEY = "local-access-key";
    public static final String SECRET_KEY = "local-secret-key";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static volatile LocalAws instance;

    private final List<Process> processes = new ArrayList<>();
    private final URI s3;
    private final URI dynamo;
    private final URI sqs;
    private final SQSRestServer elasticMq;
    private final WireMockServer wireMock;

    private LocalAws() throws IOException, InterruptedException {
        var logs = Path.of("target", "test-servers");
        Files.createDirectories(logs);
        this.wireMock = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(16)
                .asynchronousResponseEnabled(true));
        wireMock.start();
        int sqsPort = freePort();
        this.elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(sqsPort)
                .start();
        elasticMq.waitUntilStarted();
        this.sqs = URI.create("http://127.0.0.1:" + sqsPort);
        this.s3 = startS3Proxy(logs);
        this.dynamo = startDynalite(logs);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-aws-stop"));
    }

    /** The servers, started on first call. */
    public static LocalAws get() {
        var local = instance;
        if (local == null) {
            synchronized (LocalAws.class) {
                local = instance;
                if (local == null) {
                    try {
                        local = new LocalAws();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    instance = local;
                }
            }
        }
        return local;
    }

    public WireMockServer wireMock() {
        return wireMock;
    }

    public URI wireMockUrl() {
        return URI.create("http://127.0.0.1:" + wireMock.port());
    }

    public URI s3() {
        return s3;
    }

    public URI dynamo() {
        return dynamo;
    }

    public URI sqs() {
        return sqs;
    }

    /** A name no other test in this run uses (tables, buckets and queues are per test class). */
    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    /**
     * The environment a function would see, with every AWS endpoint pointed at these servers
     * (Bedrock, Polly, Secrets Manager and Gemini at WireMock). {@code extra} adds or replaces names.
     */
    public Map<String, String> environment(Map<String, String> extra) {
        var env = new HashMap<String, String>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put(CloudConfig.Service.S3.endpointVariable(), s3.toString());
        env.put(CloudConfig.Service.DYNAMODB.endpointVariable(), dynamo.toString());
        env.put(CloudConfig.Service.SQS.endpointVariable(), sqs.toString());
        env.put(
                CloudConfig.Service.BEDROCK_RUNTIME.endpointVariable(),
                wireMockUrl().toString());
        env.put(CloudConfig.Service.BEDROCK.endpointVariable(), wireMockUrl().toString());
        env.put(CloudConfig.Service.POLLY.endpointVariable(), wireMockUrl().toString());
        env.put(
                CloudConfig.Service.SECRETS_MANAGER.endpointVariable(),
                wireMockUrl().toString());
        env.put("SOROT_GEMINI_BASE_URL", wireMockUrl().toString());
        env.put("SOROT_S3_PATH_STYLE", "true");
        env.putAll(extra);
        return env;
    }

    public CloudConfig config(Map<String, String> extra) {
        return CloudConfig.from(environment(extra));
    }

    // ---- S3Proxy --------------------------------------------------------------------------------

    private URI startS3Proxy(Path logs) throws IOException, InterruptedException {
        var jar = Path.of(System.getProperty("sorot.test.s3proxy", "target/test-servers/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy is missing at " + jar + ": the build copies it there "
                    + "(maven-dependency-plugin, process-test-resources); run the tests through ./mvnw");
        }
        int port = freePort();
        var endpoint = "http://127.0.0.1:" + port;
        var conf = logs.resolve("s3proxy-" + port + ".conf");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "s3proxy.endpoint=" + endpoint,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=transient-nio2",
                        "jclouds.identity=local",
                        "jclouds.credential=local",
                        ""));
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString(),
                        "--properties",
                        conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("s3proxy.log").toFile())
                .start();
        processes.add(process);
        awaitPort(port, process, "S3Proxy", logs.resolve("s3proxy.log"));
        return URI.create(endpoint);
    }

    // ---- dynalite -------------------------------------------------------------------------------

    private URI startDynalite(Path logs) throws IOException, InterruptedException {
        var cli = dynaliteCli();
        int port = freePort();
        var process = new ProcessBuilder(
                        "node",
                        cli.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--createTableMs",
                        "0",
                        "--deleteTableMs",
                        "0",
                        "--updateTableMs",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("dynalite.log").toFile())
                .start();
        processes.add(process);
        awaitPort(port, process, "dynalite", logs.resolve("dynalite.log"));
        return URI.create("http://127.0.0.1:" + port);
    }

    /** dynalite's command, installed with npm into {@code ~/.cache/sorot/dynalite-<version>} when missing. */
    static Path dynaliteCli() throws IOException, InterruptedException {
        var version = System.getProperty("sorot.test.dynalite.version", "4.0.0");
        var cacheRoot = System.getenv("SOROT_TEST_CACHE");
        var dir = (cacheRoot == null || cacheRoot.isBlank()
                        ? Path.of(System.getProperty("user.home"), ".cache", "sorot")
                        : Path.of(cacheRoot))
                .resolve("dynalite-" + version);
        var cli = dir.resolve("node_modules").resolve("dynalite").resolve("cli.js");
        if (Files.isRegularFile(cli)) {
            return cli;
        }
        Files.createDirectories(dir);
        var npm = new ProcessBuilder(
                        "npm",
                        "install",
                        "--prefix",
                        dir.toString(),
                        "dynalite@" + version,
                        "--no-audit",
                        "--no-fund",
                        "--omit=dev",
                        "--loglevel=error")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("npm-install.log").toFile());
        Process process;
        try {
            process = npm.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The DynamoDB tests need Node.js and npm (for dynalite); install them "
                            + "(.ci/run does) or put dynalite at " + cli,
                    e);
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.isRegularFile(cli)) {
            throw new IllegalStateException("npm could not install dynalite@" + version + " into " + dir + "; see "
                    + dir.resolve("npm-install.log"));
        }
        return cli;
    }

    // ---- plumbing -------------------------------------------------------------------------------

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process process, String name, Path log)
            throws InterruptedException, IOException {
        try {
            await(name + " listening on " + port)
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    name + " exited (" + process.exitValue() + "): " + tail(log));
                        }
                        try (var socket = new Socket()) {
                            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                            return true;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not listen on " + port + " within 60 s: " + tail(log), e);
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        var text = Files.readString(log);
        return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    }

    private void stop() {
        for (var process : processes) {
            process.destroy();
        }
        try {
            elasticMq.stopAndWait();
        } catch (RuntimeException ignored) {
            // the JVM is ending anyway
        }
        wireMock.stop();
        for (var process : processes) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
