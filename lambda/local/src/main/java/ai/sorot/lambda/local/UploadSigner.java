package ai.sorot.lambda.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the local upload URLs the way S3 presigns a PUT: the URL itself carries the right to
 * upload that one id, up to a size, until a time, so the client needs no token to send the bytes.
 */
public final class UploadSigner {

    private final SecretKeySpec key;

    public UploadSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** A signer keyed from the API token, so a token change revokes outstanding upload URLs. */
    public static UploadSigner fromToken(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return new UploadSigner(digest.digest(("sorot-upload:" + token).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign(String uploadId, Instant expires, long maxBytes) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            var payload = uploadId + "\n" + expires.getEpochSecond() + "\n" + maxBytes;
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String uploadId, Instant expires, long maxBytes, String signature, Instant now) {
        if (signature == null || now.isAfter(expires)) {
            return false;
        }
        var expected = sign(uploadId, expires, maxBytes).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
