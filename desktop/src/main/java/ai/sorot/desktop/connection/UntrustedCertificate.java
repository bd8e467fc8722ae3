package ai.sorot.desktop.connection;

import ai.sorot.model.api.ErrorCode;
import java.security.cert.CertificateException;
import java.util.Optional;

/**
 * A server presented a certificate the desktop does not trust: one it has never seen and that no
 * authority in the system's store vouches for ({@link Kind#UNKNOWN}: the curator may compare its
 * fingerprint with the owner's and accept it), or not the one accepted before ({@link Kind#CHANGED}:
 * refused, never silently taken).
 *
 * @param pinned the fingerprint accepted before (CHANGED only)
 */
public final class UntrustedCertificate extends CertificateException {

    public enum Kind {
        UNKNOWN,
        CHANGED
    }

    private final Kind kind;
    private final String host;
    private final int port;
    private final String fingerprint;
    private final String pinned;
    private final String subject;

    UntrustedCertificate(Kind kind, String host, int port, String fingerprint, String pinned, String subject) {
        super(message(kind, host, port, fingerprint, pinned));
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.fingerprint = fingerprint;
        this.pinned = pinned;
        this.subject = subject;
    }

    private static String message(Kind kind, String host, int port, String fingerprint, String pinned) {
        var server = server(host, port);
        return kind == Kind.UNKNOWN
                ? "The server at " + server + " presents a certificate this computer does not know (SHA-256 "
                        + fingerprint
                        + "). Compare it with the fingerprint the server's owner gave you: Settings, Test connection."
                : "The server at " + server + " presents a different certificate (SHA-256 " + fingerprint
                        + ") from the one you accepted (" + pinned
                        + "), so Sorot refused to connect. Ask the server's owner "
                        + "whether they changed it before trusting it.";
    }

    /** The certificate problem behind a failure, looked for along its causes. */
    public static Optional<UntrustedCertificate> in(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UntrustedCertificate u) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** {@code host:port}, an IPv6 host in brackets. */
    public String server() {
        return server(host, port);
    }

    private static String server(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public ErrorCode code() {
        return kind == Kind.UNKNOWN ? ErrorCode.CERTIFICATE_UNKNOWN : ErrorCode.CERTIFICATE_CHANGED;
    }

    public Kind kind() {
        return kind;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String pinned() {
        return pinned;
    }
    /** Who the certificate says it is, for the dialog: a self-signed one says what its maker chose. */
    public String subject() {
        return subject;
    }
}
