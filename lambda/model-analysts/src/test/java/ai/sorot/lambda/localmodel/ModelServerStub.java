package ai.sorot.lambda.localmodel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ai.sorot.model.Json;
import ai.sorot.model.report.GridScore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.util.List;

/**
 * An OpenAI-compatible server on loopback, answering as Ollama (0.x: {@code owned_by: library},
 * {@code /api/show} with the Modelfile's parameters) or llama.cpp's {@code llama-server}
 * ({@code owned_by: llamacpp}, {@code /props}, reasoning split into {@code reasoning_content})
 * answer. The coverage answers here were written for these tests by hand; no model wrote them.
 * They quote Brick &amp; Steel (Stu Maschwitz, MIT, shared/corpus/screenplain/examples).
 */
final class ModelServerStub implements AutoCloseable {

    static final String CHAT = "/v1/chat/completions";
    final WireMockServer server;

    ModelServerStub() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.port() + "/v1");
    }

    /** Ollama serving {@code model}, its Modelfile setting {@code num_ctx} (null: not set). */
    ModelServerStub asOllama(String model, Integer numCtx) {
        var list = Json.mapper().createObjectNode().put("object", "list");
        list.putArray("data")
                .addObject()
                .put("id", model)
                .put("object", "model")
                .put("created", 1_764_000_000)
                .put("owned_by", "library");
        server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(json(200, list)));
        var show = Json.mapper()
                .createObjectNode()
                .put("modelfile", "FROM " + model)
                .put(
                        "parameters",
                        (numCtx == null ? "" : "num_ctx                        " + numCtx + "\n")
                                + "stop                           \"<|im_end|>\"\ntemperature                    0.6");
        show.putObject("details")
                .put("family", "qwen3")
                .put("parameter_size", "14.8B")
                .put("quantization_level", "Q4_K_M");
        server.stubFor(post(urlPathEqualTo("/api/show")).willReturn(json(200, show)));
        return this;
    }

    /** llama.cpp's server with one GGUF loaded and a {@code -c} of {@code nCtx}. */
    ModelServerStub asLlamaCpp(String file, int nCtx) {
        var list = Json.mapper().createObjectNode().put("object", "list");
        var entry = list.putArray("data")
                .addObject()
                .put("id", file)
                .put("object", "model")
                .put("created", 1_764_000_000)
                .put("owned_by", "llamacpp");
        entry.putObject("meta").put("vocab_type", 2).put("n_vocab", 151_936).put("n_ctx_train", 40_960);
        server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(json(200, list)));
        var props = Json.mapper().createObjectNode();
        props.putObject("default_generation_settings").put("n_ctx", nCtx);
        props.put("total_slots", 1).put("model_path", "/models/" + file);
        server.stubFor(get(urlPathEqualTo("/props")).willReturn(json(200, props)));
        return this;
    }

    /** The chat answers in order; the last one repeats. */
    void chat(ResponseDefinitionBuilder... answers) {
        var steps = List.of(answers);
        for (int i = 0; i < steps.size(); i++) {
            var state = i == 0 ? Scenario.STARTED : "chat-" + i;
            var mapping = post(urlPathEqualTo(CHAT))
                    .inScenario("chat")
                    .whenScenarioStateIs(state)
                    .willReturn(steps.get(i));
            if (i + 1 < steps.size()) {
                mapping = mapping.willSetStateTo("chat-" + (i + 1));
            }
            server.stubFor(mapping);
        }
    }

    /** A chat completion as Ollama's OpenAI route returns it: the reasoning left in the content as {@code <think>}. */
    static ResponseDefinitionBuilder ollamaAnswer(
            String model, String thinking, String content, String finish, int promptTokens, int completionTokens) {
        var text = (thinking == null ? "" : "<think>\n" + thinking + "\n</think>\n\n") + content;
        var body = completion(model, finish, promptTokens, completionTokens).put("system_fingerprint", "fp_ollama");
        ((ObjectNode) body.withArray("choices").get(0))
                .putObject("message")
                .put("role", "assistant")
                .put("content", text);
        return json(200, body);
    }

    /** A chat completion as llama-server returns it with a reasoning format: the reasoning in its own field. */
    static ResponseDefinitionBuilder llamaCppAnswer(
            String model, String reasoning, String content, String finish, int promptTokens, int completionTokens) {
        var body = completion(model, finish, promptTokens, completionTokens);
        ((ObjectNode) body.withArray("choices").get(0))
                .putObject("message")
                .put("role", "assistant")
                .put("reasoning_content", reasoning)
                .put("content", content);
        body.putObject("timings").put("prompt_n", promptTokens).put("predicted_n", completionTokens);
        return json(200, body);
    }

    private static ObjectNode completion(String model, String finish, int promptTokens, int completionTokens) {
        var body = Json.mapper()
                .createObjectNode()
                .put("id", "chatcmpl-716")
                .put("object", "chat.completion")
                .put("created", 1_764_990_000)
                .put("model", model);
        body.putArray("choices").addObject().put("index", 0).put("finish_reason", finish);
        body.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return body;
    }

    static ResponseDefinitionBuilder json(int status, ObjectNode body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body.toString());
    }

    /** Real words of Brick &amp; Steel, with their pages in the PDF (the second runs across the page break). */
    static final String REAL_QUOTE = "A gorgeous day. The sun is shining.";

    static final String ACROSS_PAGES = "What is it you want with me, DICK? Steel SMACKS him. Who's coming after us?";
    static final String CURLY_QUOTE = "This is everybody we’ve ever put away.";

    /** A coverage answer written for these tests; {@code quotes} are cited in order, round robin. */
    static String coverage(String recommendation, String... quotes) {
        var root = Json.mapper().createObjectNode();
        root.put("logline", "Two retired detectives learn that everyone they ever put away is coming for them.");
        root.put(
                "synopsis",
                "Brick and Steel drink to retirement and hate it. Word comes that every criminal they "
                        + "jailed wants revenge; they shake down Cognito, take Mom's Porsche and speed off to destiny.");
        root.putArray("genres").add("Action").add("Comedy");
        root.put("tone", "deadpan buddy-cop parody");
        root.putArray("themes").add("retirement").add("friendship");
        root.putArray("comparables").add("The Nice Guys (2016)").add("Hot Fuzz (2007)");
        root.put("protagonist", "BRICK");
        int[] next = {0};
        java.util.function.Supplier<String> quote = () -> quotes[next[0]++ % quotes.length];
        var strengths = root.putArray("strengths");
        strengths
                .addObject()
                .put("text", "The deadpan rhythm of the dialogue.")
                .putArray("evidence")
                .addObject()
                .put("scene", 1)
                .put("quote", quote.get());
        strengths
                .addObject()
                .put("text", "Economical set-up of the threat.")
                .putArray("evidence")
                .addObject()
                .put("scene", 6)
                .put("quote", quote.get());
        root.putArray("concerns")
                .addObject()
                .put("text", "The villains are a list, not characters.")
                .putArray("evidence")
                .addObject()
                .put("scene", 7)
                .put("quote", quote.get());
        var grid = root.putArray("grid");
        int score = 4;
        for (var criterion : GridScore.CRITERIA) {
            grid.addObject()
                    .put("criterion", criterion)
                    .put("score", score++)
                    .put("reason", "As the quoted lines show.")
                    .putArray("evidence")
                    .addObject()
                    .put("scene", 1)
                    .put("quote", quote.get());
        }
        root.put("recommendation", recommendation);
        root.put("rationale", "A short, confident parody; worth a second reader for the shorts programme.");
        return root.toString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
