package ai.sorot.desktop;

import java.nio.file.Path;

/** The desktop's command line. */
public record LaunchOptions(Path selfCheckImage, Path selfCheckFile, boolean startupProbe, boolean help) {

    public static final String USAGE = """
            usage: sorot desktop [--self-check OUT.png FILE] [--startup-probe]
              --self-check OUT.png FILE  start the app, submit FILE, wait for its analysis, open the report,
                                         write a screenshot of the window to OUT.png; exit 0, or 1 with the reason
              --startup-probe            print the epoch milliseconds at which the window was first drawn, then exit
            Environment: SOROT_HOME (default ~/.sorot), SOROT_API_URL and SOROT_API_TOKEN (a deployed API instead of the local one)""";

    public static LaunchOptions parse(String[] args) {
        Path image = null;
        Path file = null;
        boolean probe = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--self-check" -> {
                    if (i + 2 >= args.length) {
                        throw new IllegalArgumentException("--self-check needs OUT.png and FILE");
                    }
                    image = Path.of(args[++i]);
                    file = Path.of(args[++i]);
                }
                case "--startup-probe" -> probe = true;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        return new LaunchOptions(image, file, probe, help);
    }

    public boolean selfCheck() {
        return selfCheckImage != null;
    }
}
