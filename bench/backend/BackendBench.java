import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The backend benchmark, in one run, each figure beside a reference measured the same way:
 *   cold start  : JVM launch to the first answered GET /health, vs the JDK HTTP server alone
 *   e2e         : a 120-page PDF from POST /analyze to status completed (offline, with audio)
 *   /status     : p50/p99 with 64 concurrent pollers, vs GET /health under the same load
 *   /analyze    : accept latency for a 1 MB PDF, vs the same body refused at validation
 * Usage: java -cp "lambda/cli/target/sorot-cli.jar:lambda/cli/target/lib/*" BackendBench.java REPO PDF OUTDIR
 */
public final class BackendBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    static Path repo;
    static Path out;
    static String javaBin;
    static List<String> jvmOptions;
    static final Map<String, Object> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        repo = Path.of(args[0]).toAbsolutePath();
        var pdf = Files.readAllBytes(Path.of(args[1]));
        out = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(out);
        javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the options ./sorot serve starts the server with: its own class-data archive, the serial collector
        var cds = repo.resolve("lambda/cli/target/sorot-serve.jsa");
        var opts = "-XX:SharedArchiveFile=" + cds + " -XX:+AutoCreateSharedArchive -Xshare:auto -XX:+UseSerialGC"
                + " -Xlog:cds=off -Xlog:cds+dynamic=off " + System.getenv().getOrDefault("SOROT_JAVA_OPTS", "");
        jvmOptions = List.of(opts.trim().split("\\s+"));
        System.out.printf("JVM %s, options %s, %d cores%n", Runtime.version(), opts, Runtime.getRuntime().availableProcessors());
        System.out.printf("screenplay: %s, %.2f MB%n", args[1], pdf.length / 1048576.0);
        System.out.printf("load average at start: %s (other work on this machine skews the tails)%n%n", loadAverage());

        if (System.getenv("BENCH_ONLY") == null) {
            coldStart();
        }
        var home = Files.createTempDirectory(out, "home-");
        int port = freePort();
        var server = startSorot(home, port, true);
        try {
            var base = URI.create("http://127.0.0.1:" + port);
            await(base.resolve("/health"), Duration.ofSeconds(30));
            var token = Files.readString(home.resolve("token")).strip();
            var only = System.getenv().getOrDefault("BENCH_ONLY", "");
            if (only.equals("accept")) {
                acceptLatency(base, token, pdf);
                return;
            }
            var ids = endToEnd(base, token, pdf);
            statusLoad(base, token, ids);
            acceptLatency(base, token, pdf);
        } finally {
            server.destroy();
            server.waitFor();
        }
        System.out.printf("%nload average at end: %s%n", loadAverage());
        Files.writeString(out.resolve("results.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println("\nresults written to " + out.resolve("results.json"));
    }

    // ---- cold start -----------------------------------------------------------------------------

    static void coldStart() throws Exception {
        var classes = out.resolve("classes");
        int runs = 7;
        var reference = new double[runs];
        var fresh = new double[runs];
        var existing = new double[runs];
        var referenceCpu = new double[runs];
        var existingCpu = new double[runs];
        var kept = Files.createTempDirectory(out, "cold-home-");
        // the first start after a build writes the server's class-data archive at exit, as ./sorot serve does
        int primePort = freePort();
        var firstEver = timeToFirstAnswer(sorot(Files.createTempDirectory(out, "cold-prime-"), primePort), primePort)[0];
        System.out.printf("Cold start, first start after a build (writes the class-data archive): %.0f ms%n", firstEver);
        for (int i = 0; i < runs; i++) {
            int port = freePort();
            var cmd = new ArrayList<String>(List.of(javaBin));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-cp", classes.toString(), "HelloServer", Integer.toString(port)));
            var ref = timeToFirstAnswer(new ProcessBuilder(cmd), port);
            reference[i] = ref[0];
            referenceCpu[i] = ref[1];
            fresh[i] = timeToFirstAnswer(sorot(Files.createTempDirectory(out, "cold-new-"), port = freePort()), port)[0];
            var restart = timeToFirstAnswer(sorot(kept, port = freePort()), port);
            existing[i] = restart[0];
            existingCpu[i] = restart[1];
        }
        System.out.println("Cold start, JVM launch to first answered GET /health (ms), " + runs + " runs each");
        row("JDK HttpServer alone (reference)", reference);
        row("sorot serve, first start (new home)", fresh);
        row("sorot serve, restart (existing home)", existing);
        System.out.printf("  ratio sorot restart / reference: %.2f%n", median(existing) / median(reference));
        System.out.println("  CPU time to the first answer (ms; what a busy machine cannot stretch):");
        row("JDK HttpServer alone (reference)", referenceCpu);
        row("sorot serve, restart (existing home)", existingCpu);
        System.out.println();
        results.put("coldStartMs", Map.of("reference", summary(reference), "newHome", summary(fresh), "existingHome", summary(existing),
                "referenceCpu", summary(referenceCpu), "existingHomeCpu", summary(existingCpu), "firstAfterBuild", firstEver));
    }

    static ProcessBuilder sorot(Path home, int port) {
        var cmd = new ArrayList<String>(List.of(javaBin));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", repo.resolve("lambda/cli/target/sorot-cli.jar").toString(), "serve", "--port", Integer.toString(port)));
        var builder = new ProcessBuilder(cmd);
        builder.environment().put("SOROT_HOME", home.toString());
        return builder;
    }

    static Process startSorot(Path home, int port, boolean quiet) throws IOException {
        var builder = sorot(home, port);
        builder.redirectErrorStream(true).redirectOutput(out.resolve("server.log").toFile());
        return builder.start();
    }

    /** Wall time and the process's CPU time (user + system) from launch to the first answer, in ms. */
    static double[] timeToFirstAnswer(ProcessBuilder builder, int port) throws Exception {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        var process = builder.start();
        try {
            await(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(30));
            double wall = (System.nanoTime() - start) / 1e6;
            double cpu = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
            return new double[] {wall, cpu};
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    static void await(URI uri, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(uri + " did not answer within " + timeout);
            }
            Thread.sleep(2);
        }
    }

    // ---- end to end --------------------------------------------------------------------------------

    static List<String> endToEnd(URI base, String token, byte[] pdf) throws Exception {
        int runs = 3;
        var seconds = new double[runs];
        var ids = new ArrayList<String>();
        var steps = new LinkedHashMap<String, List<Double>>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            var id = submit(base, token, analyzeBody(pdf, "feature.pdf"));
            JsonNode status;
            do {
                Thread.sleep(10);
                status = get(base, token, "/status?id=" + id).path("data");
            } while (!status.path("status").asText().matches("completed|failed"));
            seconds[i] = (System.nanoTime() - start) / 1e9;
            if (!status.path("status").asText().equals("completed")) {
                throw new IllegalStateException("analysis failed: " + status);
            }
            ids.add(id);
            for (var step : status.path("steps")) {
                if (step.has("startedAt") && step.has("finishedAt")) {
                    double s = Duration.between(Instant.parse(step.path("startedAt").asText()),
                            Instant.parse(step.path("finishedAt").asText())).toMillis() / 1000.0;
                    steps.computeIfAbsent(step.path("name").asText(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        var report = get(base, token, "/analyses/" + ids.getLast()).path("data");
        System.out.printf("End to end, %d-page PDF, POST /analyze to status completed (s), %d runs%n",
                report.path("screenplay").path("pageCount").asInt(), runs);
        row("offline analysis with audio", seconds);
        steps.forEach((name, values) -> System.out.printf("    %-28s median %.2f s%n", name,
                median(values.stream().mapToDouble(Double::doubleValue).toArray())));
        System.out.printf("    audio summary: %.1f s of speech by %s%n%n", report.path("audio").path("durationSeconds").asDouble(),
                report.path("audio").path("voice").asText());
        results.put("endToEndSeconds", summary(seconds));
        results.put("endToEndPages", report.path("screenplay").path("pageCount").asInt());
        return ids;
    }

    // ---- /status under load ----------------------------------------------------------------------

    static void statusLoad(URI base, String token, List<String> seedIds) throws Exception {
        var ids = new ArrayList<>(seedIds);
        var fountain = Files.readString(repo.resolve("lambda/test-support/src/main/resources/scripts/cyber-bob-debate.fountain"));
        for (int i = 0; i < 21; i++) {
            var body = JSON.createObjectNode().put("fountainText", fountain + "\n\n[[bench " + i + "]]").put("fileName", "b.fountain");
            ids.add(submit(base, token, body.toString()));
        }
        for (var id : ids) {
            while (!get(base, token, "/status?id=" + id).path("data").path("status").asText().matches("completed|failed")) {
                Thread.sleep(20);
            }
        }
        System.out.printf("GET /status, 64 concurrent pollers over %d analyses, 10 s after 3 s warm-up (ms)%n", ids.size());
        if (wrkAvailable()) {
            var health = wrk(base, token, "/health", null);
            var status = wrk(base, token, "/status?id=", ids);
            loadRow("wrk GET /health (reference)", health);
            loadRow("wrk GET /status", status);
            System.out.printf("  ratio /status p99 / /health p99 (wrk): %.2f%n", status.p99 / health.p99);
            results.put("status64wrk", status.asMap());
            results.put("health64wrk", health.asMap());
        }
        var health = load(base, token, "/health", null, 64);
        var status = load(base, token, "/status?id=", ids, 64);
        loadRow("JDK client GET /health", health);
        loadRow("JDK client GET /status", status);
        System.out.printf("  ratio /status p99 / /health p99 (JDK client): %.2f%n%n", status.p99 / health.p99);
        results.put("status64", status.asMap());
        results.put("health64", health.asMap());
    }

    static boolean wrkAvailable() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() <= 1;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** wrk: one thread, 64 connections; a lean native client, so the figures are the server's. */
    static Load wrk(URI base, String token, String path, List<String> ids) throws Exception {
        var script = out.resolve("wrk-" + (ids == null ? "health" : "status") + ".lua");
        var lua = new StringBuilder("wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n");
        if (ids != null) {
            lua.append("local ids = {").append(String.join(",", ids.stream().map(i -> "\"" + i + "\"").toList())).append("}\n");
            lua.append("request = function() return wrk.format(\"GET\", \"").append(path)
                    .append("\" .. ids[math.random(#ids)]) end\n");
        } else {
            lua.append("request = function() return wrk.format(\"GET\", \"").append(path).append("\") end\n");
        }
        Files.writeString(script, lua);
        run("wrk", "-t1", "-c64", "-d3s", "-s", script.toString(), base.toString()); // warm-up
        var output = run("wrk", "-t1", "-c64", "-d10s", "--latency", "-s", script.toString(), base.toString());
        return new Load(wrkPercentile(output, "50%"), wrkPercentile(output, "90%"), wrkPercentile(output, "99%"), Double.NaN,
                wrkMax(output), Double.parseDouble(output.replaceAll("(?s).*Requests/sec:\\s+([0-9.]+).*", "$1")),
                output.contains("Non-2xx") ? Long.parseLong(output.replaceAll("(?s).*Non-2xx or 3xx responses: (\\d+).*", "$1")) : 0);
    }

    static String run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var text = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return text;
    }

    static double wrkPercentile(String output, String label) {
        var m = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
        return m.find() ? millis(m.group(1), m.group(2)) : Double.NaN;
    }

    static double wrkMax(String output) {
        var m = Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+([0-9.]+)(us|ms|s)").matcher(output);
        return m.find() ? millis(m.group(1), m.group(2)) : Double.NaN;
    }

    static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    record Load(double p50, double p90, double p99, double p999, double max, double perSecond, long errors) {
        Map<String, Object> asMap() {
            return Map.of("p50", p50, "p90", p90, "p99", p99, "p999", p999, "max", max, "perSecond", perSecond, "errors", errors);
        }
    }

    static Load load(URI base, String token, String path, List<String> ids, int pollers) throws Exception {
        var samples = new ConcurrentLinkedQueue<long[]>();
        var measuring = new AtomicBoolean(false);
        var stop = new AtomicBoolean(false);
        var errors = new java.util.concurrent.atomic.AtomicLong();
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < pollers; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                var mine = new long[1 << 18];
                int n = 0;
                while (!stop.get()) {
                    var target = ids == null ? path : path + ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                    var request = HttpRequest.newBuilder(base.resolve(target)).header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(10)).GET().build();
                    long start = System.nanoTime();
                    try {
                        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (measuring.get() && n < mine.length) {
                            mine[n++] = took;
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                samples.add(Arrays.copyOf(mine, n));
            }));
        }
        Thread.sleep(3000);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(10_000);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (var t : threads) {
            t.join();
        }
        var all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Load(pct(all, 50), pct(all, 90), pct(all, 99), pct(all, 99.9), all[all.length - 1] / 1e6,
                all.length / elapsed, errors.get());
    }

    // ---- /analyze accept latency ------------------------------------------------------------------

    static void acceptLatency(URI base, String token, byte[] pdf) throws Exception {
        var oneMb = pdf.length >= 1 << 20 ? pdf : pad(pdf, 1 << 20);
        var accepted = analyzeBody(oneMb, "feature.pdf");
        var notPdf = oneMb.clone();
        notPdf[0] = 'X';
        var refused = analyzeBody(notPdf, "feature.pdf");
        int warm = 20;
        int runs = 300;
        var acceptMs = new double[runs];
        var refuseMs = new double[runs];
        for (int i = 0; i < warm + runs; i++) {
            long a = timePost(base, token, accepted, 200);
            long r = timePost(base, token, refused, 422);
            if (i >= warm) {
                acceptMs[i - warm] = a / 1e6;
                refuseMs[i - warm] = r / 1e6;
            }
        }
        Arrays.sort(acceptMs);
        Arrays.sort(refuseMs);
        System.out.printf("POST /analyze, %.2f MB PDF inline (%.2f MB request), %d sequential requests (ms)%n",
                oneMb.length / 1048576.0, accepted.length() / 1048576.0, runs);
        System.out.printf("  %-40s p50 %7.2f  p99 %7.2f  max %7.2f%n", "refused at validation (reference)",
                pctD(refuseMs, 50), pctD(refuseMs, 99), refuseMs[runs - 1]);
        System.out.printf("  %-40s p50 %7.2f  p99 %7.2f  max %7.2f%n", "accepted (hash, store, record, queue)",
                pctD(acceptMs, 50), pctD(acceptMs, 99), acceptMs[runs - 1]);
        System.out.printf("  ratio accepted p50 / refused p50: %.2f (workers analyse the accepted scripts meanwhile)%n",
                pctD(acceptMs, 50) / pctD(refuseMs, 50));
        results.put("acceptMs", Map.of("p50", pctD(acceptMs, 50), "p99", pctD(acceptMs, 99), "max", acceptMs[runs - 1]));
        results.put("refuseMs", Map.of("p50", pctD(refuseMs, 50), "p99", pctD(refuseMs, 99), "max", refuseMs[runs - 1]));
    }

    static long timePost(URI base, String token, String body, int expected) throws Exception {
        var request = HttpRequest.newBuilder(base.resolve("/analyze")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != expected) {
            throw new IllegalStateException("expected " + expected + ": " + response.statusCode() + " " + response.body());
        }
        return took;
    }

    static byte[] pad(byte[] pdf, int size) {
        // bytes after %%EOF are ignored by PDF readers: a bigger file, the same screenplay
        var padded = Arrays.copyOf(pdf, size);
        Arrays.fill(padded, pdf.length, size, (byte) ' ');
        return padded;
    }

    static String analyzeBody(byte[] pdf, String name) {
        return JSON.createObjectNode().put("pdfData", Base64.getEncoder().encodeToString(pdf)).put("fileName", name)
                .put("force", true).toString();
    }

    static String submit(URI base, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(base.resolve("/analyze")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.body());
        }
        return JSON.readTree(response.body()).path("data").path("analysisId").asText();
    }

    static JsonNode get(URI base, String token, String path) throws Exception {
        var request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET().build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    // ---- figures ------------------------------------------------------------------------------------

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static Map<String, Double> summary(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        return Map.of("median", median(values), "min", sorted[0], "max", sorted[sorted.length - 1]);
    }

    static void row(String label, double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-40s median %8.2f  min %8.2f  max %8.2f%n", label, median(values), sorted[0],
                sorted[sorted.length - 1]);
    }

    static void loadRow(String label, Load load) {
        System.out.printf(Locale.ROOT, "  %-30s p50 %6.2f  p90 %6.2f  p99 %6.2f  p99.9 %6.2f  max %7.2f  %7.0f req/s  errors %d%n",
                label, load.p50, load.p90, load.p99, load.p999, load.max, load.perSecond, load.errors);
    }

    static double pct(long[] sortedNanos, double p) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    static double pctD(double[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)];
    }
}
