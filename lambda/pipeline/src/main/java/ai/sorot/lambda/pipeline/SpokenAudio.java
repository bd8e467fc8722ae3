package ai.sorot.lambda.pipeline;

import java.util.Objects;

/**
 * Synthesised speech: the file's bytes ({@code format} "wav" locally, "mp3" from Polly), its
 * content type and how long it plays.
 */
public record SpokenAudio(byte[] bytes, String format, String contentType, double durationSeconds, String voice) {

    public SpokenAudio {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(contentType, "contentType");
    }
}
