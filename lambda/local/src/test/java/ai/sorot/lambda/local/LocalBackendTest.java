package ai.sorot.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.sorot.lambda.api.SubmissionService;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.SorotException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackendTest {

    @TempDir
    Path dir;

    @Test
    void aBacklogLargerThanTheQueueIsWorkedOffAfterARestart() throws Exception {
        var home = new SorotHome(dir);
        var ids = new ArrayList<String>();
        try (var stopped = LocalBackend.open(LocalBackend.Options.defaults(home).withWorkers(0))) {
            var submissions = new SubmissionService(stopped.backend());
            for (int i = 0; i < 6; i++) {
                ids.add(submissions
                        .analyzeFile(
                                (TestScripts.cyberBobDebateFountain() + "\n[[" + i + "]]").getBytes(),
                                "bob.fountain",
                                null,
                                null,
                                false)
                        .analysisId());
            }
        }
        try (var backend = LocalBackend.open(
                LocalBackend.Options.defaults(home).withWorkers(1).withQueueCapacity(2))) {
            await("backlog worked off")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> backend.jobs().unfinished(10).isEmpty());
            for (var id : ids) {
                assertThat(backend.jobs().find(id).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
            }
        }
    }

    @Test
    void aFullQueueRefusesWithThrottledAndFailsTheJobItCouldNotQueue() {
        try (var backend = LocalBackend.open(
                LocalBackend.Options.defaults(new SorotHome(dir)).withWorkers(0).withQueueCapacity(1))) {
            var submissions = new SubmissionService(backend.backend());
            submissions.analyzeFile(TestScripts.brickAndSteelPdf(), "a.pdf", null, null, true);
            assertThatThrownBy(() -> submissions.analyzeFile(TestScripts.brickAndSteelPdf(), "a.pdf", null, null, true))
                    .isInstanceOfSatisfying(
                            SorotException.class,
                            e -> assertThat(e.code().name()).isEqualTo("THROTTLED"));
            var states = backend.jobs().list(10, null).jobs().stream()
                    .map(j -> j.state())
                    .toList();
            assertThat(states).containsExactlyInAnyOrder(JobState.QUEUED, JobState.FAILED);
        }
    }

    @Test
    void oneServerPerHome() {
        try (var first = LocalBackend.open(
                LocalBackend.Options.defaults(new SorotHome(dir)).withWorkers(0))) {
            assertThatThrownBy(() -> LocalBackend.open(LocalBackend.Options.defaults(new SorotHome(dir))))
                    .isInstanceOf(SorotException.class)
                    .hasMessageContaining("Another Sorot server is using");
        }
        LocalBackend.open(LocalBackend.Options.defaults(new SorotHome(dir)).withWorkers(0))
                .close(); // free again
    }
}
