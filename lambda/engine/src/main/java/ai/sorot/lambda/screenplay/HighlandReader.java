package ai.sorot.lambda.screenplay;

import ai.sorot.lambda.archive.BoundedZipReader;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.Screenplay;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Highland's {@code .highland} file: a zip holding the script as Fountain text. Highland has named
 * that entry differently across versions ({@code text.md} and {@code text.fountain} inside a
 * {@code .textbundle} folder, or a {@code .fountain} file of the script's name), so the entry is
 * found by its name first, then by its content: the text entry with the most screenplay in it.
 * The text is then read as any Fountain file is ({@link FountainSource}).
 * The zip is opened through the one bounded archive reader ({@link BoundedZipReader}, document
 * limits), so entries that expand past its caps are refused ({@code ARCHIVE_TOO_LARGE}) before they
 * fill memory; a damaged zip, or one with no script in it, is {@code UNSUPPORTED_FORMAT}.
 */
final class HighlandReader {

    /** Pictures and fonts are never the script: they stay compressed. */
    private static final Pattern BINARY =
            Pattern.compile("\\.(?:png|jpe?g|gif|tiff?|heic|pdf|ttf|otf|mov|mp4|m4a|wav)$");

    /** Names Highland gives the script's entry, best first. */
    private static final List<Pattern> SCRIPT_NAMES = List.of(
            Pattern.compile("(?:^|/)text\\.fountain$"),
            Pattern.compile("\\.fountain$"),
            Pattern.compile("(?:^|/)text\\.(?:md|markdown|txt)$"),
            Pattern.compile("\\.(?:md|markdown|txt|spmd)$"));

    Screenplay read(byte[] zip) {
        var entries = entries(zip);
        var script = byName(entries)
                .or(() -> byContent(entries))
                .orElseThrow(
                        () -> new SorotException(
                                ErrorCode.UNSUPPORTED_FORMAT,
                                "The file is a zip archive with no screenplay in it (no Fountain text among its "
                                        + entries.size()
                                        + " text entries), so not a Highland file; Sorot reads PDF, Fountain, Final Draft and Highland files."));
        String text = script.text();
        if (text.isBlank()) {
            throw new SorotException(
                    ErrorCode.EMPTY_FILE, "The Highland file's script (" + script.name() + ") is empty.");
        }
        // the one decision on Fountain text (readable, with a screenplay's structure), then named for its file
        var read = FountainSource.read(text);
        return new Screenplay(
                read.title(),
                read.authors(),
                read.pageCount(),
                Screenplay.SourceFormat.HIGHLAND,
                read.titlePage(),
                read.elements(),
                read.scenes(),
                read.stats());
    }

    private record Script(String name, String text) {}

    private record Entry(String name, byte[] bytes) {}

    private static List<Entry> entries(byte[] zip) {
        Map<String, byte[]> read;
        try {
            read = BoundedZipReader.readMatching(
                    new ByteArrayInputStream(zip),
                    BoundedZipReader.Limits.DOCUMENT,
                    name -> !isHidden(name)
                            && !BINARY.matcher(name.toLowerCase(Locale.ROOT)).find());
        } catch (IOException | IllegalArgumentException e) {
            throw new SorotException(
                    ErrorCode.UNSUPPORTED_FORMAT,
                    "The file is a damaged zip archive and cannot be opened as " + "a Highland file (" + e.getMessage()
                            + "); Sorot reads PDF, Fountain, Final Draft and Highland files.",
                    e);
        }
        return read.entrySet().stream()
                .map(e -> new Entry(e.getKey().replace('\\', '/'), e.getValue()))
                .toList();
    }

    private static Optional<Script> byName(List<Entry> entries) {
        for (var pattern : SCRIPT_NAMES) {
            var found = entries.stream()
                    .filter(e -> !isHidden(e.name())
                            && pattern.matcher(e.name().toLowerCase(Locale.ROOT))
                                    .find())
                    .map(e -> utf8(e).map(text -> new Script(e.name(), text)))
                    .flatMap(Optional::stream)
                    .max(Comparator.comparingInt(s -> s.text().length()));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Any text entry that reads as a screenplay: scene headings, or a Fountain title page. */
    private static Optional<Script> byContent(List<Entry> entries) {
        return entries.stream()
                .filter(e -> !isHidden(e.name()))
                .map(e -> utf8(e).map(text -> new Script(e.name(), text)))
                .flatMap(Optional::stream)
                .filter(s -> screenplaySigns(s.text()) > 0)
                .max(Comparator.comparingInt(s -> screenplaySigns(s.text())));
    }

    private static int screenplaySigns(String text) {
        int signs = 0;
        for (var line : text.lines().limit(20_000).toList()) {
            var t = line.strip();
            if (ScreenplayText.isSceneHeading(t) || t.matches("(?i)^(?:title|credit|author):.*")) {
                signs++;
            }
        }
        return signs;
    }

    /** macOS resource forks ({@code __MACOSX/}, {@code ._name}) and hidden files are never the script. */
    private static boolean isHidden(String name) {
        return name.startsWith("__MACOSX/") || name.contains("/.") || name.startsWith(".");
    }

    private static Optional<String> utf8(Entry entry) {
        try {
            var text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(entry.bytes()))
                    .toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
