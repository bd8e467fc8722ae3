package ai.sorot.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.model.api.CertificateFingerprint;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local server beyond loopback: HTTPS only, with the festival's certificate or one Sorot makes
 * and keeps; plain HTTP refused with TLS_REQUIRED and never answered in clear. Real TLS handshakes
 * on loopback with clients that trust a pinned fingerprint, or not.
 */
class ServerTlsTest {

    @TempDir
    Path dir;

    @Test
    void aServerOnANetworkAddressWithoutACertificateIsRefusedAndNothingListens() {
        var home = new SorotHome(dir.resolve("home"));
        var options = LocalServer.Options.defaults(home).withPort(0).withHost("0.0.0.0");
        assertThatThrownBy(() -> LocalServer.start(options))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TLS_REQUIRED))
                .hasMessageContaining("in clear");
        assertThat(home.serverInfo()).doesNotExist();
    }

    @Test
    void healthAnswersOverHttpsToAClientThatPinsTheFingerprint() throws Exception {
        var home = new SorotHome(dir.resolve("home"));
        var certificate = ServerCertificate.selfSigned(home.ensureExists().tls());
        try (var server =
                LocalServer.start(LocalServer.Options.defaults(home).withPort(0).withTls(certificate))) {
            assertThat(server.url().getScheme()).isEqualTo("https");
            assertThat(server.fingerprint()).contains(certificate.fingerprint());
            assertThat(Files.readString(home.serverInfo())).contains(certificate.fingerprint());

            var response = pinned(certificate.fingerprint())
                    .send(
                            HttpRequest.newBuilder(server.url().resolve("/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"ok\"");
        }
    }

    @Test
    void aClientWithAnotherPinOrOnlyTheSystemTrustIsRefusedTheHandshake() throws Exception {
        var home = new SorotHome(dir.resolve("home"));
        var certificate = ServerCertificate.selfSigned(home.ensureExists().tls());
        var other = ServerCertificate.selfSigned(dir.resolve("other-tls"));
        assertThat(other.fingerprint()).isNotEqualTo(certificate.fingerprint());
        try (var server =
                LocalServer.start(LocalServer.Options.defaults(home).withPort(0).withTls(certificate))) {
            var health = HttpRequest.newBuilder(server.url().resolve("/health"))
                    .timeout(Duration.ofSeconds(20))
                    .build();
            assertThatThrownBy(() -> pinned(other.fingerprint()).send(health, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
            try (var systemTrust = HttpClient.newHttpClient()) {
                assertThatThrownBy(() -> systemTrust.send(health, HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(SSLHandshakeException.class);
            }
        }
    }

    @Test
    void plainHttpToTheHttpsPortIsNeverAnsweredInClear() throws Exception {
        var home = new SorotHome(dir.resolve("home"));
        var certificate = ServerCertificate.selfSigned(home.ensureExists().tls());
        try (var server = LocalServer.start(
                        LocalServer.Options.defaults(home).withPort(0).withTls(certificate));
                var socket = new Socket(
                        InetAddress.getLoopbackAddress(), server.url().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + server.token()
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var answer = new String(readWhatComes(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertThat(answer).doesNotContain("HTTP/1.1 200").doesNotContain("status");
        }
    }

    @Test
    void sorotsOwnCertificateIsKeptOwnerOnlyAndReusedNamingLoopback() throws Exception {
        var folder = dir.resolve("tls");
        var first = ServerCertificate.selfSigned(folder);
        var again = ServerCertificate.selfSigned(folder);
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(again.generated()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("server-key.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        var certificate = first.certificate();
        certificate.checkValidity();
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .contains("localhost", "127.0.0.1");
        assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1); // not a CA
        assertThat(first.toString()).doesNotContain("PRIVATE").contains(first.fingerprint());
        assertThat(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void theFestivalsCertificateServesFromPemFilesOrAKeystore() throws Exception {
        var made = ServerCertificate.selfSigned(dir.resolve("made"));
        var cert = Files.copy(dir.resolve("made/server-cert.pem"), dir.resolve("festival.pem"));
        var key = Files.copy(dir.resolve("made/server-key.pem"), dir.resolve("festival.key"));
        var pem = ServerCertificate.fromPem(cert, key);
        assertThat(pem.fingerprint()).isEqualTo(made.fingerprint());
        assertThat(pem.generated()).isFalse();

        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("festival", made.key(), "secret".toCharArray(), new X509Certificate[] {made.certificate()});
        var p12 = dir.resolve("festival.p12");
        try (var out = Files.newOutputStream(p12)) {
            store.store(out, "secret".toCharArray());
        }
        var fromStore = ServerCertificate.fromKeystore(p12, "secret".toCharArray());
        assertThat(fromStore.fingerprint()).isEqualTo(made.fingerprint());
        var home = new SorotHome(dir.resolve("home"));
        try (var server =
                LocalServer.start(LocalServer.Options.defaults(home).withPort(0).withTls(fromStore))) {
            var response = pinned(made.fingerprint())
                    .send(
                            HttpRequest.newBuilder(server.url().resolve("/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }

        assertThatThrownBy(() -> ServerCertificate.fromKeystore(p12, "wrong".toCharArray()))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("festival.p12");
    }

    @Test
    void anUnreadableCertificateOrKeyIsInvalidParameterNamingTheFile() throws Exception {
        var made = ServerCertificate.selfSigned(dir.resolve("made"));
        var cert = dir.resolve("made/server-cert.pem");
        assertThatThrownBy(
                        () -> ServerCertificate.fromPem(dir.resolve("missing.pem"), dir.resolve("made/server-key.pem")))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("missing.pem")
                .hasMessageContaining("no such file");
        var notAKey = Files.writeString(dir.resolve("key.pem"), "hello");
        assertThatThrownBy(() -> ServerCertificate.fromPem(cert, notAKey))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("key.pem");
        var encrypted = Files.writeString(
                dir.resolve("enc.pem"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> ServerCertificate.fromPem(cert, encrypted)).hasMessageContaining("encrypted");
        assertThat(made.chain()).hasSize(1);
    }

    @Test
    void anRsaCertificateMadeWithOpensslServesWithItsKeyInPkcs8OrPkcs1() throws Exception {
        var cert = dir.resolve("cert.pem");
        var key = dir.resolve("key.pem");
        var rsa = dir.resolve("rsa.pem");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                openssl(
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-keyout",
                        key.toString(),
                        "-out",
                        cert.toString(),
                        "-subj",
                        "/CN=festival.example",
                        "-addext",
                        "subjectAltName=IP:127.0.0.1",
                        "-days",
                        "2"),
                "no openssl here");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                openssl("rsa", "-in", key.toString(), "-traditional", "-out", rsa.toString()),
                "this openssl cannot write a PKCS#1 key");
        assertThat(Files.readString(rsa)).contains("BEGIN RSA PRIVATE KEY");
        var pkcs8 = ServerCertificate.fromPem(cert, key);
        var pkcs1 = ServerCertificate.fromPem(cert, rsa);
        assertThat(pkcs1.fingerprint()).isEqualTo(pkcs8.fingerprint());
        var home = new SorotHome(dir.resolve("home"));
        try (var server =
                LocalServer.start(LocalServer.Options.defaults(home).withPort(0).withTls(pkcs1))) {
            var response = pinned(pkcs1.fingerprint())
                    .send(
                            HttpRequest.newBuilder(server.url().resolve("/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    private static boolean openssl(String... args) {
        try {
            var command = new java.util.ArrayList<String>();
            command.add("openssl");
            command.addAll(java.util.List.of(args));
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A client that trusts exactly one certificate, by its SHA-256 fingerprint, as a member's desktop does. */
    static HttpClient pinned(String fingerprint) throws Exception {
        var trust = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (!CertificateFingerprint.of(chain[0]).equals(fingerprint)) {
                    throw new CertificateException("not the pinned certificate");
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        var context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
        return HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static byte[] readWhatComes(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // the server said nothing more, or reset the connection: either way no clear answer
        }
        return out.toByteArray();
    }
}
