package ai.sorot.lambda.pipeline;

import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.TrailerAnalysis;

/**
 * Step 3: the trailer. Link metadata only offline ("not analysed offline"), Gemini 2.5
 * Flash-Lite in the cloud. Only called when a trailer link was given.
 */
public interface TrailerAnalyst {

    Provenance provenance();

    AnalystResult<TrailerAnalysis> analyse(TrailerRequest request);
}
