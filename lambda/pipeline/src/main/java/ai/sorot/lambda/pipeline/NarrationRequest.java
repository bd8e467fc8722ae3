package ai.sorot.lambda.pipeline;

import java.time.Duration;

/** What the narrator speaks, for which analysis, within what time. */
public record NarrationRequest(String analysisId, SpeechScript script, Duration budget) {}
