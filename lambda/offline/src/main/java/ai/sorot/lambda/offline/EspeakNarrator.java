package ai.sorot.lambda.offline;

import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.NarrationRequest;
import ai.sorot.lambda.pipeline.Narrator;
import ai.sorot.lambda.pipeline.SpokenAudio;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Local speech with espeak-ng when it is installed: fast (tens of times real time) and clearer
 * than FreeTTS. Paragraphs become SSML breaks; the WAV comes back as bytes.
 */
public final class EspeakNarrator implements Narrator {

    static final String VOICE = "en-us";
    static final int WORDS_PER_MINUTE = 160;
    private static final int PARAGRAPH_PAUSE_MS = 650;

    private final String executable;
    private final String version;

    private EspeakNarrator(String executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /** The espeak-ng on the PATH, if there is one that answers. */
    public static Optional<EspeakNarrator> find() {
        return find("espeak-ng");
    }

    static Optional<EspeakNarrator> find(String executable) {
        try {
            var process = new ProcessBuilder(executable, "--version")
                    .redirectErrorStream(true)
                    .start();
            // wait first: a hung binary must not hang the server; the version line fits the pipe's buffer
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var matcher = java.util.regex.Pattern.compile("text-to-speech:\\s*([0-9.]+)")
                    .matcher(output);
            return Optional.of(new EspeakNarrator(executable, matcher.find() ? matcher.group(1) : "unknown"));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public Provenance provenance() {
        return new Provenance("espeak-ng " + version + " (local speech)", "espeak-ng " + VOICE, true);
    }

    @Override
    public AnalystResult<SpokenAudio> narrate(NarrationRequest request) {
        var ssml = ssml(request.script().paragraphs());
        Process process = null;
        try {
            // The WAV comes on stdout and the messages on stderr, each read by its own thread: no
            // temporary file to leave behind when the JVM dies mid-sentence, and waiting on the process
            // (not on a read) keeps the step's budget interruptible.
            process = new ProcessBuilder(
                            executable,
                            "-v",
                            VOICE,
                            "-s",
                            Integer.toString(WORDS_PER_MINUTE),
                            "-m",
                            "--stdin",
                            "--stdout")
                    .start();
            var audio = drain(process.getInputStream(), "sorot-espeak-audio");
            var messages = drain(process.getErrorStream(), "sorot-espeak-messages");
            try (var stdin = process.getOutputStream()) {
                stdin.write(ssml.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // it exited before reading its input: its exit status and message below say why
            }
            long budget = request.budget() == null ? 120_000 : request.budget().toMillis();
            if (!process.waitFor(budget, TimeUnit.MILLISECONDS)) {
                throw new SorotException(ErrorCode.STEP_TIMEOUT, "espeak-ng did not finish within the step's budget.");
            }
            if (process.exitValue() != 0) {
                throw new SorotException(
                        ErrorCode.ANALYST_FAILED,
                        "espeak-ng failed (exit " + process.exitValue() + "): "
                                + new String(read(messages), StandardCharsets.UTF_8).strip());
            }
            var bytes = Wav.withExactSizes(read(audio));
            double seconds = Wav.durationSeconds(bytes);
            if (seconds <= 0) {
                throw new SorotException(ErrorCode.ANALYST_FAILED, "espeak-ng wrote no audio.");
            }
            var spoken = new SpokenAudio(bytes, "wav", "audio/wav", seconds, "espeak-ng " + VOICE);
            var usage = new Usage(0, 0, request.script().plainText().length(), 0, 0);
            return new AnalystResult<>(spoken, provenance(), usage);
        } catch (IOException e) {
            throw new SorotException(ErrorCode.ANALYST_FAILED, "espeak-ng could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SorotException(ErrorCode.STEP_TIMEOUT, "Speech synthesis was interrupted.");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** Everything a stream of the process gives until it closes, read on a virtual thread. */
    private static CompletableFuture<byte[]> drain(InputStream in, String name) {
        var bytes = new CompletableFuture<byte[]>();
        Thread.ofVirtual().name(name).start(() -> {
            try (in) {
                bytes.complete(in.readAllBytes());
            } catch (IOException e) {
                bytes.completeExceptionally(e);
            }
        });
        return bytes;
    }

    /** What a drained stream held once the process has exited (a child it left holding the pipe gets 5 s). */
    private static byte[] read(CompletableFuture<byte[]> drained) throws IOException, InterruptedException {
        try {
            return drained.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("espeak-ng exited but its output did not close");
        }
    }

    static String ssml(List<String> paragraphs) {
        var sb = new StringBuilder("<speak>");
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i > 0) {
                sb.append("<break time=\"").append(PARAGRAPH_PAUSE_MS).append("ms\"/>");
            }
            sb.append(escape(paragraphs.get(i)));
        }
        return sb.append("</speak>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
