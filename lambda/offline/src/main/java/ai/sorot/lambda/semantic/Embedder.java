package ai.sorot.lambda.semantic;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sentence embeddings computed on this machine: all-MiniLM-L6-v2, quantised, run by ONNX Runtime
 * in process (the model ships inside the langchain4j artifact; nothing is downloaded). The model
 * loads once per process, on first use (about 2 s), and is safe to call from any thread.
 *
 * <p>Two native libraries come out of the jars when the model loads: the tokenizer's (DJL), which
 * would otherwise be cached for good in {@code ~/.djl.ai}, goes to a Sorot-owned temporary folder
 * removed on exit; ONNX Runtime unpacks its own into a {@code onnxruntime-java*} temporary folder,
 * deletes the files and leaves the empty folder, which is removed here once the model is loaded.
 */
public final class Embedder {

    /** The name stored beside each vector: vectors of another model are not comparable. */
    public static final String MODEL = "all-MiniLM-L6-v2-q";

    public static final int DIMENSIONS = 384;

    private static final String ORT_TEMP_PREFIX = "onnxruntime-java";

    /**
     * DJL logs a CUDA probe ("Failed to detect GPU count") and each native extraction at WARNING and
     * INFO: noise on a terminal for a model that runs on the CPU. Held here so the levels stay set.
     */
    private static final List<java.util.logging.Logger> QUIET =
            List.of(java.util.logging.Logger.getLogger("ai.djl"), java.util.logging.Logger.getLogger("ai.onnxruntime"));

    private final EmbeddingModel model;

    private Embedder(EmbeddingModel model) {
        this.model = model;
    }

    private static final class Holder {
        static final Embedder SHARED = load();
    }

    /** The process's one embedder, loaded on the first call. */
    public static Embedder shared() {
        try {
            return Holder.SHARED;
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "The embedding model could not be loaded on this computer.", e);
        }
    }

    private static Embedder load() {
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.SEVERE));
        var tmp = Path.of(System.getProperty("java.io.tmpdir"));
        var ortBefore = ortFolders(tmp);
        var own = new AtomicReference<Path>();
        // A stop (Ctrl+C) can come while the model is being unpacked into its folder: the clean-up
        // waits for the unpacking to end (it runs on while shutdown hooks do), then removes the
        // folder and the runtime's, so that nothing is written into them after they are removed.
        LOADING.lock();
        try {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> cleanUp(own.get(), tmp, ortBefore), "sorot-embeddings-cleanup"));
            try {
                if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
                    own.set(Files.createTempDirectory("sorot-embeddings-"));
                    System.setProperty("DJL_CACHE_DIR", own.get().toString());
                }
            } catch (IOException e) {
                // no private folder: DJL falls back to its cache in the home folder, which still works
            }
            var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
            removeNewOrtFolders(tmp, ortBefore);
            return new Embedder(model);
        } finally {
            LOADING.unlock();
        }
    }

    private static final ReentrantLock LOADING = new ReentrantLock();

    private static void cleanUp(Path own, Path tmp, Set<Path> ortBefore) {
        try {
            LOADING.tryLock(10, TimeUnit.SECONDS); // held by the loader while it unpacks; never released here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (own != null) {
            removeTree(own);
        }
        removeNewOrtFolders(tmp, ortBefore);
    }

    private static void removeNewOrtFolders(Path tmp, Set<Path> before) {
        for (var folder : ortFolders(tmp)) {
            if (!before.contains(folder)) {
                removeTree(folder);
            }
        }
    }

    /** One vector per text, each of length 1 (the model normalises). */
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        var segments = texts.stream().map(TextSegment::from).toList();
        var out = new ArrayList<float[]>(texts.size());
        for (var embedding : model.embedAll(segments).content()) {
            out.add(Vectors.normalised(embedding.vector()));
        }
        return out;
    }

    public float[] embed(String text) {
        return embed(List.of(text)).getFirst();
    }

    private static Set<Path> ortFolders(Path tmp) {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith(ORT_TEMP_PREFIX) && Files.isDirectory(p))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    static void removeTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort: a loaded library cannot be deleted on Windows; the OS's temp cleaning takes it
        }
    }
}
