package ai.sorot.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

    private final Platform linux = Platform.LINUX;

    @Test
    void javafxLibrariesMoveBesideTheirJarAndTheJarKeepsItsClasses(@TempDir Path lib) throws IOException {
        jar(
                lib.resolve("javafx-graphics-21-linux.jar"),
                Map.of(
                        "libprism_sw.so",
                        "ELF sw",
                        "libglassgtk3.so",
                        "ELF gtk",
                        "com/sun/prism/Graphics.class",
                        "class"));

        var result = NativeLibraries.unpack(lib, linux);

        assertThat(lib.resolve("libprism_sw.so")).hasContent("ELF sw");
        assertThat(lib.resolve("libglassgtk3.so")).hasContent("ELF gtk");
        assertThat(entries(lib.resolve("javafx-graphics-21-linux.jar")))
                .containsExactly("com/sun/prism/Graphics.class");
        assertThat(result.libraries()).hasSize(2);
        assertThat(result.sqliteLibraryDir()).isNull();
    }

    @Test
    void sqliteKeepsOnlyThisSystemsLibraryAndSaysWhereItIs(@TempDir Path lib) throws IOException {
        var ours = linux.sqliteNativeFolder() + "libsqlitejdbc.so";
        jar(
                lib.resolve("sqlite-jdbc.jar"),
                Map.of(
                        ours,
                        "ours",
                        "org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib",
                        "mac",
                        "org/sqlite/native/Windows/x86_64/sqlitejdbc.dll",
                        "windows",
                        "org/sqlite/JDBC.class",
                        "class"));

        var result = NativeLibraries.unpack(lib, linux);

        assertThat(lib.resolve("libsqlitejdbc.so")).hasContent("ours");
        assertThat(entries(lib.resolve("sqlite-jdbc.jar"))).containsExactly("org/sqlite/JDBC.class");
        assertThat(result.sqliteLibraryDir()).isEqualTo(lib);
        assertThat(result.bytesAfter()).isLessThan(result.bytesBefore());
    }

    @Test
    void onnxRuntimeAndTheTokenizerKeepOnlyThisSystemsLibrariesInTheirJars(@TempDir Path lib) throws IOException {
        var ort = linux.onnxRuntimeNativeFolder();
        jar(
                lib.resolve("onnxruntime.jar"),
                Map.of(
                        ort + "libonnxruntime.so",
                        "ours",
                        ort + "libonnxruntime4j_jni.so",
                        "jni",
                        "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
                        "mac",
                        "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/Contents/Resources/DWARF/libonnxruntime.dylib",
                        "debug",
                        "ai/onnxruntime/native/win-x64/onnxruntime.dll",
                        "windows",
                        "ai/onnxruntime/OnnxRuntime.class",
                        "class"));
        var djl = linux.djlTokenizersNativeFolder();
        jar(
                lib.resolve("tokenizers.jar"),
                Map.of(
                        "native/lib/tokenizers.properties",
                        "version",
                        djl + "cpu/libtokenizers.so",
                        "ours",
                        "native/lib/win-x86_64/cpu/tokenizers.dll",
                        "windows",
                        "ai/djl/huggingface/tokenizers/HuggingFaceTokenizer.class",
                        "class"));

        NativeLibraries.unpack(lib, linux);

        // they load from inside the jar: ours stays there, the other systems' go
        assertThat(entries(lib.resolve("onnxruntime.jar")))
                .containsExactlyInAnyOrder(
                        ort + "libonnxruntime.so", ort + "libonnxruntime4j_jni.so", "ai/onnxruntime/OnnxRuntime.class");
        assertThat(entries(lib.resolve("tokenizers.jar")))
                .containsExactlyInAnyOrder(
                        "native/lib/tokenizers.properties",
                        djl + "cpu/libtokenizers.so",
                        "ai/djl/huggingface/tokenizers/HuggingFaceTokenizer.class");
    }

    @Test
    void aJarWithOnlyAManifestGoes(@TempDir Path lib) throws IOException {
        // the platform-neutral javafx-controls-21.jar: a manifest and nothing else
        jar(lib.resolve("javafx-controls-21.jar"), Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));

        var result = NativeLibraries.unpack(lib, linux);

        assertThat(lib.resolve("javafx-controls-21.jar")).doesNotExist();
        assertThat(result.emptyJarsRemoved()).containsExactly("javafx-controls-21.jar");
    }

    @Test
    void twoJarsWithTheSameLibraryNameAreRefused(@TempDir Path lib) throws IOException {
        jar(lib.resolve("a.jar"), Map.of("libsame.so", "a", "A.class", "a"));
        jar(lib.resolve("b.jar"), Map.of("libsame.so", "b", "B.class", "b"));

        assertThatThrownBy(() -> NativeLibraries.unpack(lib, linux)).hasMessageContaining("libsame.so");
    }

    @Test
    void aSqliteJarWithoutThisSystemsLibraryIsRefused(@TempDir Path lib) throws IOException {
        jar(
                lib.resolve("sqlite-jdbc.jar"),
                Map.of("org/sqlite/native/FreeBSD/x86_64/libsqlitejdbc.so", "bsd", "org/sqlite/JDBC.class", "c"));

        assertThatThrownBy(() -> NativeLibraries.unpack(lib, linux))
                .hasMessageContaining("no native library in " + linux.sqliteNativeFolder());
    }

    private static void jar(Path file, Map<String, String> entries) throws IOException {
        try (var out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var entry : new LinkedHashMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private static java.util.List<String> entries(Path jar) throws IOException {
        try (var zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }
}
