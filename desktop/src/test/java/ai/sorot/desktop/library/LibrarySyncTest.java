package ai.sorot.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.connection.Endpoint;
import ai.sorot.desktop.connection.SorotApi;
import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.desktop.testing.ContractFixtures;
import ai.sorot.desktop.testing.LibraryFixtures;
import ai.sorot.desktop.testing.Wav;
import ai.sorot.model.Json;
import ai.sorot.model.api.AnalysisPage;
import ai.sorot.model.api.AnalysisSummary;
import ai.sorot.model.api.ApiResponse;
import ai.sorot.model.api.JobState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library syncs from {@code GET /analyses} over real HTTP: completed ones it lacks, with their audio, page after page. */
class LibrarySyncTest {

    @TempDir
    Path dir;

    @Test
    void completedAnalysesMissingLocallyAreSavedWithTheirAudioAndOthersAreLeft() throws Exception {
        var requests = new CopyOnWriteArrayList<String>();
        var summaries = List.of(
                summary("api-1", JobState.COMPLETED),
                summary("api-2", JobState.PROCESSING),
                summary("lib-00000", JobState.COMPLETED),
                summary("api-3", JobState.COMPLETED),
                summary("api-4", JobState.FAILED));
        try (var server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    var path = request.getUrl().encodedPath();
                    requests.add(request.getMethod() + " " + path);
                    if (path.equals("/analyses")) {
                        // two pages: the cursor is followed
                        var cursor = request.getUrl().queryParameter("cursor");
                        return json(
                                cursor == null
                                        ? new AnalysisPage(summaries.subList(0, 3), "page-2")
                                        : new AnalysisPage(summaries.subList(3, 5), null));
                    }
                    if (path.endsWith("/audio")) {
                        return new MockResponse.Builder()
                                .code(200)
                                .setHeader("Content-Type", "audio/wav")
                                .body(new okio.Buffer().write(Wav.tone(1.0)))
                                .build();
                    }
                    var id = path.substring("/analyses/".length());
                    return json(ContractFixtures.report(id, "Synced " + id, id + ".pdf", null, 8));
                }
            });
            server.start();
            try (var archive = new AnalysisArchive(new DesktopHome(dir.resolve("home")))) {
                LibraryFixtures.fill(archive.library(), 1); // lib-00000 is already here
                var api = new SorotApi(
                        SorotApi.defaultClient(), new Endpoint(server.url("/").uri(), "token", false));

                var result = new LibrarySync(archive).run(api, () -> false);

                assertThat(result).isEqualTo(new LibrarySync.Result(5, 2, 0));
                var library = archive.library();
                assertThat(library.size()).isEqualTo(3);
                assertThat(library.entry("api-1").orElseThrow().title()).isEqualTo("Synced api-1");
                assertThat(library.audio("api-3")).isPresent();
                assertThat(Files.size(library.audio("api-3").orElseThrow())).isEqualTo(Wav.tone(1.0).length);
                assertThat(requests)
                        .doesNotContain("GET /analyses/api-2", "GET /analyses/lib-00000", "GET /analyses/api-4");

                // a second sync fetches nothing
                requests.clear();
                assertThat(new LibrarySync(archive).run(api, () -> false).saved())
                        .isZero();
                assertThat(requests).containsOnly("GET /analyses");
            }
        }
    }

    private static AnalysisSummary summary(String id, JobState state) {
        return new AnalysisSummary(
                id, id, id + ".pdf", state, Instant.parse("2026-11-20T10:00:00Z"), null, "CONSIDER", 60.0);
    }

    private static MockResponse json(Object data) {
        try {
            return new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", "application/json")
                    .body(Json.mapper().writeValueAsString(ApiResponse.ok(data)))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
