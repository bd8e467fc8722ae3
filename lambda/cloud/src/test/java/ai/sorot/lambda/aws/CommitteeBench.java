package ai.sorot.lambda.aws;

import ai.sorot.lambda.api.ApiRouter;
import ai.sorot.lambda.api.Backend;
import ai.sorot.lambda.aws.cloud.CloudBackend;
import ai.sorot.lambda.aws.cloud.LambdaApiHandler;
import ai.sorot.lambda.aws.testkit.CloudStack;
import ai.sorot.lambda.aws.testkit.LambdaEvents;
import ai.sorot.lambda.committee.ReviewWrite;
import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.pipeline.BlobKeys;
import ai.sorot.lambda.pipeline.Job;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.lambda.pipeline.Submission;
import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.Json;
import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.Review;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The committee at the scale: 20 readers, 3,000 analyses in one session with three readers
 * per script, half the assignments reviewed. Times {@code GET /sessions/{id}} (a lead's progress,
 * aggregates and agreement) and a reader's {@code GET /sessions/{id}/assignments/me}, on the local
 * server over loopback HTTP (SQLite) and through the Lambda handler on dynalite (DynamoDB), and
 * prints medians. Run by bench/committee-bench.sh; not a test.
 */
public final class CommitteeBench {

    private static final int WARMUP = 3;

    /** One request, answered with its status and body. */
    private interface Client extends Function<String[], String[]> {}

    public static void main(String[] args) {
        try {
            bench(args);
            System.exit(0); // the local AWS servers' threads would keep the JVM up
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void bench(String[] args) throws Exception {
        int readers = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int scripts = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        System.out.printf(
                "committee bench: %d readers, %d analyses, 3 readers per script, half reviewed; %d timed runs each%n",
                readers, scripts, runs);

        var only = args.length > 3 ? args[3] : "";
        if (!only.equals("dynamo")) {
            sqlite(readers, scripts, runs);
        }
        if (!only.equals("sqlite")) {
            dynamo(readers, scripts, runs);
        }
    }

    private static void sqlite(int readers, int scripts, int runs) throws Exception {
        var home = Files.createTempDirectory("sorot-committee-bench");
        var options = LocalServer.Options.defaults(new SorotHome(home))
                .withPort(0)
                .withBackend(LocalBackend.Options.defaults(new SorotHome(home)).withWorkers(0));
        try (var server = LocalServer.start(options)) {
            var http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Client client = request -> send(http, server.url(), request);
            run(
                    "SQLite, local server over loopback HTTP",
                    server.backend().backend(),
                    client,
                    server.token(),
                    readers,
                    scripts,
                    runs,
                    true);
        }
    }

    private static void dynamo(int readers, int scripts, int runs) throws Exception {
        var stack = CloudStack.create(Map.of("SOROT_API_TOKENS", "sorot-bench-owner-token-0123456789"));
        try {
            var backend = CloudBackend.open(stack.config(), stack.clients(), Clock.systemUTC());
            var handler = new LambdaApiHandler(new ApiRouter(backend.backend()));
            Client client = request -> {
                var headers = new HashMap<String, String>();
                headers.put("authorization", "Bearer " + request[3]);
                var path = request[1].contains("?") ? request[1].substring(0, request[1].indexOf('?')) : request[1];
                var query = request[1].contains("?") ? request[1].substring(request[1].indexOf('?') + 1) : null;
                var response = handler.handleRequest(
                        LambdaEvents.http(request[0], path, query, request[2], headers),
                        LambdaEvents.context("sorot-ai-analyzer", Duration.ofSeconds(29)));
                return new String[] {Integer.toString(response.getStatusCode()), response.getBody()};
            };
            // no extract outputs in S3 here: 3,000 puts to the local S3 stand-in fail under load, and the
            // page counts do not change what the two timed reads cost
            run(
                    "DynamoDB (dynalite), Lambda handler events",
                    backend.backend(),
                    client,
                    "sorot-bench-owner-token-0123456789",
                    readers,
                    scripts,
                    runs,
                    false);
        } finally {
            stack.close();
        }
    }

    private static void run(
            String label,
            Backend backend,
            Client client,
            String owner,
            int readers,
            int scripts,
            int runs,
            boolean pageCounts)
            throws Exception {
        System.out.println();
        System.out.println("== " + label);
        var random = new Random(42);
        long t0 = System.nanoTime();
        var ids = new ArrayList<String>();
        for (int i = 0; i < scripts; i++) {
            var id = "analysis-%013d-bench%03d".formatted(1_790_000_000_000L + i, i % 1000);
            var submission = new Submission(
                    "bench-" + id,
                    BlobKeys.source(id, ScriptFormat.FOUNTAIN),
                    "s.fountain",
                    ScriptFormat.FOUNTAIN,
                    1000,
                    null,
                    "Script " + i);
            backend.jobs().create(Job.accepted(id, submission, "Script " + i, Instant.now()), false);
            // what the extract step leaves: the page count comes third, as in a real screenplay.json
            var pages = 5 + random.nextInt(116);
            if (pageCounts) {
                backend.blobs()
                        .put(
                                BlobKeys.stepOutput(id, PipelineStep.EXTRACT),
                                ("{\"title\":\"Script " + i + "\",\"authors\":[],\"pageCount\":" + pages
                                                + ",\"elements\":[]}")
                                        .getBytes(StandardCharsets.UTF_8),
                                "application/json");
            }
            ids.add(id);
        }
        System.out.printf("setup: %d analyses recorded in %.1f s%n", scripts, seconds(t0));

        var tokens = new ArrayList<String>();
        var memberIds = new ArrayList<String>();
        for (int r = 0; r < readers; r++) {
            var created = json(
                    expect(client, "POST", "/members", "{\"name\":\"Reader " + r + "\",\"role\":\"reader\"}", owner));
            tokens.add(created.path("data").path("token").asText());
            memberIds.add(created.path("data").path("memberId").asText());
        }
        t0 = System.nanoTime();
        var body = Json.mapper()
                .writeValueAsString(Map.of(
                        "name",
                        "Bench",
                        "analysisIds",
                        ids,
                        "readersPerScript",
                        3,
                        "blind",
                        true,
                        "rubric",
                        List.of()));
        var session = json(expect(client, "POST", "/sessions", body, owner))
                .path("data")
                .path("sessionId")
                .asText();
        System.out.printf(
                "POST /sessions (%d scripts, each one's page count looked up in its extract output): %.2f s%n",
                scripts, seconds(t0));

        t0 = System.nanoTime();
        int written = 0;
        var committee = backend.committee();
        for (var assignment : committee.assignments(session)) {
            if (random.nextBoolean()) {
                var name = "Reader " + memberIds.indexOf(assignment.memberId());
                committee.putReview(
                        new Review(
                                assignment.analysisId(),
                                assignment.memberId(),
                                name,
                                1 + random.nextInt(5),
                                CommitteeVerdict.values()[random.nextInt(3)],
                                "",
                                false,
                                session,
                                null,
                                0,
                                Instant.now()),
                        ReviewWrite.NONE);
                written++;
            }
        }
        System.out.printf("setup: %d reviews written to the store in %.1f s%n", written, seconds(t0));

        var c = backend.committee();
        var m0 = memberIds.get(readers / 2);
        System.out.printf(
                "store calls alone (medians): assignments %.1f, session's reviews %.1f, queue %.1f, reader's reviews %.1f, "
                        + "members %.1f, session %.1f ms%n",
                time(runs, () -> c.assignments(session))[0],
                time(runs, () -> c.sessionReviews(session))[0],
                time(runs, () -> c.queue(session, m0))[0],
                time(runs, () -> c.sessionReviews(session, m0))[0],
                time(runs, () -> c.members())[0],
                time(runs, () -> c.session(session))[0]);
        var baseline = time(runs, () -> expect(client, "GET", "/analyses?limit=1", null, owner));
        System.out.printf("baseline GET /analyses?limit=1  median %6.1f ms  p90 %6.1f ms%n", baseline[0], baseline[1]);
        var progress = time(runs, () -> expect(client, "GET", "/sessions/" + session, null, owner));
        var whole = time(runs, () -> expect(client, "GET", "/sessions/" + session + "?limit=10000", null, owner));
        var wholeSize = expect(client, "GET", "/sessions/" + session + "?limit=10000", null, owner)
                .length();
        int[] pages = {0};
        var walk = time(runs, () -> {
            pages[0] = 0;
            String cursor = null;
            do {
                var answer = json(expect(
                        client,
                        "GET",
                        "/sessions/" + session + (cursor == null ? "" : "?cursor=" + cursor),
                        null,
                        owner));
                pages[0]++;
                var next = answer.path("data").path("nextCursor");
                cursor = next.isTextual() ? next.asText() : null;
            } while (cursor != null);
        });
        var queue = time(
                runs,
                () -> expect(client, "GET", "/sessions/" + session + "/assignments/me", null, tokens.get(readers / 2)));
        var queueSize = json(expect(
                        client, "GET", "/sessions/" + session + "/assignments/me", null, tokens.get(readers / 2)))
                .path("data")
                .size();
        var size = expect(client, "GET", "/sessions/" + session, null, owner).length();
        System.out.printf(
                "GET /sessions/{id}             median %6.1f ms  p90 %6.1f ms  (answer %d kB)%n",
                progress[0], progress[1], size / 1024);
        System.out.printf(
                "GET /sessions/{id}?limit=10000 median %6.1f ms  p90 %6.1f ms  (every script at once, answer %d kB)%n",
                whole[0], whole[1], wholeSize / 1024);
        System.out.printf(
                "every page of GET /sessions/{id} in turn (cursor to cursor) median %6.1f ms  p90 %6.1f ms  (%d pages)%n",
                walk[0], walk[1], pages[0]);
        System.out.printf(
                "GET /sessions/{id}/assignments/me median %6.1f ms  p90 %6.1f ms  (%d scripts in the queue)%n",
                queue[0], queue[1], queueSize);
    }

    private static double[] time(int runs, Runnable call) {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        var ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[runs / 2], ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.9) - 1)]};
    }

    private static String expect(Client client, String method, String path, String body, String token) {
        var answer = client.apply(new String[] {method, path, body, token});
        if (!answer[0].equals("200")) {
            throw new IllegalStateException(method + " " + path + " answered " + answer[0] + ": " + answer[1]);
        }
        return answer[1];
    }

    private static String[] send(HttpClient http, URI base, String[] request) {
        var builder = HttpRequest.newBuilder(base.resolve(request[1]))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + request[3])
                .method(
                        request[0],
                        request[2] == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(request[2]));
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new String[] {Integer.toString(response.statusCode()), response.body()};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
