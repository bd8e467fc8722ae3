package ai.sorot.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.ServerCertificate;
import ai.sorot.model.api.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust on first use against a real HTTPS local server on loopback with a certificate Sorot made:
 * unknown until the curator pins its fingerprint, then trusted with that certificate only; a
 * different certificate is refused, never taken silently; a certificate the trust store vouches for
 * needs no pin.
 */
class PinnedTrustTest {

    @TempDir
    static Path dir;

    static LocalServer server;
    static ServerCertificate certificate;

    @TempDir
    Path desktopHome;

    @BeforeAll
    static void start() {
        var home = new ai.sorot.lambda.local.SorotHome(dir.resolve("server"));
        certificate = ServerCertificate.selfSigned(home.ensureExists().tls());
        server =
                LocalServer.start(LocalServer.Options.defaults(home).withPort(0).withTls(certificate));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private SorotApi api(OkHttpClient client) {
        return new SorotApi(client, new Endpoint(server.url(), server.token(), false));
    }

    @Test
    void anUnknownSelfSignedServerShowsItsFingerprintAndIsTrustedOnceItIsPinned() {
        var pins = new CertificatePins(new DesktopHome(desktopHome));
        var client = SorotApi.defaultClient(pins);

        assertThatThrownBy(() -> api(client).health()).isInstanceOfSatisfying(ApiFailure.class, f -> {
            assertThat(f.rawCode()).isEqualTo(ErrorCode.CERTIFICATE_UNKNOWN.name());
            assertThat(f.isUnreachable()).isFalse();
            var unknown = f.untrustedCertificate().orElseThrow();
            assertThat(unknown.fingerprint()).isEqualTo(certificate.fingerprint());
            assertThat(unknown.host()).isEqualTo("127.0.0.1");
            assertThat(unknown.port()).isEqualTo(server.url().getPort());
            assertThat(f.getMessage()).contains(certificate.fingerprint());
        });
        assertThat(pins.file()).doesNotExist();

        pins.pin("127.0.0.1", server.url().getPort(), certificate.fingerprint());
        var health = api(client).health();
        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.mode())
                .as("the token went through the pinned channel")
                .isEqualTo("local");
        assertThat(api(client).analyses(1, null).items()).isEmpty();
        assertThat(PinnedTrust.of(client)).isPresent();
    }

    @Test
    void aPinnedServerPresentingAnotherCertificateIsRefusedAndThePinKept() throws Exception {
        var pins = new CertificatePins(new DesktopHome(desktopHome));
        var other = ServerCertificate.selfSigned(desktopHome.resolve("other"));
        pins.pin("127.0.0.1", server.url().getPort(), other.fingerprint());
        var before = Files.readString(pins.file());

        assertThatThrownBy(() -> api(SorotApi.defaultClient(pins)).health())
                .isInstanceOfSatisfying(ApiFailure.class, f -> {
                    assertThat(f.rawCode()).isEqualTo(ErrorCode.CERTIFICATE_CHANGED.name());
                    var changed = f.untrustedCertificate().orElseThrow();
                    assertThat(changed.kind()).isEqualTo(UntrustedCertificate.Kind.CHANGED);
                    assertThat(changed.fingerprint()).isEqualTo(certificate.fingerprint());
                    assertThat(changed.pinned()).isEqualTo(other.fingerprint());
                    assertThat(f.getMessage()).contains("refused");
                });
        assertThat(Files.readString(pins.file())).isEqualTo(before);
    }

    @Test
    void aPinOverridesEvenACertificateTheTrustStoreVouchesFor() throws Exception {
        var pins = new CertificatePins(new DesktopHome(desktopHome));
        pins.pin(
                "127.0.0.1",
                server.url().getPort(),
                ServerCertificate.selfSigned(desktopHome.resolve("other")).fingerprint());
        var client = new PinnedTrust(pins, PinnedTrust.trustOf(storeTrusting(certificate)))
                .applyTo(new OkHttpClient.Builder())
                .build();
        assertThatThrownBy(() -> api(client).health())
                .isInstanceOfSatisfying(
                        ApiFailure.class, f -> assertThat(f.rawCode()).isEqualTo(ErrorCode.CERTIFICATE_CHANGED.name()));
    }

    @Test
    void aCertificateTheTrustStoreVouchesForNeedsNoPin() throws Exception {
        var pins = new CertificatePins(new DesktopHome(desktopHome));
        // the JDK's own PKIX trust over a store that holds the server's certificate, as a festival's CA-signed one
        // would be
        var client = new PinnedTrust(pins, PinnedTrust.trustOf(storeTrusting(certificate)))
                .applyTo(new OkHttpClient.Builder())
                .build();
        assertThat(api(client).health().status()).isEqualTo("ok");
        assertThat(pins.file()).doesNotExist();
    }

    @Test
    void pinsAreKeptOwnerOnlyAndReadBackByTheNextStart() throws Exception {
        var home = new DesktopHome(desktopHome);
        new CertificatePins(home)
                .pin(
                        "Office.Example",
                        8787,
                        certificate.fingerprint().toLowerCase().replace(":", ""));
        var again = new CertificatePins(home);
        assertThat(again.pinFor("office.example", 8787)).contains(certificate.fingerprint());
        assertThat(again.pinFor("office.example", 8788)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(again.file())))
                .isEqualTo("rw-------");
        again.forget("office.example", 8787);
        assertThat(new CertificatePins(home).pinFor("office.example", 8787)).isEmpty();
        assertThatThrownBy(() -> again.pin("h", 1, "not a fingerprint")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aServerBoundToEveryInterfaceTakesUploadsThroughThePinnedAddress() throws Exception {
        var home = new ai.sorot.lambda.local.SorotHome(desktopHome.resolve("wildcard-server"));
        try (var wildcard = LocalServer.start(LocalServer.Options.defaults(home)
                .withHost("0.0.0.0")
                .withPort(0)
                .withTls(certificate))) {
            int port = wildcard.url().getPort();
            var pins = new CertificatePins(new DesktopHome(desktopHome));
            pins.pin("127.0.0.1", port, certificate.fingerprint());
            var api = new SorotApi(
                    SorotApi.defaultClient(pins),
                    new Endpoint(java.net.URI.create("https://127.0.0.1:" + port), wildcard.token(), false));
            var file = Files.write(desktopHome.resolve("script.pdf"), "%PDF-1.7\nhello".getBytes());
            var ticket = api.createUpload(Files.size(file));
            assertThat(okhttp3.HttpUrl.get(ticket.uploadUrl()).host()).isIn("0.0.0.0", "::");
            api.upload(ticket, file); // to the wildcard it would meet an unpinned host: CERTIFICATE_UNKNOWN
            try (var stored = Files.walk(home.blobs())) {
                assertThat(stored.filter(Files::isRegularFile)
                                .filter(f -> f.toString().contains(ticket.uploadId())))
                        .hasSize(1);
            }
        }
    }

    private static KeyStore storeTrusting(ServerCertificate trusted) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("festival", trusted.certificate());
        return store;
    }
}
