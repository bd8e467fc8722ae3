package ai.sorot.lambda.aws.gemini;

import ai.sorot.model.Json;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Collectors;

/** What Gemini is asked about a trailer, and the shape of its answer. */
final class TrailerPrompt {

    private TrailerPrompt() {}

    /** The answer's shape, in the OpenAPI subset the Gemini API takes as {@code responseSchema}. */
    static ObjectNode schema() {
        var m = Json.mapper();
        var schema = m.createObjectNode().put("type", "OBJECT");
        var props = schema.putObject("properties");
        props.putObject("pacing")
                .put("type", "STRING")
                .put("description", "How the trailer is cut and paced, one or two sentences");
        props.putObject("tone").put("type", "STRING").put("description", "The tone it sets, a short phrase");
        props.putObject("hook").put("type", "STRING").put("description", "What grabs the viewer, and when");
        props.putObject("promiseVsScript")
                .put("type", "STRING")
                .put("description", "What the trailer promises against what the screenplay delivers");
        props.putObject("score")
                .put("type", "INTEGER")
                .put("description", "How well the trailer sells the film, 1 to 10");
        props.putObject("durationSeconds").put("type", "NUMBER").put("description", "The video's length in seconds");
        props.putObject("isTrailerOfThisFilm")
                .put("type", "BOOLEAN")
                .put("description", "Whether this video is a trailer or teaser of the film described, at all");
        props.putObject("notTrailerReason")
                .put("type", "STRING")
                .put("description", "When it is not: what the video is instead; empty otherwise");
        var observation = props.putObject("observations")
                .put("type", "ARRAY")
                .putObject("items")
                .put("type", "OBJECT");
        var oProps = observation.putObject("properties");
        oProps.putObject("timestamp").put("type", "STRING").put("description", "Where in the video, as m:ss");
        oProps.putObject("text").put("type", "STRING");
        ((ArrayNode) observation.putArray("required")).add("timestamp").add("text");
        var required = schema.putArray("required");
        var names = new String[] {
            "isTrailerOfThisFilm",
            "notTrailerReason",
            "pacing",
            "tone",
            "hook",
            "promiseVsScript",
            "score",
            "durationSeconds",
            "observations"
        };
        for (var name : names) {
            if (!name.equals("notTrailerReason")) {
                required.add(name);
            }
        }
        var order = schema.putArray("propertyOrdering");
        for (var name : names) {
            order.add(name);
        }
        return schema;
    }

    static String instructions(Screenplay screenplay) {
        return instructions(screenplay, null);
    }

    /**
     * The task and what the film is: the coverage's logline and synopsis when a model wrote them
     * (the whole story, not just its first pages), else the script's opening. Gemini is asked
     * first whether the video is this film's trailer at all (a wrong link, a music video, another
     * film's trailer), and to give times only within the video.
     */
    static String instructions(Screenplay screenplay, Coverage coverage) {
        var sb = new StringBuilder();
        sb.append(
                        "You are a film-festival programmer watching the trailer of a submitted film. First say whether this ")
                .append(
                        "video is a trailer or teaser of the film described below at all (a wrong link, another film's ")
                .append("trailer, a music video or a lecture is not), and if not, what it is. Then judge the video ")
                .append("itself (pacing, tone, hook) and compare what it promises with the screenplay. ")
                .append(
                        "Give three to six observations with the time in the video where each shows, as m:ss, never past ")
                .append(
                        "the video's end. Score 1 to 10 how well the trailer sells this film; 5 is typical. Answer in English.\n\n");
        if (screenplay == null) {
            return sb.append("(No screenplay details are available.)").toString();
        }
        sb.append("SCREENPLAY\n");
        if (screenplay.title() != null) {
            sb.append("Title: ").append(screenplay.title()).append('\n');
        }
        var stats = screenplay.stats();
        if (stats != null) {
            sb.append("%d pages, %d scenes, about %.0f minutes. Leading characters: %s.%n"
                    .formatted(
                            stats.pageCount(),
                            stats.sceneCount(),
                            stats.runtimeMinutes(),
                            stats.characters().stream()
                                    .limit(6)
                                    .map(c -> c.name())
                                    .collect(Collectors.joining(", "))));
            sb.append("Main locations: ")
                    .append(stats.locations().stream()
                            .limit(6)
                            .map(l -> l.name())
                            .collect(Collectors.joining(", ")))
                    .append(".\n");
        }
        if (coverage != null
                && coverage.provenance() != null
                && coverage.provenance().modelRead()
                && coverage.logline() != null
                && coverage.synopsis() != null) {
            sb.append("Logline: ").append(coverage.logline().strip()).append('\n');
            sb.append("Synopsis: ").append(coverage.synopsis().strip()).append('\n');
            if (!coverage.genres().isEmpty()) {
                sb.append("Genres: ")
                        .append(String.join(", ", coverage.genres()))
                        .append('\n');
            }
            return sb.toString();
        }
        sb.append("Opening of the script:\n");
        int words = 0;
        for (var element : screenplay.elements()) {
            if (words > 600) {
                break;
            }
            if (element.type() == ElementType.ACTION
                    || element.type() == ElementType.SCENE_HEADING
                    || element.type() == ElementType.DIALOGUE) {
                var text = element.text().replaceAll("\\s+", " ").strip();
                sb.append(text).append('\n');
                words += text.split(" ").length;
            }
        }
        return sb.toString();
    }
}
