package ai.sorot.lambda.local;

import ai.sorot.lambda.files.OwnerOnly;
import ai.sorot.model.api.CertificateFingerprint;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The certificate and key the server speaks TLS with: the festival's own (PEM files or a PKCS#12
 * keystore), or one Sorot made on first start and keeps owner-only in {@code tls/} in its home,
 * reused after so the fingerprint members pinned stays the same. A file that cannot be read is
 * {@code INVALID_PARAMETER} saying which and why; the server then does not start.
 *
 * @param generated true for Sorot's own self-signed certificate
 */
public record ServerCertificate(PrivateKey key, List<X509Certificate> chain, boolean generated, String source) {

    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    public ServerCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new SorotException(ErrorCode.INVALID_PARAMETER, source + " holds no certificate.");
        }
    }

    /** The server's own certificate (the first of the chain). */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** SHA-256 of the certificate, {@code AB:CD:...}: what the owner hands to members. */
    public String fingerprint() {
        return CertificateFingerprint.of(certificate());
    }

    /** A certificate chain (PEM, leaf first) and its private key (PEM: PKCS#8, or PKCS#1 for RSA). */
    public static ServerCertificate fromPem(Path certificateFile, Path keyFile) {
        var chain = readCertificates(certificateFile);
        var key = readKey(keyFile, chain.getFirst().getPublicKey().getAlgorithm());
        return new ServerCertificate(key, chain, false, certificateFile.toString());
    }

    /** A PKCS#12 keystore (.p12/.pfx) holding one key entry; {@code password} may be empty. */
    public static ServerCertificate fromKeystore(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            var store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (var alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    var key = (PrivateKey) store.getKey(alias, password);
                    var chain = new ArrayList<X509Certificate>();
                    for (var c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new ServerCertificate(key, chain, false, keystore.toString());
                }
            }
            throw invalid(keystore, "it holds no private key entry");
        } catch (NoSuchFileException e) {
            throw invalid(keystore, "no such file");
        } catch (IOException | GeneralSecurityException e) {
            throw invalid(
                    keystore,
                    (e.getCause() instanceof java.security.UnrecoverableKeyException
                            ? "wrong password (set SOROT_TLS_PASSWORD)"
                            : e.getMessage()));
        }
    }

    /**
     * Sorot's own certificate in {@code folder}: read when it is there, made on first start (the key
     * written owner-only before the certificate, each through a temporary file, so a start cut
     * short leaves either both or a certificate-less folder that the next start fills).
     */
    public static ServerCertificate selfSigned(Path folder) {
        var certificateFile = folder.resolve("server-cert.pem");
        var keyFile = folder.resolve("server-key.pem");
        if (Files.isRegularFile(certificateFile) && Files.isRegularFile(keyFile)) {
            var kept = fromPem(certificateFile, keyFile);
            return new ServerCertificate(kept.key(), kept.chain(), true, kept.source());
        }
        var issued = SelfSignedCertificate.issue(names(), addresses(), Instant.now());
        try {
            OwnerOnly.createDirectories(folder);
            writePrivate(keyFile, pem("PRIVATE KEY", issued.keys().getPrivate().getEncoded()));
            writePrivate(
                    certificateFile, pem("CERTIFICATE", issued.certificate().getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "Cannot keep the server's certificate in " + folder + ": " + e.getMessage(), e);
        }
        return new ServerCertificate(
                issued.keys().getPrivate(), List.of(issued.certificate()), true, certificateFile.toString());
    }

    /** A TLS context that presents this certificate (TLS 1.2 and 1.3, the JDK's default suites). */
    public SSLContext sslContext() {
        try {
            var password = new char[0];
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, password, chain.toArray(X509Certificate[]::new));
            var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            var context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER,
                    "The key in " + source + " does not fit its certificate: " + e.getMessage(),
                    e);
        }
    }

    private static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var chain = new ArrayList<X509Certificate>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw invalid(file, "it holds no certificate");
            }
            return chain;
        } catch (NoSuchFileException e) {
            throw invalid(file, "no such file");
        } catch (IOException | GeneralSecurityException e) {
            throw invalid(file, "not a PEM or DER certificate (" + e.getMessage() + ")");
        }
    }

    private static PrivateKey readKey(Path file, String algorithm) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw invalid(file, "no such file");
        } catch (IOException e) {
            throw invalid(file, e.getMessage());
        }
        var match = PEM_KEY.matcher(text);
        if (!match.find()) {
            throw invalid(file, "no PEM private key in it (expected -----BEGIN PRIVATE KEY-----)");
        }
        var kind = match.group(1);
        var der = Base64.getMimeDecoder().decode(match.group(2));
        switch (kind) {
            case "ENCRYPTED PRIVATE KEY" ->
                throw invalid(
                        file,
                        "the key is encrypted; give an unencrypted one "
                                + "(openssl pkcs8 -topk8 -nocrypt) kept owner-only, or a PKCS#12 keystore with --tls-keystore");
            case "EC PRIVATE KEY" ->
                throw invalid(file, "an SEC1 EC key; convert it with 'openssl pkcs8 -topk8 -nocrypt'");
            case "RSA PRIVATE KEY" -> der = pkcs8FromPkcs1(der);
            default -> {}
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw invalid(
                    file, "the key is not a " + algorithm + " key matching the certificate (" + e.getMessage() + ")");
        }
    }

    /** PKCS#1 RSA key wrapped as PKCS#8: SEQUENCE { 0, rsaEncryption NULL, OCTET STRING pkcs1 }. */
    private static byte[] pkcs8FromPkcs1(byte[] pkcs1) {
        var version = new byte[] {0x02, 0x01, 0x00};
        var algorithm = SelfSignedCertificate.tlv(
                0x30, concat(SelfSignedCertificate.oid("1.2.840.113549.1.1.1"), new byte[] {0x05, 0x00}));
        return SelfSignedCertificate.tlv(0x30, concat(version, algorithm, SelfSignedCertificate.tlv(0x04, pkcs1)));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void writePrivate(Path target, String content) throws IOException {
        var temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, OwnerOnly.fileAttributes(temp));
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** localhost and this machine's name: what a member may type in the URL. */
    private static List<String> names() {
        var names = new ArrayList<>(List.of("localhost"));
        try {
            var host = InetAddress.getLocalHost().getHostName();
            if (host.matches("[A-Za-z0-9.-]+") && !names.contains(host)) {
                names.add(host);
            }
        } catch (IOException e) {
            // no name resolvable: the addresses and the fingerprint still identify the server
        }
        return names;
    }

    /** Loopback and this machine's addresses when the certificate is made. */
    static List<InetAddress> addresses() {
        var addresses = new ArrayList<InetAddress>();
        addresses.add(InetAddress.getLoopbackAddress());
        try {
            for (var nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (var address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress() && !addresses.contains(address)) {
                        addresses.add(InetAddress.getByAddress(address.getAddress())); // drops a scope id
                    }
                }
            }
        } catch (SocketException | java.net.UnknownHostException e) {
            // no interfaces listed: loopback alone
        }
        return addresses;
    }

    private static SorotException invalid(Path file, String why) {
        return new SorotException(ErrorCode.INVALID_PARAMETER, "Cannot use " + file + " for TLS: " + why + ".");
    }

    /** Never the key: a record would print it, and some JDK keys print their private values. */
    @Override
    public String toString() {
        return "ServerCertificate[" + certificate().getSubjectX500Principal().getName() + ", " + fingerprint()
                + (generated ? ", generated" : "") + ", " + source + "]";
    }
}
