package ai.sorot.lambda.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.sorot.lambda.archive.BoundedZipReader.Limits;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedZipReaderTest {

    private static final long BOMB_ENTRY = 290L << 20;
    private static ZipBombs.Packed zeros;

    @TempDir
    Path dir;

    @BeforeAll
    static void packOnce() {
        zeros = ZipBombs.zeros(BOMB_ENTRY);
    }

    private Path bomb(long declaredSize) throws IOException {
        var file = ZipBombs.write(
                dir.resolve("bomb.zip"), zeros, declaredSize, ZipBombs.names("items/a%d/source.pdf", 40));
        // the bomb: about 12 MB on disk, 40 entries of 290 MB (11.6 GB expanded)
        assertTrue(Files.size(file) < 13L << 20, "bomb is " + Files.size(file));
        return file;
    }

    @Test
    void listsTheNamesOfABombWithoutExpandingAnything() throws IOException {
        try (var zip = BoundedZipReader.open(bomb(BOMB_ENTRY), Limits.SESSION_BUNDLE)) {
            assertEquals(40, zip.names().size());
            assertTrue(zip.contains("items/a0/source.pdf"));
            assertEquals(0, zip.expandedBytes());
        }
    }

    @Test
    void refusesAnHonestBombFromItsDeclaredSizesBeforeExpandingIt() throws IOException {
        try (var zip = BoundedZipReader.open(bomb(BOMB_ENTRY), Limits.SESSION_BUNDLE)) {
            var e = assertThrows(SorotException.class, () -> zip.read("items/a0/source.pdf"));
            assertEquals(ErrorCode.ARCHIVE_TOO_LARGE, e.code());
            assertEquals(0, zip.expandedBytes());
        }
    }

    @Test
    void stopsABombThatHidesItsSizeAsSoonAsTheRatioIsCrossed() throws IOException {
        try (var zip = BoundedZipReader.open(bomb(1000), Limits.SESSION_BUNDLE)) {
            var e = assertThrows(SorotException.class, () -> {
                try (var in = zip.stream("items/a0/source.pdf")) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            });
            assertEquals(ErrorCode.ARCHIVE_TOO_LARGE, e.code());
            // the packed entry is under 300 KB; at 100:1 the reader stops by 30 MB, far from 290 MB
            long bound = (long) zeros.data().length * Limits.SESSION_BUNDLE.maxRatio() + 1;
            assertTrue(zip.expandedBytes() <= bound, "expanded " + zip.expandedBytes() + " > " + bound);
        }
    }

    @Test
    void refusesAStreamedBombWithoutReadingTheRestOfIt() throws IOException {
        var file = bomb(BOMB_ENTRY);
        try (var counted = new Counting(Files.newInputStream(file))) {
            var e = assertThrows(
                    SorotException.class,
                    () -> BoundedZipReader.readMatching(counted, Limits.SESSION_BUNDLE, name -> true));
            assertEquals(ErrorCode.ARCHIVE_TOO_LARGE, e.code());
            assertTrue(counted.count < Files.size(file) / 10, "read " + counted.count + " of " + Files.size(file));
        }
    }

    @Test
    void refusesMoreEntriesThanAllowed() throws IOException {
        var tiny = ZipBombs.zeros(10);
        var file = ZipBombs.write(dir.resolve("many.zip"), tiny, 10, ZipBombs.names("f%d.txt", 11));
        var limits = new Limits(1 << 20, 1 << 20, 10, 100);
        assertEquals(
                ErrorCode.ARCHIVE_TOO_LARGE,
                assertThrows(SorotException.class, () -> BoundedZipReader.open(file, limits))
                        .code());
        assertEquals(
                ErrorCode.ARCHIVE_TOO_LARGE,
                assertThrows(
                                SorotException.class,
                                () -> BoundedZipReader.readMatching(Files.newInputStream(file), limits, n -> false))
                        .code());
    }

    @Test
    void readsOnlyTheEntriesTheFormatNames() throws IOException {
        var text = "INT. KITCHEN - DAY\n\nMARA\nHello.\n".getBytes(StandardCharsets.UTF_8);
        var file = dir.resolve("script.highland");
        try (var out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("script.textbundle/"));
            out.putNextEntry(new ZipEntry("script.textbundle/assets/big.bin"));
            out.write(randomBytes(3 << 20));
            out.putNextEntry(new ZipEntry("script.textbundle/text.fountain"));
            out.write(text);
        }
        try (var zip = BoundedZipReader.open(file, Limits.DOCUMENT)) {
            var read = zip.readMatching(name -> name.endsWith(".fountain"));
            assertEquals(1, read.size());
            assertArrayEquals(text, read.get("script.textbundle/text.fountain"));
            assertEquals(text.length, zip.expandedBytes());
            assertThrows(NoSuchFileException.class, () -> zip.read("script.textbundle/missing.fountain"));
            assertThrows(NoSuchFileException.class, () -> zip.read("script.textbundle/"));
        }
        var streamed = BoundedZipReader.readMatching(
                Files.newInputStream(file), Limits.DOCUMENT, n -> n.endsWith(".fountain"));
        assertEquals(1, streamed.size());
        assertArrayEquals(text, streamed.get("script.textbundle/text.fountain"));
    }

    @Test
    void capsTheTotalAcrossEntries() throws IOException {
        var file = dir.resolve("two.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var name : new String[] {"a.bin", "b.bin"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write(randomBytes(1 << 20));
            }
        }
        var limits = new Limits(2 << 20, (3 << 20) / 2, 10, 100);
        try (var zip = BoundedZipReader.open(file, limits)) {
            zip.read("a.bin");
            assertEquals(
                    ErrorCode.ARCHIVE_TOO_LARGE,
                    assertThrows(SorotException.class, () -> zip.read("b.bin")).code());
        }
        assertEquals(
                ErrorCode.ARCHIVE_TOO_LARGE,
                assertThrows(
                                SorotException.class,
                                () -> BoundedZipReader.readMatching(Files.newInputStream(file), limits, n -> true))
                        .code());
    }

    @Test
    void aFileThatIsNotAZipIsADamagedArchive() throws IOException {
        var file = Files.writeString(dir.resolve("not.zip"), "INT. KITCHEN - DAY");
        assertThrows(ZipException.class, () -> BoundedZipReader.open(file, Limits.DOCUMENT));
        assertThrows(
                ZipException.class,
                () -> BoundedZipReader.readMatching(Files.newInputStream(file), Limits.DOCUMENT, n -> true));
    }

    private static byte[] randomBytes(int size) {
        var bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }
    }
}
