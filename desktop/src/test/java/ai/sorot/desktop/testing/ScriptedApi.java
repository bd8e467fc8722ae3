package ai.sorot.desktop.testing;

import ai.sorot.model.Json;
import ai.sorot.model.api.AnalysisPage;
import ai.sorot.model.api.AnalysisStatus;
import ai.sorot.model.api.AnalysisSummary;
import ai.sorot.model.api.AnalyzeAccepted;
import ai.sorot.model.api.AnalyzeRequest;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ApiResponse;
import ai.sorot.model.api.HealthInfo;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.UploadTicket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher answering the Sorot API contract: each analysis advances one step
 * every {@code pollsPerStep} status polls, a file named with "fail" fails at step 2. It checks the
 * bearer token like the real API. For client tests that need the contract's shapes and edge
 * cases without the backend.
 */
public final class ScriptedApi extends Dispatcher {

    public final String token;
    public final int pollsPerStep;
    public final List<AnalyzeRequest> analyzeRequests = new CopyOnWriteArrayList<>();
    public final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    public final AtomicInteger statusPolls = new AtomicInteger();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private record Job(String id, AnalyzeRequest request, AtomicInteger polls) {}

    public ScriptedApi(String token, int pollsPerStep) {
        this.token = token;
        this.pollsPerStep = pollsPerStep;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        var path = request.getUrl().encodedPath();
        var method = request.getMethod();
        try {
            if (path.equals("/health")) {
                return ok(new HealthInfo(
                        "ok", "test", "local", Map.of("coverage", "offline heuristics", "narrator", "espeak-ng")));
            }
            if (path.startsWith("/upload-target/") && method.equals("PUT")) {
                uploads.put(
                        path.substring("/upload-target/".length()),
                        request.getBody() == null
                                ? new byte[0]
                                : request.getBody().toByteArray());
                return new MockResponse.Builder().code(200).build();
            }
            if (!("Bearer " + token).equals(request.getHeaders().get("Authorization"))) {
                return error(401, "UNAUTHORIZED", "A valid API token is required.");
            }
            if (path.equals("/analyze") && method.equals("POST")) {
                var body = Json.mapper().readValue(request.getBody().toByteArray(), AnalyzeRequest.class);
                analyzeRequests.add(body);
                if (body.trailerUrl() != null && body.trailerUrl().contains("127.0.0.1")) {
                    return error(400, "URL_NOT_ALLOWED", "Trailer links must point to YouTube or Vimeo.");
                }
                var id = "analysis-" + (1_800_000_000_000L + ids.incrementAndGet()) + "-t" + ids.get();
                jobs.put(id, new Job(id, body, new AtomicInteger()));
                return ok(AnalyzeAccepted.started(id));
            }
            if (path.equals("/uploads") && method.equals("POST")) {
                var id = "up-" + ids.incrementAndGet();
                return ok(new UploadTicket(
                        id,
                        request.getUrl().resolve("/upload-target/" + id).toString(),
                        Instant.now().plusSeconds(900)));
            }
            if (path.equals("/status")) {
                statusPolls.incrementAndGet();
                var job = jobs.get(request.getUrl().queryParameter("id"));
                if (job == null) {
                    return error(404, "NOT_FOUND", "No such analysis.");
                }
                return ok(status(job));
            }
            if (path.equals("/analyses") && method.equals("GET")) {
                var items = jobs.values().stream()
                        .map(j -> new AnalysisSummary(
                                j.id(),
                                j.request().fileName(),
                                j.request().fileName(),
                                JobState.PROCESSING,
                                Instant.now(),
                                null,
                                null,
                                null))
                        .toList();
                return ok(new AnalysisPage(items, null));
            }
            if (path.startsWith("/analyses/")) {
                var rest = path.substring("/analyses/".length());
                var audio = rest.endsWith("/audio");
                var job = jobs.get(audio ? rest.substring(0, rest.length() - "/audio".length()) : rest);
                if (job == null) {
                    return error(404, "NOT_FOUND", "No such analysis.");
                }
                if (audio) {
                    return new MockResponse.Builder()
                            .code(200)
                            .setHeader("Content-Type", "audio/wav")
                            .body(new okio.Buffer().write(Wav.tone(2.0)))
                            .build();
                }
                var name = job.request().fileName();
                var title =
                        name.replaceFirst("\\.[a-z]+$", "").replace('-', ' ').toUpperCase();
                return ok(ContractFixtures.report(
                        job.id(), title, name, job.request().trailerUrl(), 12));
            }
            return error(404, "NOT_FOUND", "Not found.");
        } catch (Exception e) {
            return error(500, "INTERNAL", e.toString());
        }
    }

    private AnalysisStatus status(Job job) {
        int polls = job.polls().incrementAndGet();
        boolean failing =
                job.request().fileName() != null && job.request().fileName().contains("fail");
        int step = Math.min(6, 1 + (polls - 1) / pollsPerStep);
        boolean trailer = job.request().trailerUrl() != null;
        if (failing && step >= 2) {
            return new AnalysisStatus(
                    job.id(),
                    JobState.FAILED,
                    2,
                    5,
                    "Analyzing screenplay",
                    20,
                    ContractFixtures.steps(2, trailer, 2),
                    new ApiError("ANALYST_FAILED", "Analyzing screenplay: the coverage analyst stopped"));
        }
        if (step == 6) {
            return new AnalysisStatus(
                    job.id(),
                    JobState.COMPLETED,
                    5,
                    5,
                    "Generating audio summary",
                    100,
                    ContractFixtures.steps(6, trailer, null),
                    null);
        }
        return new AnalysisStatus(
                job.id(),
                JobState.PROCESSING,
                step,
                5,
                ContractFixtures.STEP_NAMES.get(step - 1),
                (step - 1) * 20,
                ContractFixtures.steps(step, trailer, null),
                null);
    }

    private static MockResponse ok(Object data) {
        return json(200, ApiResponse.ok(data));
    }

    private static MockResponse error(int code, String errorCode, String message) {
        return json(code, ApiResponse.failure(new ApiError(errorCode, message)));
    }

    private static MockResponse json(int code, Object body) {
        try {
            return new MockResponse.Builder()
                    .code(code)
                    .setHeader("Content-Type", "application/json")
                    .body(Json.mapper().writeValueAsString(body))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
