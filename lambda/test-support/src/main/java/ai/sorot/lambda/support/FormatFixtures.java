package ai.sorot.lambda.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Final Draft and Highland files written for the tests (no corpus text in them). */
public final class FormatFixtures {

    /** A short Fountain script, for the Highland files. */
    public static final String FOUNTAIN = """
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

    private FormatFixtures() {}

    /**
     * {@code night-ferry.fdx}: four numbered scenes (1, 2A, 3, 4), a dual-dialogue pair, a title
     * page, a shot, AllCaps runs, a new-page paragraph, and text Final Draft keeps but never prints.
     */
    public static byte[] finalDraft() {
        try (InputStream in = FormatFixtures.class.getResourceAsStream("/formats/night-ferry.fdx")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Highland 2's layout: a text bundle holding text.fountain, its info and an image. */
    public static byte[] highland() {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put(
                "The Lighthouse Keeper.textbundle/info.json",
                "{\"version\": 2, \"type\": \"net.daringfireball.markdown\"}".getBytes(StandardCharsets.UTF_8));
        entries.put("The Lighthouse Keeper.textbundle/text.fountain", FOUNTAIN.getBytes(StandardCharsets.UTF_8));
        entries.put(
                "The Lighthouse Keeper.textbundle/assets/cover.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        return zip(entries);
    }

    /** A zip holding the named entries, in order. */
    public static byte[] zip(Map<String, byte[]> entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
