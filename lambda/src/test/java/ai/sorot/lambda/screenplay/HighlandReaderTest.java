package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.Screenplay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Highland files: the Fountain inside the zip is found whatever Highland version named it. */
class HighlandReaderTest {

    /** A short script written for these tests. */
    static final String FOUNTAIN = """
            Title: The Lighthouse Keeper
            Credit: Written by
            Author: Pim Vos

            EXT. LIGHTHOUSE - NIGHT

            The lamp turns. Waves break on the rocks.

            KEEPER
            Another storm.

            APPRENTICE
            (nervous)
            Will it hold?

            INT. LAMP ROOM - CONTINUOUS

            The keeper polishes the glass.

            KEEPER
            It always has.
            """;

    private final ScreenplayReader reader = new ScreenplayReader();

    @TempDir
    Path dir;

    /** A zip holding the named entries. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Highland 2's layout: a text bundle with its info and assets. */
    static byte[] highland2() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("The Lighthouse Keeper.textbundle/info.json", "{\"version\": 2, \"type\": \"net.daringfireball.markdown\"}".getBytes(StandardCharsets.UTF_8));
        entries.put("The Lighthouse Keeper.textbundle/text.fountain", FOUNTAIN.getBytes(StandardCharsets.UTF_8));
        entries.put("The Lighthouse Keeper.textbundle/assets/cover.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        return zip(entries);
    }

    @Test
    void highland2TextBundleIsRead() throws IOException {
        var screenplay = reader.read(highland2(), "keeper.highland");
        assertThat(screenplay.format()).isEqualTo(Screenplay.SourceFormat.HIGHLAND);
        assertThat(screenplay.title()).isEqualTo("The Lighthouse Keeper");
        assertThat(screenplay.scenes()).hasSize(2);
        assertThat(FdxReaderTest.speeches(screenplay)).containsEntry("KEEPER", 2).containsEntry("APPRENTICE", 1);
    }

    @Test
    void highland1TextMdIsRead() throws IOException {
        var bytes = zip(Map.of("text.md", FOUNTAIN.getBytes(StandardCharsets.UTF_8), "info.json", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(reader.read(bytes, "old.highland").scenes()).hasSize(2);
    }

    @Test
    void aFountainFileOfAnyNameIsRead() throws IOException {
        var bytes = zip(Map.of("Keeper draft 3.fountain", FOUNTAIN.getBytes(StandardCharsets.UTF_8),
                "__MACOSX/._Keeper draft 3.fountain", new byte[] {0, 5, 22, 7}));
        assertThat(reader.read(bytes, "draft.highland").scenes()).hasSize(2);
    }

    @Test
    void anUnknownEntryNameIsFoundByItsContent() throws IOException {
        var bytes = zip(Map.of("document.content", FOUNTAIN.getBytes(StandardCharsets.UTF_8),
                "settings.plist", "<plist><dict/></plist>".getBytes(StandardCharsets.UTF_8)));
        assertThat(reader.read(bytes, "future.highland").scenes()).hasSize(2);
    }

    @Test
    void theFormatComesFromTheBytesNotTheName() throws IOException {
        var file = Files.write(dir.resolve("keeper.pdf"), highland2());
        assertThat(reader.read(file).format()).isEqualTo(Screenplay.SourceFormat.HIGHLAND);
    }

    @Test
    void aZipWithNoScriptIsUnsupported() throws IOException {
        var bytes = zip(Map.of("photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0}, "readme.json", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(codeOf(bytes)).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
    }

    @Test
    void aDamagedZipIsUnsupported() throws IOException {
        var bytes = highland2();
        var cut = java.util.Arrays.copyOf(bytes, 40);
        assertThat(codeOf(cut)).isIn(ErrorCode.UNSUPPORTED_FORMAT);
    }

    @Test
    void entriesThatExpandPastTheCapAreRefused() throws IOException {
        // a few hundred kilobytes of zip that inflate to more than the cap: refused while inflating
        var zeros = new byte[(int) ai.sorot.lambda.archive.BoundedZipReader.Limits.DOCUMENT.maxEntryBytes() + 1024];
        var bytes = zip(Map.of("text.fountain", zeros));
        assertThat(bytes.length).isLessThan(1 << 20);
        assertThat(codeOf(bytes)).isEqualTo(ErrorCode.ARCHIVE_TOO_LARGE);
    }

    private ErrorCode codeOf(byte[] bytes) {
        try {
            reader.read(bytes, "x.highland");
        } catch (SorotException e) {
            assertThat(e.getMessage()).isNotBlank();
            return e.code();
        }
        throw new AssertionError("no error raised");
    }
}
