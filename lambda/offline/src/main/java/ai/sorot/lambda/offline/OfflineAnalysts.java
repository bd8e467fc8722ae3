package ai.sorot.lambda.offline;

import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.Analysts;
import ai.sorot.lambda.pipeline.NarrationRequest;
import ai.sorot.lambda.pipeline.Narrator;
import ai.sorot.lambda.pipeline.ScreenplayExtractor;
import ai.sorot.lambda.pipeline.SpokenAudio;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.model.report.Provenance;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The analysts that need no network and no account: the screenplay engine, the no-model coverage
 * and trailer notes, and this computer's voice. The entry points pass the voice setting
 * ({@code SOROT_NARRATOR}); nothing here reads the environment.
 */
public final class OfflineAnalysts {

    private OfflineAnalysts() {}

    /** The offline analysts with the voice found on this computer. */
    public static Analysts standard() {
        return withVoice(null);
    }

    /** The offline analysts; {@code voicePreference} is {@code SOROT_NARRATOR}'s value, null for the one found. */
    public static Analysts withVoice(String voicePreference) {
        return new Analysts(
                extractor(),
                new OfflineCoverageAnalyst(),
                new OfflineTrailerAnalyst(),
                new LocalNarrator(voicePreference));
    }

    /**
     * The same, with the voice looked for only when it is first asked for: a Lambda sandbox has
     * none, and a cloud stack without a model for a role should not probe for espeak-ng at start.
     */
    public static Analysts withLazyVoice(String voicePreference) {
        var voice = new AtomicReference<Narrator>();
        Supplier<Narrator> local = () -> voice.updateAndGet(v -> v != null ? v : new LocalNarrator(voicePreference));
        Narrator lazy = new Narrator() {
            @Override
            public Provenance provenance() {
                return local.get().provenance();
            }

            @Override
            public AnalystResult<SpokenAudio> narrate(NarrationRequest request) {
                return local.get().narrate(request);
            }
        };
        return new Analysts(extractor(), new OfflineCoverageAnalyst(), new OfflineTrailerAnalyst(), lazy);
    }

    /** The screenplay engine: PDFBox layout reading or the Fountain parser, within its own limits. */
    public static ScreenplayExtractor extractor() {
        return new ScreenplayReader()::read;
    }
}
