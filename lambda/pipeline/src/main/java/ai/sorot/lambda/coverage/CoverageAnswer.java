package ai.sorot.lambda.coverage;

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
 * Reads a model's answer into the {@link Coverage} record, or says precisely what is wrong with
 * it, so that one repair request can name the problems. Only the answer's text is read: a
 * reasoning block never becomes part of a report, and a {@code <think>} section some servers
 * leave in the text is cut off too.
 *
 * <p>Every strength, concern and grid row cites scenes with quotes; each quote is looked up in
 * the script ({@link QuoteFinder}) and becomes QUOTED evidence with its page, or NOT_FOUND. A
 * claim whose every quote is NOT_FOUND is listed in {@code unfound}, for the repair request; it
 * stays in the coverage, shown as unverified, and never counts as support.
 */
public final class CoverageAnswer {

    /**
     * The coverage, or the problems that keep it from being one (then {@code coverage} is null);
     * {@code unfound} describes the claims none of whose quotes is in the script.
     */
    public record Reading(Coverage coverage, List<String> problems, List<String> unfound) {

        public Reading {
            problems = List.copyOf(problems);
            unfound = List.copyOf(unfound);
        }

        public boolean ok() {
            return coverage != null;
        }
    }

    /** Longer quotes than this are not copied words but paraphrase or whole paragraphs. */
    static final int QUOTE_WORDS_LIMIT = 60;

    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
    private static final Pattern UNCLOSED_THINK = Pattern.compile("(?s)^.*</think>");

    private CoverageAnswer() {}

    public static Reading read(String answerText, Screenplay screenplay, Provenance provenance) {
        return read(answerText, screenplay, new QuoteFinder(screenplay), provenance);
    }

    public static Reading read(String answerText, Screenplay screenplay, QuoteFinder quotes, Provenance provenance) {
        var problems = new ArrayList<String>();
        var json = extractJson(answerText);
        if (json == null) {
            return failed("The answer is not a JSON object (it must be one object, nothing around it).");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return failed("The answer is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ").");
        }
        if (root == null || !root.isObject()) {
            return failed("The answer must be one JSON object.");
        }
        var cited = new Cited(screenplay, quotes, problems, new ArrayList<>());
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
        var strengths = claims(root, "strengths", cited);
        var concerns = claims(root, "concerns", cited);
        var grid = grid(root, cited);
        if (!problems.isEmpty()) {
            return new Reading(null, problems, cited.unfound());
        }
        var coverage = new Coverage(
                logline,
                synopsis,
                genres,
                tone,
                strings(root, "themes"),
                strings(root, "comparables"),
                protagonist,
                strengths,
                concerns,
                grid,
                recommendation,
                rationale,
                provenance);
        return new Reading(coverage, List.of(), cited.unfound());
    }

    private static Reading failed(String problem) {
        return new Reading(null, List.of(problem), List.of());
    }

    /** What reading the citations needs, and what it collects. */
    private record Cited(Screenplay screenplay, QuoteFinder quotes, List<String> problems, List<String> unfound) {}

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
            problems.add(
                    "\"recommendation\" must be RECOMMEND, CONSIDER or PASS, not \"" + clip(node.asText()) + "\".");
            return null;
        }
    }

    private static List<Claim> claims(JsonNode root, String field, Cited cited) {
        var node = root.get(field);
        if (node == null || !node.isArray() || node.isEmpty()) {
            cited.problems().add("\"" + field + "\" must list at least one item.");
            return List.of();
        }
        var out = new ArrayList<Claim>();
        int n = 0;
        for (var item : node) {
            n++;
            var text = item.path("text").asText("").strip();
            if (text.isEmpty()) {
                cited.problems().add("Every item of \"" + field + "\" needs a \"text\" and its \"evidence\".");
                continue;
            }
            var label = singular(field) + " " + n + " (\"" + clip(text) + "\")";
            out.add(new Claim(text, evidence(item, label, cited)));
        }
        return out;
    }

    private static List<GridScore> grid(JsonNode root, Cited cited) {
        var problems = cited.problems();
        var node = root.get("grid");
        if (node == null || !node.isArray()) {
            problems.add("\"grid\" must be a list of six rows: " + String.join(", ", GridScore.CRITERIA) + ".");
            return List.of();
        }
        var rows = new LinkedHashMap<String, GridScore>();
        for (var item : node) {
            var criterion = normalise(item.path("criterion").asText(""));
            if (!GridScore.CRITERIA.contains(criterion)) {
                problems.add("\"grid\" has an unknown criterion \""
                        + clip(item.path("criterion").asText("")) + "\".");
                continue;
            }
            var score = item.get("score");
            if (score == null
                    || !score.canConvertToInt()
                    || (score.isFloatingPointNumber() && score.asDouble() % 1 != 0)) {
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
            rows.put(
                    criterion,
                    new GridScore(criterion, value, reason, evidence(item, "the " + criterion + " row", cited)));
        }
        var missing = new LinkedHashSet<>(GridScore.CRITERIA);
        missing.removeAll(rows.keySet());
        if (!missing.isEmpty()) {
            problems.add("\"grid\" is missing " + String.join(", ", missing) + ".");
        }
        return GridScore.CRITERIA.stream()
                .filter(rows::containsKey)
                .map(rows::get)
                .toList();
    }

    /**
     * The quotes a claim cites, each looked up in the script: QUOTED with its page, or NOT_FOUND.
     * A claim with no quote at all is a problem for the repair; one whose every quote is missing
     * from the script is listed as unfound.
     */
    private static List<Evidence> evidence(JsonNode item, String label, Cited cited) {
        var out = new ArrayList<Evidence>();
        var node = item.get("evidence");
        if (node != null && node.isObject()) {
            node = Json.mapper().createArrayNode().add(node);
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            cited.problems()
                    .add(capitalise(label) + " cites no evidence: give one to three {\"scene\", \"quote\"} items.");
            return out;
        }
        for (var citation : node) {
            var quote = (citation.isTextual()
                            ? citation.asText("")
                            : citation.path("quote").asText(""))
                    .strip();
            if (quote.isEmpty()) {
                cited.problems().add(capitalise(label) + " cites a scene without a quote.");
                continue;
            }
            if (quote.split("\\s+").length > QUOTE_WORDS_LIMIT) {
                cited.problems()
                        .add(capitalise(label) + " quotes more than " + CoveragePrompt.MAX_QUOTE_WORDS
                                + " words: quote a short passage.");
                continue;
            }
            var scene = citation.get("scene");
            int index = scene == null ? -1 : scene.isNumber() ? scene.asInt() : parseSceneRef(scene.asText(""));
            out.add(cited.quotes().verify(quote, index));
        }
        if (!out.isEmpty() && out.stream().noneMatch(e -> e.verification().supports())) {
            cited.unfound()
                    .add(capitalise(label) + " quotes words that are not in the script: "
                            + out.stream()
                                    .map(e -> "\"" + clip(e.quote()) + "\""
                                            + (e.scene() == null ? "" : " (scene " + e.scene() + ")"))
                                    .collect(java.util.stream.Collectors.joining(", "))
                            + ".");
        }
        return out;
    }

    private static String singular(String field) {
        return field.endsWith("s") ? field.substring(0, field.length() - 1) : field;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
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
        return criterion
                .strip()
                .toLowerCase(Locale.ROOT)
                .replace('_', ' ')
                .replace('-', ' ')
                .replaceAll("\\s+", " ");
    }

    private static String clip(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
