package ai.sorot.desktop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The desktop's command line. */
public record LaunchOptions(
        Path selfCheckImage,
        Path selfCheckFile,
        boolean startupProbe,
        boolean help,
        boolean version,
        List<Path> files) {

    public static final String USAGE = """
            usage: sorot desktop [FILE...] [--self-check OUT.png FILE] [--startup-probe] [--version]
              FILE...                    screenplays (PDF or Fountain) or folders to add to the queue ("Open with Sorot");
                                         when Sorot already runs on this Sorot home, they go to that window
              --self-check OUT.png FILE  start the app, submit FILE, wait for its analysis, open the report,
                                         write a screenshot of the window to OUT.png; exit 0, or 1 with the reason
              --startup-probe            print the epoch milliseconds at which the window was first drawn, then exit
              --version                  print the version and exit
            Environment: SOROT_HOME (default ~/.sorot), SOROT_API_URL and SOROT_API_TOKEN (a deployed API instead of the local one)""";

    public LaunchOptions {
        files = List.copyOf(files);
    }

    public LaunchOptions(Path selfCheckImage, Path selfCheckFile, boolean startupProbe, boolean help) {
        this(selfCheckImage, selfCheckFile, startupProbe, help, false, List.of());
    }

    public static LaunchOptions parse(String[] args) {
        Path image = null;
        Path file = null;
        boolean probe = false;
        boolean help = false;
        boolean version = false;
        var files = new ArrayList<Path>();
        boolean onlyFiles = false;
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            if (onlyFiles || !arg.startsWith("-")) {
                files.add(Path.of(arg));
                continue;
            }
            switch (arg) {
                case "--self-check" -> {
                    if (i + 2 >= args.length) {
                        throw new IllegalArgumentException("--self-check needs OUT.png and FILE");
                    }
                    image = Path.of(args[++i]);
                    file = Path.of(args[++i]);
                }
                case "--startup-probe" -> probe = true;
                case "-h", "--help" -> help = true;
                case "-v", "--version" -> version = true;
                case "--" -> onlyFiles = true;
                default -> {
                    // macOS adds a process serial number when Finder starts an app: not ours to refuse
                    if (!arg.startsWith("-psn_")) {
                        throw new IllegalArgumentException("unknown argument " + arg);
                    }
                }
            }
        }
        return new LaunchOptions(image, file, probe, help, version, files);
    }

    public boolean selfCheck() {
        return selfCheckImage != null;
    }

    /** "Sorot 0.1.0 (Java 25.0.3, Linux amd64)": the version of the jar this class came from. */
    public static String versionLine() {
        var version = LaunchOptions.class.getPackage().getImplementationVersion();
        return "Sorot " + (version == null ? "(development build)" : version) + " (Java " + Runtime.version() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
    }
}
