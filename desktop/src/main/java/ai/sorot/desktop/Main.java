package ai.sorot.desktop;

import javafx.application.Application;

/**
 * Starts the desktop app. A plain class, not the {@code Application}: JavaFX on the class path
 * refuses to launch a main class that extends {@code Application} directly.
 *
 * <pre>
 *   sorot desktop                          the app
 *   sorot desktop --self-check OUT.png F   submit F, wait for the report, screenshot it, exit 0 (or 1 with the reason)
 *   sorot desktop --startup-probe          print when the window is usable, then exit (bench/desktop-startup.sh)
 * </pre>
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sorot desktop: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        SorotApp.options = options;
        Application.launch(SorotApp.class, args);
    }
}
