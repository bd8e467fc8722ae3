package ai.sorot.lambda.local;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A self-signed X.509 certificate made with the JDK alone (an EC P-256 key, signed with
 * SHA256withECDSA), for an office server whose festival has no certificate of its own. The JDK
 * has no public API to issue one, and a whole PKI library for one certificate is more than the
 * task needs, so the few DER structures of RFC 5280 are written here; the result is read back
 * with the JDK's {@link CertificateFactory} and its signature verified before it is used.
 * Members trust it by its fingerprint, not by a chain; its names only help {@code curl --cacert}.
 */
final class SelfSignedCertificate {

    static final String COMMON_NAME = "Sorot committee server";
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String CN = "2.5.4.3";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    record Issued(KeyPair keys, X509Certificate certificate) {}

    private SelfSignedCertificate() {}

    /**
     * @param dnsNames    host names the certificate names (e.g. localhost and this machine's name)
     * @param addresses   IP addresses it names
     */
    static Issued issue(List<String> dnsNames, List<InetAddress> addresses, Instant now) {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var keys = generator.generateKeyPair();
            var name = name(COMMON_NAME);
            var serial = new BigInteger(127, new SecureRandom()).add(BigInteger.ONE); // positive, never 0
            var tbs = sequence(
                    tagged(0xA0, integer(BigInteger.TWO)), // v3
                    integer(serial),
                    sequence(oid(ECDSA_SHA256)),
                    name,
                    sequence(
                            time(now.minus(Duration.ofDays(1))), time(now.plus(VALIDITY))), // a day back: clocks differ
                    name,
                    keys.getPublic().getEncoded(), // already a SubjectPublicKeyInfo
                    tagged(
                            0xA3,
                            sequence(
                                    extension(SUBJECT_ALT_NAME, false, alternativeNames(dnsNames, addresses)),
                                    extension(BASIC_CONSTRAINTS, true, sequence()), // not a CA
                                    extension(EXTENDED_KEY_USAGE, false, sequence(oid(SERVER_AUTH))))));
            var signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            var der = sequence(tbs, sequence(oid(ECDSA_SHA256)), bitString(signer.sign()));
            var certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
            certificate.verify(keys.getPublic()); // what we wrote is what the JDK reads
            return new Issued(keys, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The Java runtime cannot make an EC P-256 certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] alternativeNames(List<String> dnsNames, List<InetAddress> addresses) {
        var names = new java.util.ArrayList<byte[]>();
        for (var dns : dnsNames) {
            names.add(tlv(0x82, dns.getBytes(StandardCharsets.US_ASCII))); // [2] dNSName, IA5String
        }
        for (var address : addresses) {
            names.add(tlv(0x87, address.getAddress())); // [7] iPAddress
        }
        return sequence(names.toArray(byte[][]::new));
    }

    private static byte[] extension(String id, boolean critical, byte[] value) {
        return critical
                ? sequence(oid(id), tlv(0x01, new byte[] {(byte) 0xFF}), tlv(0x04, value))
                : sequence(oid(id), tlv(0x04, value));
    }

    private static byte[] name(String commonName) {
        var attribute = sequence(oid(CN), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)));
        return sequence(tlv(0x31, attribute)); // RDNSequence of one SET
    }

    /** UTCTime up to 2049, GeneralizedTime from 2050, as RFC 5280 requires. */
    private static byte[] time(Instant at) {
        var utc = at.atOffset(ZoneOffset.UTC);
        if (utc.getYear() < 2050) {
            return tlv(
                    0x17,
                    DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(utc).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(
                0x18,
                DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] bitString(byte[] bits) {
        var content = new byte[bits.length + 1]; // leading 0: no unused bits
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    static byte[] oid(String dotted) {
        var parts = dotted.split("\\.");
        var out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long arc = Long.parseLong(parts[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((arc >>> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0)); // base 128, high bit: more follows
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return tlv(0x30, out.toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        return tlv(tag, content);
    }

    /** Tag, DER length (short form under 128, else 0x8n and n big-endian bytes), content. */
    static byte[] tlv(int tag, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((length >>> (8 * i)) & 0xFF);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
