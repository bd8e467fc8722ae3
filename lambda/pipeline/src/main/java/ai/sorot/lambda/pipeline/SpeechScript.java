package ai.sorot.lambda.pipeline;

import java.util.List;

/**
 * A text written for the ear, in paragraphs: a narrator pauses between them (a break in SSML,
 * silence in a WAV). Sentences are short and numbers are written as they are said.
 */
public record SpeechScript(List<String> paragraphs) {

    public SpeechScript {
        paragraphs = List.copyOf(paragraphs);
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("an empty script");
        }
    }

    public String plainText() {
        return String.join("\n\n", paragraphs);
    }

    public int words() {
        return paragraphs.stream()
                .mapToInt(p -> p.isBlank() ? 0 : p.trim().split("\\s+").length)
                .sum();
    }
}
