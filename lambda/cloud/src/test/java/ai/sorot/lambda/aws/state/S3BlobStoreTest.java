package ai.sorot.lambda.aws.state;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.aws.testkit.CloudStack;
import ai.sorot.lambda.pipeline.BlobKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The S3 blob store through the real SDK client and presigner, against S3Proxy. */
class S3BlobStoreTest {

    static CloudStack stack;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    S3BlobStore blobs;

    @BeforeAll
    static void startStack() {
        stack = CloudStack.create(Map.of());
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @BeforeEach
    void open() {
        blobs = new S3BlobStore(
                stack.clients().s3(),
                stack.clients().presigner(),
                stack.config().bucket(),
                Clock.systemUTC());
    }

    @Test
    void putGetStatDeleteAndAMissingKeyIsEmptyNotAnError() {
        var key = "analyses/analysis-1764000000000-abcdef12/coverage.json";
        blobs.put(key, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(blobs.get(key))
                .hasValueSatisfying(
                        b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}"));
        var info = blobs.stat(key).orElseThrow();
        assertThat(info.size()).isEqualTo(7);
        assertThat(info.contentType()).isEqualTo("application/json");
        blobs.put(key, "{}".getBytes(StandardCharsets.UTF_8), "application/json"); // replaced whole
        assertThat(blobs.get(key).orElseThrow()).hasSize(2);
        blobs.delete(key);
        blobs.delete(key); // deleting what is gone is fine
        assertThat(blobs.get(key)).isEmpty();
        assertThat(blobs.stat(key)).isEmpty();
    }

    @Test
    void aClientUploadsThroughThePresignedPutWithNoCredentialsOfItsOwn() throws Exception {
        var ticket = blobs.createUpload("upload-1764000000000-abcdefgh12345678", Duration.ofMinutes(15), 100L << 20);
        assertThat(ticket.uploadUrl())
                .contains("X-Amz-Signature=")
                .contains("uploads/upload-1764000000000-abcdefgh12345678");
        assertThat(ticket.expiresAt()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(14)));
        var pdf = "%PDF-1.7 a large screenplay".getBytes(StandardCharsets.UTF_8);
        var put = HTTP.send(
                HttpRequest.newBuilder(URI.create(ticket.uploadUrl()))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(blobs.get(BlobKeys.upload(ticket.uploadId())).orElseThrow()).isEqualTo(pdf);

        var tampered = ticket.uploadUrl().replace("X-Amz-Signature=", "X-Amz-Signature=0");
        var refused = HTTP.send(
                HttpRequest.newBuilder(URI.create(tampered))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void thePresignedGetServesTheAudioWithItsContentType() throws Exception {
        var key = BlobKeys.audio("analysis-1764000000000-abcdef12", "mp3");
        var mp3 = ai.sorot.lambda.aws.testkit.ServiceStubs.speechMp3();
        blobs.put(key, mp3, "audio/mpeg");
        var url = blobs.downloadUrl(key, Duration.ofMinutes(15), "audio/mpeg").orElseThrow();
        var get = HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(mp3);
        assertThat(get.headers().firstValue("content-type")).hasValue("audio/mpeg");
    }
}
