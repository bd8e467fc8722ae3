package ai.sorot.model.report;

/** What a step consumed, for the cost estimate: tokens, Polly characters, seconds of video. */
public record Usage(long inputTokens, long outputTokens, long characters, double videoSeconds, double costUsd) {

    public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens,
                characters + other.characters,
                videoSeconds + other.videoSeconds,
                costUsd + other.costUsd);
    }
}
