package ai.sorot.installers;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Where jpackage puts things on each operating system, and what it builds there. */
public enum Platform {
    LINUX("linux", List.of("deb")),
    WINDOWS("windows", List.of("msi")),
    MAC("macos", List.of("dmg", "pkg"));

    private final String folder;
    private final List<String> installerTypes;

    Platform(String folder, List<String> installerTypes) {
        this.folder = folder;
        this.installerTypes = installerTypes;
    }

    public static Platform current() {
        var os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return WINDOWS;
        }
        if (os.startsWith("mac")) {
            return MAC;
        }
        if (os.startsWith("linux")) {
            return LINUX;
        }
        throw new IllegalStateException("jpackage does not build installers on " + System.getProperty("os.name"));
    }

    /** The folder of {@code src/main/jpackage} with this system's resources and file associations. */
    public String folder() {
        return folder;
    }

    /** The installers jpackage makes here: .deb (rpm needs rpmbuild), .msi, .dmg and .pkg. */
    public List<String> installerTypes() {
        return installerTypes;
    }

    /** The app image jpackage writes for {@code name} under {@code dest}. */
    public Path image(Path dest, String name) {
        return dest.resolve(this == MAC ? name + ".app" : name);
    }

    /** The app's own folder ({@code $APPDIR}): the jars and the launcher's .cfg. */
    public Path appDir(Path image) {
        return switch (this) {
            case LINUX -> image.resolve("lib/app");
            case WINDOWS -> image.resolve("app");
            case MAC -> image.resolve("Contents/app");
        };
    }

    public Path launcher(Path image, String name) {
        return switch (this) {
            case LINUX -> image.resolve("bin").resolve(name);
            case WINDOWS -> image.resolve(name + ".exe");
            case MAC -> image.resolve("Contents/MacOS").resolve(name);
        };
    }

    public Path runtime(Path image) {
        return switch (this) {
            case LINUX -> image.resolve("lib/runtime");
            case WINDOWS -> image.resolve("runtime");
            case MAC -> image.resolve("Contents/runtime/Contents/Home");
        };
    }

    /** The icon file jpackage takes here. */
    public String iconFile() {
        return switch (this) {
            case LINUX -> "sorot-256.png";
            case WINDOWS -> "sorot.ico";
            case MAC -> "sorot.icns";
        };
    }

    /**
     * Where JavaFX looks for its native libraries before it unpacks them from its jars into the
     * user's home: beside the jar on Linux and macOS, {@code ../bin} from it on Windows
     * ({@code com.sun.glass.utils.NativeLibLoader}).
     */
    public Path javafxNativeDir(Path jarDir) {
        return this == WINDOWS ? jarDir.resolveSibling("bin") : jarDir;
    }

    /** The SQLite JDBC driver's folder for this system and processor inside its jar. */
    public String sqliteNativeFolder() {
        var os = switch (this) {
            case LINUX -> "Linux";
            case WINDOWS -> "Windows";
            case MAC -> "Mac";
        };
        var arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        arch = switch (arch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> throw new IllegalStateException("no SQLite native library is chosen for the processor " + arch);
        };
        return "org/sqlite/native/" + os + "/" + arch + "/";
    }

    /** Where ONNX Runtime's jar keeps this system's libraries (the semantic library's model runs in it). */
    public String onnxRuntimeNativeFolder() {
        return "ai/onnxruntime/native/"
                + switch (this) {
                    case LINUX -> "linux";
                    case WINDOWS -> "win";
                    case MAC -> "osx";
                }
                + "-" + (arch().equals("x86_64") ? "x64" : arch()) + "/";
    }

    /** Where DJL's tokenizers jar keeps this system's library. */
    public String djlTokenizersNativeFolder() {
        return "native/lib/"
                + switch (this) {
                    case LINUX -> "linux";
                    case WINDOWS -> "win";
                    case MAC -> "osx";
                }
                + "-" + arch() + "/";
    }

    private static String arch() {
        var arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
    }

    /** True for a native library file name on any system. */
    public static boolean isNativeLibrary(String name) {
        return name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib") || name.endsWith(".jnilib");
    }
}
