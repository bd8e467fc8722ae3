package ai.sorot.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.offline.OfflineCoverageAnalyst;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local server chooses no analysts itself: given none, it runs the offline ones whatever the
 * environment holds (the entry points choose from the environment and pass theirs in).
 */
@Timeout(60)
class OfflineUnlessToldTest {

    @TempDir
    Path home;

    @Test
    void aServerGivenNoAnalystsRunsTheOfflineOnesAndSaysSoOnHealth() {
        try (var server = LocalServer.start(LocalServer.Options.defaults(new SorotHome(home.resolve("sorot")))
                .withPort(0))) {
            var health = server.backend().backend().analysers().get();
            assertThat(health.get("coverage")).isEqualTo(OfflineCoverageAnalyst.PROVENANCE.label());
            assertThat(health).containsKeys("trailer", "narrator", "store", "queue");
        }
    }
}
