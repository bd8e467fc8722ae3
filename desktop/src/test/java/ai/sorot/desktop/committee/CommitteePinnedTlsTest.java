package ai.sorot.desktop.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.desktop.connection.ApiFailure;
import ai.sorot.desktop.connection.CertificatePins;
import ai.sorot.desktop.connection.SorotApi;
import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.ServerCertificate;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.model.committee.NewMember;
import ai.sorot.model.committee.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committee client goes through the app's client, so an office server with a self-signed
 * certificate the curator pinned is trusted for the committee's calls too, and refused before.
 */
class CommitteePinnedTlsTest {

    @TempDir
    Path dir;

    @Test
    void aPinnedSelfSignedOfficeServerAnswersTheCommitteesCalls() {
        var home = new SorotHome(dir.resolve("server"));
        var certificate = ServerCertificate.selfSigned(home.ensureExists().tls());
        var server =
                LocalServer.start(LocalServer.Options.defaults(home).withPort(0).withTls(certificate));
        var pins = new CertificatePins(new DesktopHome(dir.resolve("desktop")));
        var http = SorotApi.defaultClient(pins);
        try {
            var owner = new CommitteeClient(http, server.url(), server.token());
            assertThatThrownBy(owner::members)
                    .as("an unknown certificate is not taken silently")
                    .isInstanceOfSatisfying(
                            ApiFailure.class, f -> assertThat(f.isUnreachable()).isTrue());

            pins.pin("127.0.0.1", server.url().getPort(), certificate.fingerprint());
            var ada = owner.addMember(new NewMember("Ada Lind", null, Role.READER, null));
            assertThat(owner.members()).extracting(m -> m.memberId()).contains(ada.memberId());
        } finally {
            server.stop();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
