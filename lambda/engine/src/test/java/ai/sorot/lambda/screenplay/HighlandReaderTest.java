package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.support.FormatFixtures;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.Screenplay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Highland files: the Fountain inside the zip is found whatever Highland version named it. */
class HighlandReaderTest {

    private final ScreenplayReader reader = new ScreenplayReader();

    @TempDir
    Path dir;

    static byte[] highland2() {
        return FormatFixtures.highland();
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        return FormatFixtures.zip(entries);
    }

    @Test
    void highland2TextBundleIsRead() throws IOException {
        var screenplay = reader.read(highland2(), "keeper.highland");
        assertThat(screenplay.format()).isEqualTo(Screenplay.SourceFormat.HIGHLAND);
        assertThat(screenplay.title()).isEqualTo("The Lighthouse Keeper");
        assertThat(screenplay.scenes()).hasSize(2);
        assertThat(FdxReaderTest.speeches(screenplay))
                .containsEntry("KEEPER", 2)
                .containsEntry("APPRENTICE", 1);
    }

    @Test
    void highland1TextMdIsRead() throws IOException {
        var bytes = zip(Map.of(
                "text.md",
                FormatFixtures.FOUNTAIN.getBytes(StandardCharsets.UTF_8),
                "info.json",
                "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(reader.read(bytes, "old.highland").scenes()).hasSize(2);
    }

    @Test
    void aFountainFileOfAnyNameIsRead() throws IOException {
        var bytes = zip(Map.of(
                "Keeper draft 3.fountain",
                FormatFixtures.FOUNTAIN.getBytes(StandardCharsets.UTF_8),
                "__MACOSX/._Keeper draft 3.fountain",
                new byte[] {0, 5, 22, 7}));
        assertThat(reader.read(bytes, "draft.highland").scenes()).hasSize(2);
    }

    @Test
    void anUnknownEntryNameIsFoundByItsContent() throws IOException {
        var bytes = zip(Map.of(
                "document.content",
                FormatFixtures.FOUNTAIN.getBytes(StandardCharsets.UTF_8),
                "settings.plist",
                "<plist><dict/></plist>".getBytes(StandardCharsets.UTF_8)));
        assertThat(reader.read(bytes, "future.highland").scenes()).hasSize(2);
    }

    @Test
    void theFormatComesFromTheBytesNotTheName() throws IOException {
        var file = Files.write(dir.resolve("keeper.fountain"), highland2());
        assertThat(reader.read(file).format()).isEqualTo(Screenplay.SourceFormat.HIGHLAND);
    }

    @Test
    void aZipWithNoScriptIsUnsupported() throws IOException {
        var bytes = zip(Map.of(
                "photo.jpg",
                new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0},
                "readme.json",
                "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
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
