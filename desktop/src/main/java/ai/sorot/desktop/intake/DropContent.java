package ai.sorot.desktop.intake;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

/**
 * Reads a drag board or the clipboard the way browsers and file managers fill them: files,
 * {@code text/uri-list} (where a {@code file://} entry is a file), or plain text holding links.
 */
public final class DropContent {

    private static final DataFormat URI_LIST = lookup("text/uri-list");

    private DropContent() {}

    public static boolean mayHold(Clipboard board) {
        return board.hasFiles()
                || board.hasUrl()
                || board.hasString()
                || URI_LIST != null && board.hasContent(URI_LIST);
    }

    public static Dropped read(Clipboard board) {
        var files = new LinkedHashSet<Path>();
        var links = new LinkedHashSet<String>();
        if (board.hasFiles()) {
            for (File file : board.getFiles()) {
                files.add(file.toPath());
            }
        }
        var texts = new ArrayList<String>();
        if (board.hasUrl()) {
            texts.add(board.getUrl());
        }
        if (URI_LIST != null && board.hasContent(URI_LIST) && board.getContent(URI_LIST) instanceof String list) {
            texts.add(list);
        }
        if (board.hasString()) {
            texts.add(board.getString());
        }
        for (var text : texts) {
            for (var line : text.lines().map(String::strip).toList()) {
                if (line.regionMatches(true, 0, "file:", 0, 5)) {
                    try {
                        files.add(Path.of(URI.create(line)));
                    } catch (RuntimeException ignored) {
                        // not a usable file URI: leave it
                    }
                }
            }
            if (files.isEmpty() || !text.strip().regionMatches(true, 0, "file:", 0, 5)) {
                links.addAll(TrailerLinks.extract(text));
            }
        }
        // a dropped file's own path sometimes comes as text too; a link is what points at the web
        links.removeIf(l -> l.regionMatches(true, 0, "file:", 0, 5));
        return new Dropped(new ArrayList<>(files), new ArrayList<>(links));
    }

    private static DataFormat lookup(String mime) {
        var existing = DataFormat.lookupMimeType(mime);
        if (existing != null) {
            return existing;
        }
        try {
            return new DataFormat(mime);
        } catch (IllegalArgumentException e) {
            return DataFormat.lookupMimeType(mime);
        }
    }
}
