package ai.sorot.lambda.pipeline;

import ai.sorot.model.report.Provenance;

/** Step 5's voice: espeak-ng or FreeTTS locally (WAV), Amazon Polly in the cloud (MP3). */
public interface Narrator {

    Provenance provenance();

    AnalystResult<SpokenAudio> narrate(NarrationRequest request);
}
