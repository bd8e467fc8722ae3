package ai.sorot.model.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate's SHA-256 fingerprint as the server prints it ({@code AB:CD:...}, 32 pairs) and
 * the desktop shows and pins it: one format on both sides, so the curator compares like with like.
 */
public final class CertificateFingerprint {

    private static final HexFormat PAIRS = HexFormat.ofDelimiter(":").withUpperCase();

    private CertificateFingerprint() {}

    public static String of(X509Certificate certificate) {
        try {
            return of(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** @param der the certificate's DER encoding */
    public static String of(byte[] der) {
        try {
            return PAIRS.formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * A fingerprint as typed or pasted (lower case, spaces, no colons, an "SHA256:" prefix) in
     * the canonical form; null when it is not 32 bytes of hex.
     */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        var hex = typed.strip()
                .toUpperCase(Locale.ROOT)
                .replaceFirst("^SHA-?256[:= ]*", "")
                .replaceAll("[\\s:]", "");
        if (!hex.matches("[0-9A-F]{64}")) {
            return null;
        }
        return PAIRS.formatHex(HexFormat.of().parseHex(hex));
    }
}
