package ai.sorot.desktop.committee;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.connection.Connection;
import ai.sorot.desktop.connection.Endpoint;
import ai.sorot.desktop.connection.EndpointSource;
import ai.sorot.desktop.connection.SorotApi;
import ai.sorot.desktop.report.ReportViewModel;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A committee sync brings reports without audio; the audio comes from the server the first time the report opens. */
class CommitteeAudioTest {

    @TempDir
    Path dir;

    @Test
    void aSyncedReportFetchesItsAudioTheFirstTimeItOpensAndKeepsIt() throws Exception {
        try (var server = new CommitteeServer(dir)) {
            var id = server.analyse("Glass Orchard", 8);
            var token = server.reader("Ira Audio");
            var member = server.member("ira", token);
            member.sync().sync(member.client(), null, () -> false);
            assertThat(member.archive.library().contains(id)).isTrue();
            assertThat(member.archive.audio(id)).isEmpty();

            var io = Executors.newScheduledThreadPool(2);
            var http = SorotApi.defaultClient();
            try (var connection = new Connection(http, io, Runnable::run)) {
                connection.connect(EndpointSource.remote(new Endpoint(server.server.url(), token, false)));
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!connection.isOnline() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(connection.isOnline()).isTrue();
                var report = new ReportViewModel(member.archive, connection, io, Runnable::run);
                report.open(id, null);
                deadline = System.nanoTime() + 20_000_000_000L;
                while (report.audioProperty().get() == null && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(report.audioProperty().get()).isNotNull();
                assertThat(member.archive.audio(id))
                        .as("kept for offline listening")
                        .isPresent();
            } finally {
                io.shutdownNow();
                http.dispatcher().executorService().shutdown();
            }
        }
    }
}
