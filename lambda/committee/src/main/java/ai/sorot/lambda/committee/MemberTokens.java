package ai.sorot.lambda.committee;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Member tokens: 32 random bytes, shown once, kept only as their SHA-256. A lookup by hash finds
 * the candidate; the hashes are then compared in constant time, so the comparison itself says
 * nothing about how close a guess came.
 */
public final class MemberTokens {

    /** Every member token starts so, which tells it from the server's own API tokens and JWTs. */
    public static final String PREFIX = "sorot-member-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private MemberTokens() {}

    public static String newToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Constant-time comparison of two hex hashes. */
    public static boolean sameHash(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    public static boolean looksLikeMemberToken(String presented) {
        return presented != null && presented.startsWith(PREFIX);
    }
}
