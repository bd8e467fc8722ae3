package ai.sorot.lambda.cli;

import ai.sorot.lambda.local.ServerCertificate;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@code ./sorot serve}'s TLS options come to: the festival's certificate when one is given,
 * Sorot's own beyond loopback (made on first start, reused after), plain HTTP on loopback only.
 * Asking for plain HTTP beyond loopback is {@code TLS_REQUIRED}, never served.
 */
record ServeTls(Path certificate, Path key, Path keystore, boolean onLoopback, boolean plain, String password) {

    /** The certificate to serve with, or null for plain HTTP (loopback only). */
    ServerCertificate certificate(String host, SorotHome home) {
        boolean given = certificate != null || key != null || keystore != null;
        if ((certificate == null) != (key == null)) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER,
                    "--tls-cert and --tls-key go together: the certificate " + "and its private key.");
        }
        if (keystore != null && certificate != null) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER,
                    "Give the certificate either as PEM files "
                            + "(--tls-cert, --tls-key) or as a keystore (--tls-keystore), not both.");
        }
        if (plain && given) {
            throw new SorotException(ErrorCode.INVALID_PARAMETER, "--no-tls contradicts the certificate given.");
        }
        boolean loopback = isLoopback(host);
        if (plain) {
            if (!loopback) {
                throw new SorotException(
                        ErrorCode.TLS_REQUIRED,
                        "Plain HTTP is served on this computer (loopback) only; on "
                                + host
                                + " members' tokens and the scripts would cross the network in clear. Leave out --no-tls: "
                                + "Sorot then speaks HTTPS with its own certificate, or the festival's (--tls-cert, --tls-key).");
            }
            return null;
        }
        if (certificate != null) {
            return ServerCertificate.fromPem(certificate, key);
        }
        if (keystore != null) {
            return ServerCertificate.fromKeystore(keystore, password == null ? new char[0] : password.toCharArray());
        }
        if (loopback && !onLoopback) {
            return null;
        }
        return ServerCertificate.selfSigned(home.ensureExists().tls());
    }

    static boolean isLoopback(String host) {
        try {
            return host == null || InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER,
                    "Cannot listen on " + host + ": no such address on this " + "computer.",
                    e);
        }
    }

    /** The URL to try from this computer: a wildcard bind answers on loopback too (which the certificate names). */
    static URI onThisComputer(URI url) {
        try {
            if (InetAddress.getByName(url.getHost().replaceAll("^\\[|\\]$", "")).isAnyLocalAddress()) {
                return URI.create(url.getScheme() + "://127.0.0.1:" + url.getPort());
            }
        } catch (UnknownHostException e) {
            // a name: shown as it is
        }
        return url;
    }

    /** The URLs members can use: for a wildcard bind (0.0.0.0, ::), one per address of this machine. */
    static List<URI> memberUrls(URI url) {
        InetAddress bound;
        try {
            bound = InetAddress.getByName(url.getHost().replaceAll("^\\[|\\]$", ""));
        } catch (UnknownHostException e) {
            return List.of(url);
        }
        if (!bound.isAnyLocalAddress()) {
            return List.of(url);
        }
        var urls = new ArrayList<URI>();
        try {
            for (var nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (var address : Collections.list(nic.getInetAddresses())) {
                    if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                        continue;
                    }
                    var text = address.getHostAddress().replaceAll("%.*$", "");
                    urls.add(URI.create(url.getScheme() + "://"
                            + (address instanceof Inet6Address ? "[" + text + "]" : text) + ":" + url.getPort()));
                }
            }
        } catch (java.net.SocketException e) {
            // interfaces not listed: the owner knows the machine's address
        }
        return urls.isEmpty() ? List.of(url) : urls;
    }
}
