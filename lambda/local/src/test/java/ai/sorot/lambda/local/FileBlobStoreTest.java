package ai.sorot.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.model.api.SorotException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    private FileBlobStore store() {
        return new FileBlobStore(
                dir, () -> URI.create("http://127.0.0.1:9999"), UploadSigner.fromToken("t".repeat(40)), clock);
    }

    @Test
    void storesReadsAndDeletes() {
        var store = store();
        store.put("analyses/a/report.json", "{}".getBytes(), "application/json");
        assertThat(store.get("analyses/a/report.json")).contains("{}".getBytes());
        assertThat(store.stat("analyses/a/report.json").orElseThrow().contentType())
                .isEqualTo("application/json");
        assertThat(store.stat("analyses/a/report.json").orElseThrow().size()).isEqualTo(2);
        store.delete("analyses/a/report.json");
        store.delete("analyses/a/report.json");
        assertThat(store.get("analyses/a/report.json")).isEmpty();
    }

    @Test
    void deletingAnItemsLastFileRemovesItsFolderButNeverATopLevelOne() {
        var store = store();
        store.put("analyses/a/source.pdf", "%PDF-".getBytes(), "application/pdf");
        store.put("uploads/upload-1", "x".getBytes(), "application/octet-stream");
        store.delete("analyses/a/source.pdf");
        store.delete("uploads/upload-1");
        assertThat(dir.resolve("analyses/a")).doesNotExist();
        assertThat(dir.resolve("analyses")).isDirectory();
        assertThat(dir.resolve("uploads")).isDirectory();
    }

    @Test
    void aStreamOverItsLimitOrEmptyIsRefusedAndLeavesNeitherFileNorFolder() throws Exception {
        var store = store();
        assertThatThrownBy(() -> store.putStream(
                        "analyses/b/source.pdf",
                        new java.io.ByteArrayInputStream(new byte[1001]),
                        1000,
                        "application/pdf"))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code().name()).isEqualTo("FILE_TOO_LARGE"));
        assertThatThrownBy(() -> store.putStream(
                        "analyses/b/source.pdf",
                        new java.io.ByteArrayInputStream(new byte[0]),
                        1000,
                        "application/pdf"))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code().name()).isEqualTo("EMPTY_FILE"));
        assertThat(dir.resolve("analyses/b")).doesNotExist();
        assertThat(store.putStream(
                        "analyses/b/source.pdf",
                        new java.io.ByteArrayInputStream(new byte[1000]),
                        1000,
                        "application/pdf"))
                .isEqualTo(1000);
        try (Stream<Path> files = Files.list(dir.resolve("analyses/b"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("source.pdf");
        }
    }

    @Test
    void concurrentReplacementsLeaveOneWholeFileAndNoTemporaries() throws Exception {
        var store = store();
        var big = new byte[256 * 1024];
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 40; i++) {
                byte fill = (byte) i;
                pool.submit(() -> {
                            var content = big.clone();
                            java.util.Arrays.fill(content, fill);
                            store.put("analyses/a/summary.wav", content, "audio/wav");
                            var read = store.get("analyses/a/summary.wav").orElseThrow();
                            // whatever version a reader sees is whole: one fill value throughout
                            for (byte b : read) {
                                if (b != read[0]) {
                                    throw new AssertionError("torn read");
                                }
                            }
                            return null;
                        })
                        .get();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> p.getFileName().toString()))
                    .containsExactly("summary.wav");
        }
    }

    @Test
    void keysCannotLeaveTheBlobFolder() {
        var store = store();
        for (var key : new String[] {"../escape", "/etc/passwd", "analyses/../../x", "a//b", "", ".hidden"}) {
            assertThatThrownBy(() -> store.put(key, new byte[1], "x")).as(key).isInstanceOf(SorotException.class);
        }
    }

    @Test
    void uploadUrlsPointAtTheServerAndCarryAVerifiableSignature() {
        var store = store();
        var ticket = store.createUpload("upload-1764324000000-abcdefgh", Duration.ofHours(1), 1000);
        assertThat(ticket.uploadUrl())
                .startsWith("http://127.0.0.1:9999/uploads/upload-1764324000000-abcdefgh?expires=");
        assertThat(ticket.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        var query = LocalServerQuery.parse(URI.create(ticket.uploadUrl()).getRawQuery());
        var signer = UploadSigner.fromToken("t".repeat(40));
        var expires = Instant.ofEpochSecond(Long.parseLong(query.get("expires")));
        assertThat(signer.verify(
                        "upload-1764324000000-abcdefgh", expires, 1000, query.get("signature"), clock.instant()))
                .isTrue();
        assertThat(signer.verify(
                        "upload-1764324000000-zzzzzzzz", expires, 1000, query.get("signature"), clock.instant()))
                .isFalse();
        assertThat(signer.verify(
                        "upload-1764324000000-abcdefgh", expires, 10_000, query.get("signature"), clock.instant()))
                .isFalse();
        assertThat(signer.verify(
                        "upload-1764324000000-abcdefgh", expires, 1000, query.get("signature"), expires.plusSeconds(1)))
                .isFalse();
        assertThat(UploadSigner.fromToken("another token of forty characters......")
                        .verify(
                                "upload-1764324000000-abcdefgh",
                                expires,
                                1000,
                                query.get("signature"),
                                clock.instant()))
                .isFalse();
    }

    @Test
    void sweepRemovesStaleUploadsAndStrayTemporaries() throws Exception {
        var store = store();
        store.put("uploads/upload-1-old", new byte[3], "x");
        store.put("analyses/a/report.json", new byte[3], "x");
        var temp = dir.resolve("analyses/a/.tmp-crashed");
        Files.write(temp, new byte[3]);
        var old = java.nio.file.attribute.FileTime.from(clock.instant().minus(Duration.ofDays(2)));
        Files.setLastModifiedTime(dir.resolve("uploads/upload-1-old"), old);
        Files.setLastModifiedTime(temp, old);
        assertThat(store.sweep(Duration.ofDays(1))).isEqualTo(2);
        assertThat(store.get("analyses/a/report.json")).isPresent();
        assertThat(temp).doesNotExist();
    }

    @Test
    void hasNoDirectDownloadLinkLocally() {
        assertThat(store().downloadUrl("analyses/a/summary.wav", Duration.ofMinutes(5), "audio/wav"))
                .isEmpty();
    }

    /** The upload URL's query, parsed the way the server parses it. */
    static final class LocalServerQuery {
        static java.util.Map<String, String> parse(String raw) {
            return HttpEventBridge.queryParameters(raw);
        }
    }
}
