package ai.sorot.lambda.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.lambda.archive.ZipBombs;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Recommendation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing a session bundle never replaces what the receiver has, and is all or nothing. */
class SessionBundleImportTest {

    @TempDir
    Path dir;

    Library receiver;

    @BeforeEach
    void open() {
        receiver = Library.open(dir.resolve("receiver"));
        receiver.save(
                Reports.report(
                        "victim",
                        "Mine",
                        "Ana Ruiz",
                        "A detective reopens letters.",
                        List.of("Drama"),
                        Recommendation.RECOMMEND,
                        82,
                        104),
                new Library.Attachments(bytes("mine"), "audio/wav", null, bytes("%PDF mine"), "x.pdf"));
        receiver.rate("victim", 4);
        receiver.setNotes("victim", "my notes");
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void aBundleCannotReplaceAnAnalysisUnderAnotherItemsId() throws IOException {
        var bundle = bundle(
                "newcomer",
                Map.of(
                        "items/newcomer/report.json", report("victim", "Theirs"),
                        "items/newcomer/audio.wav", bytes("theirs")));

        assertThatThrownBy(() -> receiver.importBundle(bundle))
                .isInstanceOf(SorotException.class)
                .satisfies(e -> assertThat(((SorotException) e).code()).isEqualTo(ErrorCode.BUNDLE_INCONSISTENT))
                .hasMessageContaining("newcomer")
                .hasMessageContaining("victim");
        assertReceiverUntouched();
    }

    @Test
    void anAnalysisTheReceiverHasKeepsItsReportFilesAndDecisions() throws IOException {
        var bundle = bundle(
                "victim",
                Map.of(
                        "items/victim/report.json", report("victim", "Theirs"),
                        "items/victim/audio.wav", bytes("theirs"),
                        "items/victim/source.pdf", bytes("%PDF theirs")));

        var session = receiver.importBundle(bundle);

        assertThat(receiver.sessionItems(session.id())).containsExactly("victim");
        assertThat(receiver.report("victim").title()).isEqualTo("Mine");
        assertThat(receiver.audio("victim")).get().satisfies(p -> assertThat(p).hasBinaryContent(bytes("mine")));
        assertThat(receiver.source("victim")).get().satisfies(p -> assertThat(p).hasBinaryContent(bytes("%PDF mine")));
        var entry = receiver.entry("victim").orElseThrow();
        assertThat(entry.rating()).isEqualTo(4);
        assertThat(entry.notes()).isEqualTo("my notes");
    }

    @Test
    void aBundleThatFailsHalfWayLeavesNoHalfMadeSession() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("items/good/report.json", report("good", "Good"));
        entries.put("items/good/audio.wav", bytes("good audio"));
        entries.put("items/bad/report.json", bytes("{ this is not json"));
        var bundle = bundle(List.of("good", "bad"), entries);

        assertThatThrownBy(() -> receiver.importBundle(bundle))
                .isInstanceOf(SorotException.class)
                .satisfies(e -> assertThat(((SorotException) e).code()).isEqualTo(ErrorCode.BUNDLE_INCONSISTENT));
        assertThat(receiver.sessions()).isEmpty();
        assertThat(receiver.contains("good")).isFalse();
        assertThat(itemFolders()).containsExactly("victim");
        assertReceiverUntouched();
    }

    @Test
    void aBundleWithoutItsManifestIsRefusedWithoutExpandingTheRest() throws IOException {
        // one entry expanding to 350 MB: the old importer expanded 300 MB of it before refusing
        var bundle = ZipBombs.write(
                dir.resolve("no-manifest.zip"), ZipBombs.zeros(350L << 20), 350L << 20, "items/x/source.pdf");

        assertThatThrownBy(() -> receiver.importBundle(bundle))
                .isInstanceOf(SorotException.class)
                .satisfies(e -> assertThat(((SorotException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT))
                .hasMessageContaining("no bundle.json");
    }

    @Test
    void aZipBombBundleIsRefusedAsTooLargeAndLeavesNothing() throws IOException {
        var ids = List.of(ZipBombs.names("bomb-%d", 40));
        var plain = new LinkedHashMap<String, byte[]>();
        plain.put(SessionBundle.MANIFEST, manifest(ids));
        for (var id : ids) {
            plain.put("items/" + id + "/report.json", report(id, "Bomb " + id));
        }
        // the bundle: about 12 MB, 40 screenplays of 290 MB each (11.6 GB expanded)
        var bundle = ZipBombs.write(
                dir.resolve("bomb.zip"),
                plain,
                ZipBombs.zeros(290L << 20),
                290L << 20,
                ZipBombs.names("items/bomb-%d/source.pdf", 40));

        assertThatThrownBy(() -> receiver.importBundle(bundle))
                .isInstanceOf(SorotException.class)
                .satisfies(e -> assertThat(((SorotException) e).code()).isEqualTo(ErrorCode.ARCHIVE_TOO_LARGE));
        assertThat(receiver.sessions()).isEmpty();
        assertThat(itemFolders()).containsExactly("victim");
    }

    @Test
    void aNewAnalysisArrivesWithItsFilesAndReview() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("items/fresh/report.json", report("fresh", "Fresh"));
        entries.put("items/fresh/audio.mp3", bytes("ID3 fresh"));
        entries.put("items/fresh/source.fountain", bytes("INT. ROOM - DAY"));
        var bundle = bundle(List.of("fresh"), entries);

        var session = receiver.importBundle(bundle);

        assertThat(receiver.sessionItems(session.id())).containsExactly("fresh");
        assertThat(receiver.report("fresh").title()).isEqualTo("Fresh");
        assertThat(receiver.audio("fresh")).get().satisfies(p -> assertThat(p).hasBinaryContent(bytes("ID3 fresh")));
        assertThat(receiver.source("fresh")).get().satisfies(p -> assertThat(p).hasFileName("source.fountain"));
        assertThat(receiver.entry("fresh").orElseThrow().rating()).isEqualTo(3);
        assertThat(itemFolders()).containsExactlyInAnyOrder("victim", "fresh");
    }

    @Test
    void aMissingBundleIsFileNotFound() {
        assertThatThrownBy(() -> receiver.importBundle(dir.resolve("nowhere.zip")))
                .isInstanceOf(SorotException.class)
                .satisfies(e -> assertThat(((SorotException) e).code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
    }

    private void assertReceiverUntouched() {
        assertThat(receiver.size()).isEqualTo(1);
        assertThat(receiver.report("victim").title()).isEqualTo("Mine");
        assertThat(receiver.audio("victim")).get().satisfies(p -> assertThat(p).hasBinaryContent(bytes("mine")));
        assertThat(receiver.entry("victim").orElseThrow().title()).isEqualTo("Mine");
        assertThat(receiver.entry("victim").orElseThrow().notes()).isEqualTo("my notes");
    }

    private List<String> itemFolders() throws IOException {
        try (var files = Files.list(receiver.folder().resolve("items"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path bundle(String id, Map<String, byte[]> entries) throws IOException {
        return bundle(List.of(id), new LinkedHashMap<>(entries));
    }

    private Path bundle(List<String> ids, Map<String, byte[]> entries) throws IOException {
        var file = dir.resolve("bundle-" + System.nanoTime() + ".zip");
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
            }
            zip.putNextEntry(new ZipEntry(SessionBundle.MANIFEST));
            zip.write(manifest(ids));
        }
        return file;
    }

    private static byte[] manifest(List<String> ids) throws IOException {
        var items = ids.stream()
                .map(id -> new SessionBundle.Item(
                        id, null, true, 3, "ACCEPT", "their notes", true, List.of("theirs"), Map.of("Story", 2)))
                .toList();
        return Json.mapper()
                .writeValueAsBytes(new SessionBundle.Manifest(
                        SessionBundle.FORMAT,
                        "Shared round",
                        List.of(new ReviewSession.Criterion("Story", 10)),
                        items));
    }

    private static byte[] report(String analysisId, String title) throws IOException {
        return Json.mapper()
                .writeValueAsBytes(Reports.report(
                        analysisId,
                        title,
                        "Someone Else",
                        "Another logline.",
                        List.of("Drama"),
                        Recommendation.CONSIDER,
                        50,
                        90));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
