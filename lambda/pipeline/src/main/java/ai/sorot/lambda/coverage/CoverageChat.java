package ai.sorot.lambda.coverage;

import ai.sorot.model.report.Usage;
import java.time.Duration;
import java.util.List;

/**
 * One chat model as the coverage exchange sees it: a conversation in, the model's answer text
 * out. Bedrock's Converse API and an OpenAI-compatible server each implement it; transport
 * failures are {@code SorotException}s with a stable code (MODEL_UNAVAILABLE, THROTTLED,
 * STEP_TIMEOUT, ANALYST_FAILED).
 */
public interface CoverageChat {

    enum Role {
        USER,
        ASSISTANT
    }

    record Turn(Role role, String text) {}

    /**
     * The answer: its text without the reasoning; whether it was cut off at the output limit;
     * the stop reason as the server names it; the prompt's size as the server counted it (0 when
     * not told); and what the call consumed.
     */
    record Reply(String text, boolean cutOff, String stopReason, long promptTokens, Usage usage) {

        public Reply {
            text = text == null ? "" : text;
            usage = usage == null ? Usage.NONE : usage;
        }
    }

    /** Who answers, for messages: "qwen3:14b via Ollama at http://127.0.0.1:11434/v1". */
    String describe();

    /** How many tokens of prompt the model can take (its window less room for the answer). */
    int maxPromptTokens();

    /** Sends the conversation and waits at most {@code timeLeft} for the answer. */
    Reply send(List<Turn> turns, Duration timeLeft);
}
