package ai.sorot.lambda.coverage;

import ai.sorot.model.Json;
import ai.sorot.model.report.GridScore;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON schema of a coverage answer, the one {@link CoverageAnswer} reads. Servers that take
 * a schema ({@code response_format: json_schema} on OpenAI-compatible servers: llama.cpp turns it
 * into a grammar, Ollama and vLLM constrain decoding with it) then cannot answer in prose; the
 * prompt describes the same fields for those that ignore it. Strict form: every property
 * required, nothing else allowed.
 */
public final class CoverageSchema {

    public static final String NAME = "screenplay_coverage";

    private CoverageSchema() {}

    public static ObjectNode schema() {
        var root = object();
        var props = (ObjectNode) root.get("properties");
        props.set("logline", string("One sentence: who wants what, against what."));
        props.set("synopsis", string("150 to 300 words, the whole story including the ending."));
        props.set("genres", strings(1, 3));
        props.set("tone", string("A short phrase."));
        props.set("themes", strings(1, 5));
        props.set("comparables", strings(0, 4));
        props.set("protagonist", string("The lead character's name as the script writes it."));
        props.set("strengths", claims());
        props.set("concerns", claims());
        var row = object();
        var rowProps = (ObjectNode) row.get("properties");
        var criterion = string(null);
        var names = criterion.putArray("enum");
        GridScore.CRITERIA.forEach(names::add);
        rowProps.set("criterion", criterion);
        rowProps.set(
                "score",
                Json.mapper()
                        .createObjectNode()
                        .put("type", "integer")
                        .put("minimum", 1)
                        .put("maximum", 10));
        rowProps.set("reason", string(null));
        rowProps.set("evidence", evidence());
        required(row);
        props.set("grid", array(row, GridScore.CRITERIA.size(), GridScore.CRITERIA.size()));
        var recommendation = string(null);
        recommendation.putArray("enum").add("RECOMMEND").add("CONSIDER").add("PASS");
        props.set("recommendation", recommendation);
        props.set("rationale", string(null));
        required(root);
        return root;
    }

    private static ObjectNode claims() {
        var claim = object();
        var props = (ObjectNode) claim.get("properties");
        props.set("text", string(null));
        props.set("evidence", evidence());
        required(claim);
        return array(claim, 1, 5);
    }

    private static ObjectNode evidence() {
        var citation = object();
        var props = (ObjectNode) citation.get("properties");
        props.set(
                "scene", Json.mapper().createObjectNode().put("type", "integer").put("minimum", 0));
        props.set(
                "quote",
                string("At most " + CoveragePrompt.MAX_QUOTE_WORDS + " words copied exactly from that scene."));
        required(citation);
        return array(citation, 1, 3);
    }

    private static ObjectNode object() {
        var node = Json.mapper().createObjectNode().put("type", "object");
        node.putObject("properties");
        node.put("additionalProperties", false);
        return node;
    }

    private static void required(ObjectNode object) {
        var required = object.putArray("required");
        object.get("properties").fieldNames().forEachRemaining(required::add);
    }

    private static ObjectNode string(String description) {
        var node = Json.mapper().createObjectNode().put("type", "string");
        if (description != null) {
            node.put("description", description);
        }
        return node;
    }

    private static ObjectNode strings(int min, int max) {
        return array(string(null), min, max);
    }

    private static ObjectNode array(ObjectNode items, int min, int max) {
        var node = Json.mapper().createObjectNode().put("type", "array");
        node.set("items", items);
        node.put("minItems", min).put("maxItems", max);
        return node;
    }
}
