package ai.sorot.installers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds Sorot's app image and this system's installers with jpackage:
 * <ol>
 *   <li>copies the desktop app and its libraries (Maven put them in {@code --input}), with the
 *       native libraries of this system taken out of their jars ({@link NativeLibraries});</li>
 *   <li>checks with jdeps that the JDK modules in {@code sorot.properties} cover what they use
 *       ({@link ModuleCheck});</li>
 *   <li>links a runtime with only those modules (jlink);</li>
 *   <li>makes the app image (jpackage) and its AOT cache ({@link AotCache});</li>
 *   <li>makes the installers from that image: .deb on Linux, .msi on Windows, .dmg and .pkg on macOS.</li>
 * </ol>
 * It prints what each step took and the sizes, and writes them to {@code summary.properties}.
 *
 * <pre>
 * Packager --spec sorot.properties --resources DIR --icons DIR --input DIR --work DIR --dest DIR
 *          --version V [--types default|app-image,deb,...] [--aot true|false] [--verbose]
 * </pre>
 */
public final class Packager {

    private final Map<String, String> args;
    private final Properties spec = new Properties();
    private final Platform platform = Platform.current();
    private final JdkTools tools;
    private final Map<String, String> summary = new LinkedHashMap<>();

    private Packager(Map<String, String> args) throws IOException {
        this.args = args;
        try (InputStream in = Files.newInputStream(path("spec"))) {
            spec.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        tools = new JdkTools(args.containsKey("verbose"));
    }

    public static void main(String[] argv) {
        try {
            new Packager(parse(argv)).build();
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("sorot package: " + e.getMessage());
            System.exit(1);
        }
    }

    static Map<String, String> parse(String[] argv) {
        var parsed = new LinkedHashMap<String, String>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + argv[i]);
            }
            var key = argv[i].substring(2);
            parsed.put(key, key.equals("verbose") ? "true" : argv[++i]);
        }
        return parsed;
    }

    private void build() throws IOException, InterruptedException {
        var name = spec.getProperty("name");
        var version = args.get("version");
        var work = path("work");
        var dest = path("dest");
        var requested = args.getOrDefault("types", "default");
        var types = requested.equals("default")
                ? new ArrayList<>(concat(List.of("app-image"), platform.installerTypes()))
                : new ArrayList<>(Arrays.asList(requested.split(",")));
        System.out.println("sorot package: " + name + " " + version + " for "
                + platform.name().toLowerCase(Locale.ROOT) + " (" + String.join(", ", types) + ") on Java "
                + Runtime.version());
        AotCache.deleteTree(work);
        Files.createDirectories(work);
        for (var type : platform.installerTypes()) {
            try (Stream<Path> old = Files.list(Files.createDirectories(dest))) {
                for (var file : old.filter(f -> f.getFileName().toString().endsWith("." + type))
                        .toList()) {
                    Files.delete(file);
                }
            }
        }

        // 1. the app and its libraries, with this system's native libraries beside the jars
        var input = work.resolve("input");
        long started = System.nanoTime();
        copyTree(path("input"), input);
        var natives = NativeLibraries.unpack(input.resolve("lib"), platform);
        step(
                "input",
                started,
                "%d jars, %d native libraries taken out of them, %s of libraries (%s before)",
                countJars(input),
                natives.libraries().size(),
                mb(natives.bytesAfter()),
                mb(natives.bytesBefore()));

        // 2. the JDK modules: what jdeps finds must be linked or known not to be needed
        started = System.nanoTime();
        var modules = list("modules");
        var notNeeded = list("modules.not-needed");
        var check = ModuleCheck.check(
                tools,
                input,
                spec.getProperty("main.jar"),
                modules,
                notNeeded,
                Runtime.version().feature());
        Files.writeString(work.resolve("jdeps-modules.txt"), String.join("\n", check.required()) + "\n");
        if (!check.missing().isEmpty()) {
            throw new IllegalStateException(
                    "the app's libraries use JDK modules the runtime would lack: " + check.missing()
                            + ". Add them to modules in " + path("spec")
                            + " (with the reason), or to modules.not-needed when the code"
                            + " that uses them never runs in the app.");
        }
        step("jdeps", started, "the libraries use %s; linking %s", check.required(), modules);

        // 3. the runtime
        started = System.nanoTime();
        var runtime = work.resolve("runtime");
        var jlink =
                new ArrayList<>(List.of("--add-modules", String.join(",", modules), "--output", runtime.toString()));
        if (spec.containsKey("locales")) {
            jlink.addAll(List.of("--include-locales", spec.getProperty("locales")));
        }
        jlink.addAll(words(spec.getProperty("jlink.options", "")));
        tools.run("jlink", jlink);
        step("jlink", started, "runtime %s", mb(NativeLibraries.size(runtime)));

        // 4. the app image
        started = System.nanoTime();
        var imageDir = work.resolve("image");
        var image = platform.image(imageDir, name);
        var javaOptions = new ArrayList<>(words(spec.getProperty("java.options", "")));
        if (Runtime.version().feature() >= 23) {
            javaOptions.add("--sun-misc-unsafe-memory-access=allow"); // JavaFX's Marlin still uses sun.misc.Unsafe
        }
        if (natives.sqliteLibraryDir() != null) {
            javaOptions.add("-Dorg.sqlite.lib.path=$APPDIR/"
                    + input.relativize(natives.sqliteLibraryDir()).toString().replace('\\', '/'));
        }
        var jpackage = new ArrayList<>(common(name, version));
        jpackage.addAll(List.of(
                "--type",
                "app-image",
                "--input",
                input.toString(),
                "--main-jar",
                spec.getProperty("main.jar"),
                "--main-class",
                spec.getProperty("main.class"),
                "--runtime-image",
                runtime.toString(),
                "--dest",
                imageDir.toString()));
        for (var option : javaOptions) {
            jpackage.addAll(List.of("--java-options", option));
        }
        if (platform == Platform.MAC) {
            // a bundle's document types live in its Info.plist, written with the image
            jpackage.addAll(macOptions(name));
            jpackage.addAll(fileAssociations());
        }
        tools.run("jpackage", jpackage);
        step("app-image", started, "%s", image);

        // 5. the AOT cache
        boolean aot = Boolean.parseBoolean(args.getOrDefault("aot", "true"));
        var why = AotCache.unavailable(platform, System.getenv());
        if (aot && why == null) {
            started = System.nanoTime();
            var cache = AotCache.create(platform, image, name, work, System.getenv());
            step("aot-cache", started, "%s (%s)", cache.getFileName(), mb(Files.size(cache)));
            summary.put("aot-cache.bytes", Long.toString(Files.size(cache)));
        } else {
            System.out.println(
                    "  aot-cache   skipped: " + (aot ? why : "--aot false") + "; the app starts without one");
        }
        if (platform == Platform.MAC) {
            resignAdHoc(image);
        }
        long imageBytes = NativeLibraries.size(image);
        summary.put("image", image.toString());
        summary.put("image.bytes", Long.toString(imageBytes));
        summary.put("runtime.bytes", Long.toString(NativeLibraries.size(platform.runtime(image))));
        summary.put("app.bytes", Long.toString(NativeLibraries.size(platform.appDir(image))));
        summary.put("modules", String.join(",", modules));
        summary.put("jdeps.modules", String.join(",", check.required()));

        // 6. the installers
        for (var type : types) {
            if (type.equals("app-image")) {
                continue;
            }
            if (!platform.installerTypes().contains(type)) {
                throw new IllegalArgumentException(type + " cannot be built on "
                        + platform.name().toLowerCase(Locale.ROOT) + " (it makes " + platform.installerTypes() + ")");
            }
            started = System.nanoTime();
            var installer = new ArrayList<>(common(name, version));
            installer.addAll(List.of("--type", type, "--app-image", image.toString(), "--dest", dest.toString()));
            installer.addAll(installerOptions(name));
            if (type.equals("deb")) {
                // dpkg-deb compresses the package: xz at its default level 6 takes 90 s on two
                // cores for 4 % less than level 1 (the jars and the AOT cache hardly compress)
                tools.runProcess(
                        "jpackage",
                        installer,
                        Map.of(
                                "DPKG_DEB_COMPRESSOR_TYPE",
                                "xz",
                                "DPKG_DEB_COMPRESSOR_LEVEL",
                                spec.getProperty("linux.xz-level", "6")));
            } else {
                tools.run("jpackage", installer);
            }
            Path made;
            try (Stream<Path> files = Files.list(dest)) {
                made = files.filter(f -> f.getFileName().toString().endsWith("." + type))
                        .findFirst()
                        .orElseThrow(() -> new IOException("jpackage made no ." + type + " in " + dest));
            }
            step(type, started, "%s (%s)", made, mb(Files.size(made)));
            summary.put(type, made.toString());
            summary.put(type + ".bytes", Long.toString(Files.size(made)));
        }
        System.out.printf(
                Locale.ROOT,
                "sorot package: app image %s (runtime %s, app %s)%n",
                mb(imageBytes),
                mb(Long.parseLong(summary.get("runtime.bytes"))),
                mb(Long.parseLong(summary.get("app.bytes"))));
        var out = new StringBuilder();
        summary.forEach((k, v) ->
                out.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(work.resolve("summary.properties"), out.toString());
    }

    /** The options every jpackage call here shares. */
    private List<String> common(String name, String version) {
        var options = new ArrayList<>(List.of(
                "--name",
                name,
                "--app-version",
                version,
                "--vendor",
                spec.getProperty("vendor"),
                "--description",
                spec.getProperty("description"),
                "--copyright",
                spec.getProperty("copyright"),
                "--icon",
                path("icons").resolve(platform.iconFile()).toString()));
        if (args.containsKey("verbose")) {
            options.add("--verbose");
        }
        return options;
    }

    private List<String> installerOptions(String name) throws IOException {
        var options = new ArrayList<String>();
        switch (platform) {
            case LINUX -> {
                options.addAll(List.of(
                        "--resource-dir",
                        linuxResources(name).toString(),
                        "--linux-package-name",
                        spec.getProperty("linux.package"),
                        "--linux-deb-maintainer",
                        spec.getProperty("linux.maintainer-email"),
                        "--linux-app-category",
                        spec.getProperty("linux.section"),
                        "--linux-menu-group",
                        spec.getProperty("linux.menu-group"),
                        "--linux-shortcut"));
                options.addAll(fileAssociations());
            }
            case WINDOWS -> {
                options.addAll(List.of(
                        "--win-menu",
                        "--win-menu-group",
                        spec.getProperty("windows.menu-group"),
                        "--win-shortcut",
                        "--win-dir-chooser",
                        "--win-per-user-install",
                        "--win-upgrade-uuid",
                        spec.getProperty("windows.upgrade-uuid")));
                options.addAll(fileAssociations());
            }
            case MAC -> options.addAll(macOptions(name));
        }
        return options;
    }

    /**
     * The package's resources: this system's folder, and the icon under the name jpackage looks
     * for. Built from an app image, the .deb takes its menu icon only from there: {@code --icon}
     * is an app image option, and without {@code NAME.png} the menu shows jpackage's default icon.
     */
    private Path linuxResources(String name) throws IOException {
        var dir = path("work").resolve("resources");
        copyTree(resources(), dir);
        Files.copy(
                path("icons").resolve(platform.iconFile()),
                dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    private List<String> macOptions(String name) {
        return List.of(
                "--mac-package-identifier",
                spec.getProperty("mac.identifier"),
                "--mac-package-name",
                name,
                "--mac-app-category",
                spec.getProperty("mac.category"));
    }

    private List<String> fileAssociations() {
        var options = new ArrayList<String>();
        try (Stream<Path> files = Files.list(resources())) {
            for (var file : files.filter(f -> f.toString().endsWith(".properties"))
                    .sorted()
                    .toList()) {
                options.addAll(List.of("--file-associations", file.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options;
    }

    private Path resources() {
        return path("resources").resolve(platform.folder());
    }

    /** macOS seals a bundle's files in its signature: after the AOT cache joined it, seal it again (ad hoc). */
    private void resignAdHoc(Path image) throws IOException, InterruptedException {
        var codesign = AotCache.onPath("codesign", System.getenv());
        if (codesign == null) {
            return;
        }
        var process = new ProcessBuilder(codesign.toString(), "--force", "--deep", "--sign", "-", image.toString())
                .inheritIO()
                .start();
        if (process.waitFor() != 0) {
            throw new IOException("codesign could not seal " + image + " again");
        }
    }

    private void step(String name, long startedNanos, String format, Object... values) {
        long ms = (System.nanoTime() - startedNanos) / 1_000_000;
        summary.put(name + ".ms", Long.toString(ms));
        System.out.printf(
                Locale.ROOT, "  %-11s %6.1f s  %s%n", name, ms / 1000.0, String.format(Locale.ROOT, format, values));
    }

    private Set<String> list(String key) {
        var value = spec.getProperty(key, "").strip();
        return value.isEmpty()
                ? Set.of()
                : new LinkedHashSet<>(
                        Arrays.stream(value.split(",")).map(String::strip).toList());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.strip().split("\\s+"));
    }

    private Path path(String key) {
        var value = args.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is missing");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    private static long countJars(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).count();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (var file : files.toList()) {
                var target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
