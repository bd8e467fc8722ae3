package ai.sorot.desktop.committee;

import ai.sorot.desktop.connection.Endpoint;
import ai.sorot.desktop.connection.SorotApi;
import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.desktop.testing.TestPdfs;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.model.api.JobState;
import ai.sorot.model.committee.MemberCreated;
import ai.sorot.model.committee.NewMember;
import ai.sorot.model.committee.NewSession;
import ai.sorot.model.committee.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;

/**
 * A real {@code ./sorot serve} on loopback for the committee tests: the owner's analyses of real
 * PDFs, readers added through {@code POST /members}, and desktops (each with its own Sorot home,
 * library and member token) that can be taken offline and back.
 */
final class CommitteeServer implements AutoCloseable {

    final LocalServer server;
    final CommitteeClient owner;
    final OkHttpClient http = SorotApi.defaultClient();
    private final Path dir;
    private final List<AutoCloseable> opened = new ArrayList<>();

    CommitteeServer(Path dir) throws IOException {
        this.dir = dir;
        var home = Files.createDirectories(dir.resolve("server-home"));
        server = LocalServer.start(LocalServer.Options.defaults(new ai.sorot.lambda.local.SorotHome(home))
                .withPort(0));
        owner = new CommitteeClient(http, server.url(), server.token());
    }

    /** Analyses a generated screenplay PDF and waits for it: a real run of the local pipeline. */
    String analyse(String title, int scenes) throws Exception {
        var pdf = TestPdfs.screenplay(dir.resolve(title.replace(' ', '-') + ".pdf"), title, "Test Writer", scenes);
        var api = new SorotApi(http, new Endpoint(server.url(), server.token(), true));
        var id = api.submit(pdf, pdf.getFileName().toString(), null, null, title, false)
                .analysisId();
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            var state = api.status(id).status();
            if (state == JobState.COMPLETED) {
                return id;
            }
            if (state == JobState.FAILED) {
                throw new IllegalStateException("The analysis of " + title + " failed");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The analysis of " + title + " did not finish");
    }

    String reader(String name) {
        return addReader(name).token();
    }

    MemberCreated addReader(String name) {
        return owner.addMember(new NewMember(name, null, Role.READER, null));
    }

    String session(String name, List<String> analysisIds, int readersPerScript, boolean blind, List<String> readerIds) {
        return owner.createSession(new NewSession(name, analysisIds, readersPerScript, blind, List.of(), readerIds))
                .session()
                .sessionId();
    }

    /** A member's desktop: its own home and library; {@code online} false makes every call fail as offline. */
    final class Member implements AutoCloseable {
        final AtomicBoolean online = new AtomicBoolean(true);
        final AnalysisArchive archive;
        final CommitteeDesk desk;
        final String token;

        Member(String name, String token) throws IOException {
            this.token = token;
            var home = new DesktopHome(Files.createDirectories(dir.resolve("home-" + name)));
            archive = new AnalysisArchive(home);
            desk = new CommitteeDesk(
                    home,
                    archive,
                    () -> http,
                    () -> online.get() ? new Endpoint(server.url(), null, false) : null,
                    () -> Optional.of(token));
            opened.add(this);
        }

        CommitteeSync sync() {
            return desk.sync();
        }

        CommitteeClient client() {
            return desk.client().orElseThrow();
        }

        @Override
        public void close() {
            desk.close();
            archive.close();
        }
    }

    Member member(String name, String token) throws IOException {
        return new Member(name, token);
    }

    @Override
    public void close() {
        for (var c : opened) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing on the way out
            }
        }
        server.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
