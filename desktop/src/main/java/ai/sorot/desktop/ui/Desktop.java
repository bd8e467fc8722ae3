package ai.sorot.desktop.ui;

import java.util.function.Consumer;

/**
 * Hands files and links to the operating system (the system audio player, the browser). Set
 * once at start-up from the application's {@code HostServices}; tests replace it to observe.
 */
public final class Desktop {

    private static volatile Consumer<String> opener =
            uri -> System.err.println("sorot: cannot open " + uri + " (no desktop)");
    private static volatile SystemOpener files = PlatformOpener.forThisSystem();

    private Desktop() {}

    public static void setOpener(Consumer<String> newOpener) {
        opener = newOpener;
    }

    public static void openLink(String url) {
        opener.accept(url);
    }

    /** How files are handed to the system (its player, its file manager); tests give their own commands. */
    public static SystemOpener files() {
        return files;
    }

    public static void setFiles(SystemOpener newFiles) {
        files = newFiles;
    }
}
