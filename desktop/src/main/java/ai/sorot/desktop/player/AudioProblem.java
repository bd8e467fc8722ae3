package ai.sorot.desktop.player;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.media.MediaException;

/** Why a summary cannot play here, said so a curator knows what to do about it. */
public final class AudioProblem {

    private AudioProblem() {}

    public static String describe(Path file, Throwable error) {
        var format = formatOf(file);
        var detail = error == null
                ? ""
                : error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        var lower = detail.toLowerCase(Locale.ROOT);
        if (error instanceof MediaException media && media.getType() == MediaException.Type.MEDIA_UNSUPPORTED
                || lower.contains("unsupported")
                || lower.contains("could not create player")) {
            String hint;
            if (format.equals("WAV") && lower.contains("could not create player")) {
                hint = " No sound output is available to it (no audio device, or the device is busy).";
            } else if (format.equals("MP3") && isLinux()) {
                hint =
                        " JavaFX plays MP3 on Linux only when libavcodec (FFmpeg) is installed, and needs a sound device.";
            } else {
                hint = " The system has no decoder for this file, or no sound device.";
            }
            return "This computer cannot play the " + format + " audio summary inside Sorot." + hint;
        }
        return "The " + format + " audio summary could not be played (" + detail + ").";
    }

    static String formatOf(Path file) {
        var name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "audio" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
