package ai.sorot.desktop;

import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.desktop.instance.SingleInstance;
import java.io.IOException;
import javafx.application.Application;

/**
 * Starts the desktop app. A plain class, not the {@code Application}: JavaFX on the class path
 * refuses to launch a main class that extends {@code Application} directly.
 *
 * <pre>
 *   sorot desktop                          the app
 *   sorot desktop FILE...                  the app with FILEs queued (or handed to the window already running)
 *   sorot desktop --version                print the version
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
        if (options.version()) {
            System.out.println(LaunchOptions.versionLine());
            return;
        }
        SorotApp.options = options;
        // PDFBox's complaints about a damaged PDF (pages of stack traces) never reach the terminal: Sorot says what is
        // wrong
        ai.sorot.lambda.screenplay.PdfTrouble.install();
        // the probes run apart from any window the user has open; a plain launch joins it
        if (!options.selfCheck() && !options.startupProbe()) {
            try {
                switch (SingleInstance.claim(DesktopHome.fromEnvironment(System.getenv()), options.files())) {
                    case SingleInstance.Forwarded forwarded -> {
                        System.out.println("Sorot is already running (process " + forwarded.pid() + "): "
                                + (forwarded.files() == 0
                                        ? "brought its window to the front."
                                        : "added " + forwarded.files() + " file" + (forwarded.files() == 1 ? "" : "s")
                                                + " to its queue."));
                        return;
                    }
                    case SingleInstance.Primary primary -> SorotApp.instance = primary.instance();
                }
            } catch (IOException e) {
                System.err.println("sorot desktop: cannot reach a running Sorot window (" + e.getMessage()
                        + "); starting a new one");
            }
        }
        Application.launch(SorotApp.class, args);
    }
}
