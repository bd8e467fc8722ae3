package ai.sorot.lambda.api;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A request's body, read only when the route asks for it. The router checks the credential from
 * the head (headers, query) first, so a refused request's body is never read, and each route
 * says how much it takes: a JSON route at most {@code limit} bytes in memory, an upload a stream
 * the blob store writes to disk. API Gateway hands the Lambda function the whole body in the
 * event ({@link #of(APIGatewayV2HTTPEvent)}); the local server hands the socket's stream
 * ({@link #of(InputStream, long)}), so both run the same router.
 */
public sealed interface RequestBody {

    /** The length the client declared, or -1 when it did not say (chunked). */
    long declaredLength();

    /**
     * The whole body, if it is at most {@code limit} bytes; a body declared larger is refused
     * without reading a byte of it, an undeclared one as soon as it passes the limit.
     */
    byte[] readAll(long limit);

    /** The body as a stream, for a route that writes it elsewhere and bounds it itself. */
    InputStream stream();

    static RequestBody of(APIGatewayV2HTTPEvent event) {
        return new EventBody(event.getBody(), event.getIsBase64Encoded());
    }

    static RequestBody of(InputStream in, long declaredLength) {
        return new StreamBody(in, declaredLength);
    }

    /** A body with nothing in it. */
    static RequestBody empty() {
        return new EventBody(null, false);
    }

    static SorotException tooLarge(long limit) {
        return new SorotException(
                ErrorCode.FILE_TOO_LARGE,
                "The request is larger than %d MB; send big files through POST /uploads.".formatted(limit >> 20));
    }

    static SorotException endedEarly() {
        return new SorotException(
                ErrorCode.INVALID_PARAMETER,
                "The request body ended before the length it declared (was the connection closed?).");
    }

    /** API Gateway's body: already in memory, text or base64; decoded only when a route asks. */
    record EventBody(String body, boolean base64) implements RequestBody {

        @Override
        public long declaredLength() {
            return bytes().length;
        }

        @Override
        public byte[] readAll(long limit) {
            // base64 is 4 characters for 3 bytes: refuse an oversized one before decoding it
            if (body != null && (base64 ? (long) body.length() / 4 * 3 : body.length()) > limit) {
                throw tooLarge(limit);
            }
            var bytes = bytes();
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        }

        @Override
        public InputStream stream() {
            return new ByteArrayInputStream(bytes());
        }

        private byte[] bytes() {
            if (body == null) {
                return new byte[0];
            }
            if (!base64) {
                return body.getBytes(StandardCharsets.UTF_8);
            }
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new SorotException(ErrorCode.INVALID_BASE64, "The request body is marked base64 but is not.");
            }
        }
    }

    /** The local server's body: the socket's stream, read once, as far as the route asks. */
    final class StreamBody implements RequestBody {

        private final InputStream in;
        private final long declaredLength;

        StreamBody(InputStream in, long declaredLength) {
            this.in = in;
            this.declaredLength = declaredLength;
        }

        @Override
        public long declaredLength() {
            return declaredLength;
        }

        @Override
        public byte[] readAll(long limit) {
            if (declaredLength > limit) {
                throw tooLarge(limit);
            }
            try {
                if (declaredLength >= 0) {
                    var bytes = in.readNBytes((int) declaredLength);
                    if (bytes.length < declaredLength) {
                        throw endedEarly();
                    }
                    return bytes;
                }
                var out = new ByteArrayOutputStream();
                var buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (out.size() + (long) n > limit) {
                        throw tooLarge(limit);
                    }
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw endedEarly();
            }
        }

        @Override
        public InputStream stream() {
            return in;
        }
    }
}
