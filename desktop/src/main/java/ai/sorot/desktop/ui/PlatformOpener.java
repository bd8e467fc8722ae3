package ai.sorot.desktop.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Opens files with the system's own commands: {@code xdg-open} on Linux and other Unix desktops,
 * {@code open} on macOS, the file protocol handler and Explorer on Windows. The command's exit
 * status says whether it worked: {@code xdg-open} exits non-zero when no application handles the
 * file or no desktop is set up, and a missing command cannot start at all. (JavaFX's
 * {@code HostServices.showDocument} says nothing either way, and AWT's {@code Desktop} fights
 * JavaFX over GTK on Linux.)
 */
public final class PlatformOpener implements SystemOpener {

    /** A command still running after this has handed the file over (some run the player in the foreground). */
    private static final long HANDED_OVER_SECONDS = 5;

    private final List<String> openCommand;
    private final List<String> revealCommand;
    private final boolean revealSelectsFile;
    private final boolean trustExitStatus;

    /**
     * @param openCommand       the command the file's path is appended to, to open it
     * @param revealCommand     the command that shows a folder; it gets the file itself when {@code revealSelectsFile}, else its folder
     * @param trustExitStatus   false where the command's status means nothing (Explorer exits 1 on success)
     */
    public PlatformOpener(
            List<String> openCommand, List<String> revealCommand, boolean revealSelectsFile, boolean trustExitStatus) {
        this.openCommand = List.copyOf(openCommand);
        this.revealCommand = List.copyOf(revealCommand);
        this.revealSelectsFile = revealSelectsFile;
        this.trustExitStatus = trustExitStatus;
    }

    /** The commands of the system this runs on. */
    public static PlatformOpener forThisSystem() {
        var os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return new PlatformOpener(List.of("open"), List.of("open", "-R"), true, true);
        }
        if (os.contains("win")) {
            return new PlatformOpener(
                    List.of("rundll32", "url.dll,FileProtocolHandler"), List.of("explorer", "/select,"), true, false);
        }
        return new PlatformOpener(List.of("xdg-open"), List.of("xdg-open"), false, true);
    }

    @Override
    public boolean open(Path file) {
        return Files.isRegularFile(file)
                && run(openCommand, file.toAbsolutePath().toString());
    }

    @Override
    public boolean reveal(Path file) {
        var absolute = file.toAbsolutePath();
        var target = revealSelectsFile ? absolute : absolute.getParent();
        return target != null && Files.exists(target) && run(revealCommand, target.toString());
    }

    private boolean run(List<String> command, String argument) {
        var line = new ArrayList<>(command);
        if (!line.isEmpty() && line.getLast().endsWith(",")) {
            line.set(line.size() - 1, line.getLast() + argument); // explorer /select,PATH is one argument
        } else {
            line.add(argument);
        }
        try {
            var process = new ProcessBuilder(line)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(HANDED_OVER_SECONDS, TimeUnit.SECONDS)) {
                return true;
            }
            return !trustExitStatus || process.exitValue() == 0;
        } catch (IOException e) {
            return false; // no such command here: nothing can open the file this way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "NUL" : "/dev/null");
    }
}
