package ai.sorot.lambda.aws.bedrock;

import ai.sorot.model.Json;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.screenplay.Screenplay;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the model's answer into the {@link Coverage} record, or says precisely what is wrong
 * with it, so that one repair request can name the problems. Only the answer's text blocks are
 * read: the reasoning block never becomes part of a report, and a {@code <think>} section some
 * deployments leave in the text is cut off too.
 */
public final class CoverageAnswer {

    /** The coverage, or the problems that keep it from being one (then {@code coverage} is null). */
    public record Reading(Coverage coverage, List<String> problems) {

        public boolean ok() {
            return coverage != null;
        }
    }

    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
    private static final Pattern UNCLOSED_THINK = Pattern.compile("(?s)^.*</think>");

    private CoverageAnswer() {}

    public static Reading read(String answerText, Screenplay screenplay, Provenance provenance) {
        var problems = new ArrayList<String>();
        var json = extractJson(answerText);
        if (json == null) {
            return new Reading(null, List.of("The answer is not a JSON object (it must be one object, nothing around it)."));
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return new Reading(null, List.of("The answer is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")."));
        }
        if (root == null || !root.isObject()) {
            return new Reading(null, List.of("The answer must be one JSON object."));
        }
        var logline = text(root, "logline", problems, true);
        var synopsis = text(root, "synopsis", problems, true);
        var rationale = text(root, "rationale", problems, true);
        var tone = text(root, "tone", problems, false);
        var protagonist = text(root, "protagonist", problems, false);
        var genres = strings(root, "genres");
        if (genres.isEmpty()) {
            problems.add("\"genres\" must list at least one genre.");
        }
        var recommendation = recommendation(root, problems);
        var strengths = claims(root, "strengths", screenplay, problems);
        var concerns = claims(root, "concerns", screenplay, problems);
        var grid = grid(root, screenplay, problems);
        if (!problems.isEmpty()) {
            return new Reading(null, List.copyOf(problems));
        }
        var coverage = new Coverage(logline, synopsis, genres, tone, strings(root, "themes"), strings(root, "comparables"),
                protagonist, strengths, concerns, grid, recommendation, rationale, provenance);
        return new Reading(coverage, List.of());
    }

    /** The JSON object in the answer: without reasoning tags or a Markdown fence, from the first brace to its match. */
    static String extractJson(String answerText) {
        if (answerText == null) {
            return null;
        }
        var text = THINK.matcher(answerText).replaceAll("");
        if (text.contains("</think>")) {
            text = UNCLOSED_THINK.matcher(text).replaceFirst("");
        }
        int start = text.indexOf('{');
        if (start < 0) {
            return null;
        }
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return text.substring(start, i + 1);
                }
            }
        }
        return text.substring(start); // unbalanced: let the parser say where it breaks
    }

    private static String text(JsonNode root, String field, List<String> problems, boolean required) {
        var node = root.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            if (required) {
                problems.add("\"" + field + "\" is missing or empty.");
            }
            return null;
        }
        if (!node.isTextual()) {
            problems.add("\"" + field + "\" must be a string.");
            return null;
        }
        return node.asText().strip();
    }

    private static List<String> strings(JsonNode root, String field) {
        var node = root.get(field);
        var out = new ArrayList<String>();
        if (node != null && node.isArray()) {
            for (var item : node) {
                if (item.isTextual() && !item.asText().isBlank()) {
                    out.add(item.asText().strip());
                }
            }
        } else if (node != null && node.isTextual() && !node.asText().isBlank()) {
            out.add(node.asText().strip());
        }
        return out;
    }

    private static Recommendation recommendation(JsonNode root, List<String> problems) {
        var node = root.get("recommendation");
        if (node == null || !node.isTextual()) {
            problems.add("\"recommendation\" must be RECOMMEND, CONSIDER or PASS.");
            return null;
        }
        try {
            return Recommendation.valueOf(node.asText().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("\"recommendation\" must be RECOMMEND, CONSIDER or PASS, not \"" + clip(node.asText()) + "\".");
            return null;
        }
    }

    private static List<Claim> claims(JsonNode root, String field, Screenplay screenplay, List<String> problems) {
        var node = root.get(field);
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add("\"" + field + "\" must list at least one item.");
            return List.of();
        }
        var out = new ArrayList<Claim>();
        for (var item : node) {
            if (item.isTextual() && !item.asText().isBlank()) {
                out.add(new Claim(item.asText().strip(), List.of()));
                continue;
            }
            var text = item.path("text").asText("").strip();
            if (text.isEmpty()) {
                problems.add("Every item of \"" + field + "\" needs a \"text\".");
                continue;
            }
            out.add(new Claim(text, evidence(item, screenplay)));
        }
        return out;
    }

    private static List<GridScore> grid(JsonNode root, Screenplay screenplay, List<String> problems) {
        var node = root.get("grid");
        if (node == null || !node.isArray()) {
            problems.add("\"grid\" must be a list of six rows: " + String.join(", ", GridScore.CRITERIA) + ".");
            return List.of();
        }
        var rows = new LinkedHashMap<String, GridScore>();
        for (var item : node) {
            var criterion = normalise(item.path("criterion").asText(""));
            if (!GridScore.CRITERIA.contains(criterion)) {
                problems.add("\"grid\" has an unknown criterion \"" + clip(item.path("criterion").asText("")) + "\".");
                continue;
            }
            var score = item.get("score");
            if (score == null || !score.canConvertToInt() || (score.isFloatingPointNumber() && score.asDouble() % 1 != 0)) {
                problems.add("The " + criterion + " score must be a whole number from 1 to 10.");
                continue;
            }
            int value = score.asInt();
            if (value < 1 || value > 10) {
                problems.add("The " + criterion + " score must be from 1 to 10, not " + value + ".");
                continue;
            }
            var reason = item.path("reason").asText("").strip();
            if (reason.isEmpty()) {
                problems.add("The " + criterion + " row needs a \"reason\".");
                continue;
            }
            if (rows.containsKey(criterion)) {
                problems.add("\"grid\" has " + criterion + " twice.");
                continue;
            }
            rows.put(criterion, new GridScore(criterion, value, reason, evidence(item, screenplay)));
        }
        var missing = new LinkedHashSet<>(GridScore.CRITERIA);
        missing.removeAll(rows.keySet());
        if (!missing.isEmpty()) {
            problems.add("\"grid\" is missing " + String.join(", ", missing) + ".");
        }
        return GridScore.CRITERIA.stream().filter(rows::containsKey).map(rows::get).toList();
    }

    /** Scenes the model cited, as evidence a programmer can open; numbers outside the script are dropped. */
    private static List<Evidence> evidence(JsonNode item, Screenplay screenplay) {
        var scenes = screenplay.scenes();
        var out = new ArrayList<Evidence>();
        var seen = new LinkedHashSet<Integer>();
        for (var n : item.path("scenes")) {
            int index = n.isNumber() ? n.asInt() : parseSceneRef(n.asText(""));
            if (index >= 1 && index <= scenes.size() && seen.add(index)) {
                var scene = scenes.get(index - 1);
                out.add(Evidence.scene(scene.index(), scene.sceneNumber(), scene.startPage()));
            }
        }
        return out;
    }

    private static int parseSceneRef(String text) {
        var digits = text.replaceAll("[^0-9]", "");
        try {
            return digits.isEmpty() ? -1 : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String normalise(String criterion) {
        return criterion.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
