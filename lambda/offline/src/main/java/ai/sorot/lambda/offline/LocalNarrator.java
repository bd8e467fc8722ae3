package ai.sorot.lambda.offline;

import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.NarrationRequest;
import ai.sorot.lambda.pipeline.Narrator;
import ai.sorot.lambda.pipeline.SpokenAudio;
import ai.sorot.model.report.Provenance;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The local voice: espeak-ng when it is installed, FreeTTS otherwise ({@code SOROT_NARRATOR}
 * = espeak | freetts forces one). Looking for espeak-ng starts a process, so it happens in the
 * background at start, off the path to the first answered request.
 */
public final class LocalNarrator implements Narrator {

    private final CompletableFuture<Narrator> chosen;

    public LocalNarrator(String preference) {
        var wanted = preference == null ? "" : preference.strip().toLowerCase(Locale.ROOT);
        this.chosen = CompletableFuture.supplyAsync(
                () -> choose(wanted),
                r -> Thread.ofVirtual().name("sorot-narrator-probe").start(r));
    }

    private static Narrator choose(String wanted) {
        if (wanted.equals("freetts")) {
            return new FreeTtsNarrator();
        }
        return EspeakNarrator.find().<Narrator>map(n -> n).orElseGet(FreeTtsNarrator::new);
    }

    Narrator delegate() {
        return chosen.join();
    }

    /** Who speaks, if the probe has answered within {@code wait}; {@code /health} must not hang on it. */
    public java.util.Optional<Provenance> provenanceWithin(java.time.Duration wait) {
        try {
            return java.util.Optional.of(chosen.get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .provenance());
        } catch (java.util.concurrent.TimeoutException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public Provenance provenance() {
        return delegate().provenance();
    }

    @Override
    public AnalystResult<SpokenAudio> narrate(NarrationRequest request) {
        return delegate().narrate(request);
    }
}
