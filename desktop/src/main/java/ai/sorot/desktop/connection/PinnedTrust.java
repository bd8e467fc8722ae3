package ai.sorot.desktop.connection;

import ai.sorot.model.api.CertificateFingerprint;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.internal.tls.OkHostnameVerifier;

/**
 * Trust on first use for a committee's office server: a server with a pinned certificate is
 * trusted with exactly that certificate (its fingerprint is its identity, so its names are not
 * checked); a server without a pin is trusted when its chain leads to the system's store (with
 * the usual host-name check), and otherwise refused with {@link UntrustedCertificate} carrying the
 * fingerprint, for the curator to compare and pin. A pinned server that presents another
 * certificate is refused, even one the system trusts: a pin is never overridden silently.
 */
public final class PinnedTrust extends X509ExtendedTrustManager implements HostnameVerifier {

    private final CertificatePins pins;
    private final X509TrustManager system;

    /** @param system what vouches for servers without a pin: the JDK's default store in the app */
    public PinnedTrust(CertificatePins pins, X509TrustManager system) {
        this.pins = pins;
        this.system = system;
    }

    public PinnedTrust(CertificatePins pins) {
        this(pins, systemTrust());
    }

    /** {@code builder} with this trust and host-name rule: every https call of the app goes through it. */
    public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
        try {
            var context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
            return builder.sslSocketFactory(context.getSocketFactory(), this).hostnameVerifier(this);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every Java runtime", e);
        }
    }

    /** The pinning trust of a client built with {@link #applyTo}, if it was. */
    public static Optional<PinnedTrust> of(OkHttpClient client) {
        return client.x509TrustManager() instanceof PinnedTrust trust ? Optional.of(trust) : Optional.empty();
    }

    public CertificatePins pins() {
        return pins;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        var session = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        check(chain, authType, session);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null);
    }

    private void check(X509Certificate[] chain, String authType, SSLSession session) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The server presented no certificate.");
        }
        var host = session == null ? null : session.getPeerHost();
        int port = session == null ? -1 : session.getPeerPort();
        var fingerprint = CertificateFingerprint.of(chain[0]);
        var pinned = host == null ? Optional.<String>empty() : pins.pinFor(host, port);
        if (pinned.isPresent()) {
            if (pinned.get().equals(fingerprint)) {
                return;
            }
            throw new UntrustedCertificate(
                    UntrustedCertificate.Kind.CHANGED,
                    host,
                    port,
                    fingerprint,
                    pinned.get(),
                    chain[0].getSubjectX500Principal().getName());
        }
        try {
            system.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            var unknown = new UntrustedCertificate(
                    UntrustedCertificate.Kind.UNKNOWN,
                    host == null ? "?" : host,
                    port,
                    fingerprint,
                    null,
                    chain[0].getSubjectX500Principal().getName());
            unknown.initCause(e);
            throw unknown;
        }
    }

    /**
     * A pinned server's certificate is its identity, whatever names it holds (a self-signed one
     * made for an office machine rarely names the address members type); any other is checked
     * by name as usual.
     */
    @Override
    public boolean verify(String hostname, SSLSession session) {
        try {
            var presented = session.getPeerCertificates();
            var pinned = pins.pinFor(hostname, session.getPeerPort());
            if (pinned.isPresent() && presented.length > 0 && presented[0] instanceof X509Certificate leaf) {
                return pinned.get().equals(CertificateFingerprint.of(leaf));
            }
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
        return OkHostnameVerifier.INSTANCE.verify(hostname, session);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("The desktop does not accept client connections.");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("The desktop does not accept client connections.");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("The desktop does not accept client connections.");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system.getAcceptedIssuers();
    }

    /** The JDK's default trust: the system's certificate authorities. */
    public static X509TrustManager systemTrust() {
        return trustOf(null);
    }

    /** The JDK's PKIX trust over {@code store} (null: the default store). */
    public static X509TrustManager trustOf(KeyStore store) {
        try {
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (var manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("The Java runtime has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Java runtime's trust store cannot be read: " + e.getMessage(), e);
        }
    }
}
