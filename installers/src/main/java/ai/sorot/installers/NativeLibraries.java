package ai.sorot.installers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Takes the native libraries out of the jars, for this system only, and puts them where their
 * loaders look first. From a jar, JavaFX unpacks its libraries into {@code ~/.openjfx/cache} and
 * the SQLite driver into the temporary folder on every start (which fails where {@code /tmp} is
 * mounted noexec); from the app's own folder they load in place. The SQLite jar also carries the
 * libraries of 23 other systems and processors (24 MB): only this one's is kept.
 */
final class NativeLibraries {

    /** What was moved: the files now beside the jars, and the jars that were left with nothing. */
    record Result(
            List<Path> libraries,
            List<String> emptyJarsRemoved,
            long bytesBefore,
            long bytesAfter,
            Path sqliteLibraryDir) {}

    private NativeLibraries() {}

    static Result unpack(Path libDir, Platform platform) throws IOException {
        var libraries = new ArrayList<Path>();
        var removed = new ArrayList<String>();
        long before = size(libDir);
        Path sqliteDir = null;
        List<Path> jars;
        try (Stream<Path> files = Files.list(libDir)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
        var nativeDir = platform.javafxNativeDir(libDir);
        for (var jar : jars) {
            List<String> names;
            try (var zip = new ZipFile(jar.toFile())) {
                names = zip.stream().map(ZipEntry::getName).toList();
            }
            if (names.stream().noneMatch(n -> !n.endsWith("/") && !n.startsWith("META-INF/"))) {
                // the platform-neutral JavaFX artifacts: a manifest that points at the classified jar
                Files.delete(jar);
                removed.add(jar.getFileName().toString());
                continue;
            }
            var rootLibraries = names.stream()
                    .filter(n -> n.indexOf('/') < 0 && Platform.isNativeLibrary(n))
                    .toList();
            if (!rootLibraries.isEmpty()) {
                libraries.addAll(extract(jar, rootLibraries::contains, nativeDir));
                rewriteWithout(jar, rootLibraries::contains);
            }
            if (names.stream().anyMatch(n -> n.startsWith("org/sqlite/native/"))) {
                var folder = platform.sqliteNativeFolder();
                var ours = names.stream()
                        .filter(n -> n.startsWith(folder) && Platform.isNativeLibrary(n))
                        .toList();
                if (ours.isEmpty()) {
                    throw new IOException(jar.getFileName() + " has no native library in " + folder);
                }
                libraries.addAll(extract(jar, ours::contains, nativeDir));
                rewriteWithout(jar, n -> n.startsWith("org/sqlite/native/"));
                sqliteDir = nativeDir;
            }
            // ONNX Runtime and DJL's tokenizer load their library from inside the jar (into the
            // temporary folder): keep it there, drop the other systems' (and macOS debug symbols), 100 MB
            keepOnlyThisSystem(jar, names, "ai/onnxruntime/native/", platform.onnxRuntimeNativeFolder());
            if (names.contains("native/lib/tokenizers.properties")) {
                keepOnlyThisSystem(jar, names, "native/lib/", platform.djlTokenizersNativeFolder());
            }
        }
        return new Result(
                List.copyOf(libraries),
                List.copyOf(removed),
                before,
                size(libDir) + (nativeDir.equals(libDir) ? 0 : size(nativeDir)),
                sqliteDir);
    }

    /** Rewrites the jar without the files under {@code root} that are not in {@code ours} (left as it is when it has none of ours). */
    private static void keepOnlyThisSystem(Path jar, List<String> names, String root, String ours) throws IOException {
        boolean hasOurs = names.stream()
                .anyMatch(n -> n.startsWith(ours) && Platform.isNativeLibrary(n.substring(n.lastIndexOf('/') + 1)));
        if (!hasOurs) {
            return;
        }
        rewriteWithout(
                jar,
                n -> n.startsWith(root)
                                && !n.equals(root)
                                && !n.startsWith(ours)
                                && !n.equals(root + "tokenizers.properties")
                        || n.contains(".dSYM/"));
    }

    private static List<Path> extract(Path jar, Predicate<String> which, Path dir) throws IOException {
        Files.createDirectories(dir);
        var written = new ArrayList<Path>();
        try (var zip = new ZipFile(jar.toFile())) {
            for (var entry : zip.stream().filter(e -> which.test(e.getName())).toList()) {
                var name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                var target = dir.resolve(name);
                if (Files.exists(target)) {
                    throw new IOException("two jars carry a native library named " + name);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                written.add(target);
            }
        }
        return written;
    }

    /** Writes {@code jar} again without the entries {@code drop} names, keeping the others' order and times. */
    private static void rewriteWithout(Path jar, Predicate<String> drop) throws IOException {
        var temp = jar.resolveSibling(jar.getFileName() + ".part");
        try (var zip = new ZipFile(jar.toFile());
                var out = new ZipOutputStream(Files.newOutputStream(temp))) {
            for (var entry : zip.stream().toList()) {
                if (drop.test(entry.getName())) {
                    continue;
                }
                var copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                if (entry.getComment() != null) {
                    copy.setComment(entry.getComment());
                }
                out.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }
}
