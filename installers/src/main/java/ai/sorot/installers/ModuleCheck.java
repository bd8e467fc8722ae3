package ai.sorot.installers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Which JDK modules the app and its libraries use, by jdeps, checked against the modules the
 * runtime is linked with. jdeps starts from the app's jar and every plain jar and follows what
 * they reference; a modular jar nothing references (a service provider such as slf4j-jdk14) is
 * read on its own on the module path.
 */
final class ModuleCheck {

    /** The modules jdeps found, and those of them the runtime lacks without a reason on file. */
    record Result(Set<String> required, Set<String> missing) {}

    private ModuleCheck() {}

    static Result check(
            JdkTools tools, Path input, String mainJar, Set<String> linked, Set<String> notNeeded, int release)
            throws IOException {
        var lib = input.resolve("lib");
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        var classPath = new ArrayList<Path>(jars);
        classPath.addFirst(input.resolve(mainJar));
        var joined = String.join(
                java.io.File.pathSeparator,
                classPath.stream().map(Path::toString).toList());

        var roots = new ArrayList<String>();
        roots.add(input.resolve(mainJar).toString());
        var modular = new ArrayList<Path>();
        for (var jar : jars) {
            if (isModular(jar)) {
                modular.add(jar);
            } else {
                roots.add(jar.toString());
            }
        }
        var required = new TreeSet<String>();
        var summary = tools.run(
                "jdeps",
                concat(
                        List.of(
                                "--multi-release",
                                Integer.toString(release),
                                "--ignore-missing-deps",
                                "-summary",
                                "--recursive",
                                "--class-path",
                                joined),
                        roots));
        var visited = new TreeSet<String>();
        for (var line : summary.lines().toList()) {
            var parts = line.trim().split("\\s+->\\s+");
            if (parts.length == 2) {
                visited.add(parts[0].trim());
                if (isJdkModule(parts[1].trim())) {
                    required.add(parts[1].trim());
                }
            }
        }
        for (var jar : modular) {
            if (visited.contains(jar.getFileName().toString())) {
                continue;
            }
            var alone = tools.run(
                    "jdeps",
                    List.of(
                            "--multi-release",
                            Integer.toString(release),
                            "--ignore-missing-deps",
                            "--print-module-deps",
                            "--module-path",
                            lib.toString(),
                            jar.toString()));
            Arrays.stream(alone.strip().split(","))
                    .map(String::trim)
                    .filter(ModuleCheck::isJdkModule)
                    .forEach(required::add);
        }
        var missing = new TreeSet<String>(required);
        missing.removeAll(linked);
        missing.removeAll(notNeeded);
        return new Result(required, missing);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<String>(a);
        all.addAll(b);
        return all;
    }

    static boolean isJdkModule(String name) {
        return name.startsWith("java.") || name.startsWith("jdk.");
    }

    private static boolean isModular(Path jar) throws IOException {
        try (var zip = new ZipFile(jar.toFile())) {
            return zip.stream()
                    .anyMatch(e -> e.getName().equals("module-info.class")
                            || e.getName().startsWith("META-INF/versions/")
                                    && e.getName().endsWith("/module-info.class"));
        }
    }
}
