package ai.sorot.lambda.aws;

import ai.sorot.lambda.api.ApiRouter;
import ai.sorot.lambda.api.CommitteeApiContract;
import ai.sorot.lambda.aws.cloud.CloudBackend;
import ai.sorot.lambda.aws.cloud.LambdaApiHandler;
import ai.sorot.lambda.aws.testkit.CloudStack;
import ai.sorot.lambda.aws.testkit.LambdaEvents;
import ai.sorot.lambda.pipeline.BlobKeys;
import ai.sorot.lambda.pipeline.Job;
import ai.sorot.lambda.pipeline.Submission;
import ai.sorot.lambda.screenplay.ScriptFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The committee's routes through the Lambda handler, as API Gateway's HTTP API hands it payload
 * 2.0 events, on the cloud backend: the committee in DynamoDB (dynalite, the table from the SAM
 * template), analyses in the job table.
 */
class CommitteeLambdaTest extends CommitteeApiContract {

    static final String TOKEN = "sorot-committee-owner-token-0123456789";
    static final AtomicLong IDS = new AtomicLong(1_790_000_000_000L);
    static CloudStack stack;
    static CloudBackend backend;
    static LambdaApiHandler api;

    @BeforeAll
    static void start() {
        stack = CloudStack.create(Map.of("SOROT_API_TOKENS", TOKEN));
        backend = CloudBackend.open(stack.config(), stack.clients(), Clock.systemUTC());
        api = new LambdaApiHandler(new ApiRouter(backend.backend()));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Override
    protected Answer call(String method, String path, String body, String token, Map<String, String> headers) {
        var all = new HashMap<>(headers);
        if (token != null) {
            all.put("authorization", "Bearer " + token);
        }
        if (body != null) {
            all.put("content-type", "application/json");
        }
        var response = api.handleRequest(
                LambdaEvents.http(
                        method,
                        path.contains("?") ? path.substring(0, path.indexOf('?')) : path,
                        path.contains("?") ? path.substring(path.indexOf('?') + 1) : null,
                        body,
                        all),
                LambdaEvents.context("sorot-ai-analyzer", Duration.ofSeconds(29)));
        LambdaEvents.json(response); // the runtime can write it back
        var answerHeaders = new HashMap<String, String>();
        response.getHeaders().forEach((k, v) -> answerHeaders.put(k.toLowerCase(Locale.ROOT), v));
        return new Answer(response.getStatusCode(), answerHeaders, response.getBody());
    }

    @Override
    protected String ownerToken() {
        return TOKEN;
    }

    /** An analysis as the API function records one on submission (the worker is not needed to review it). */
    @Override
    protected String newAnalysis(String title) {
        var id = "analysis-%013d-committe".formatted(IDS.incrementAndGet());
        var submission = new Submission(
                "content-" + id,
                BlobKeys.source(id, ScriptFormat.FOUNTAIN),
                "x.fountain",
                ScriptFormat.FOUNTAIN,
                100,
                null,
                title);
        backend.jobs().create(Job.accepted(id, submission, title, Instant.now()), false);
        return id;
    }
}
