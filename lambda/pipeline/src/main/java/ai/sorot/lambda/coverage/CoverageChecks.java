package ai.sorot.lambda.coverage;

import ai.sorot.model.report.Check;
import ai.sorot.model.report.CheckCode;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What Sorot checks in a model's coverage against the script and against itself, the same for
 * every model: a protagonist who never speaks, a comparable that is the script's own title, a
 * recommendation the model's own grid does not support, quotes that are not in the script; and
 * in the script, text that addresses the reading model.
 */
public final class CoverageChecks {

    /** A Recommend under this grid mean, or a Pass over the other, disagrees with the grid. */
    static final double RECOMMEND_BELOW = 6.0;

    static final double PASS_ABOVE = 7.0;

    /**
     * Words a screenplay has no reason to say to its reader, and a prompt injection does: orders
     * about instructions, prompts, scores and the reader's role.
     */
    private static final Pattern INJECTION = Pattern.compile("(?i)\\b("
            + "(ignore|disregard|forget|override)\\s+(all\\s+|any\\s+|the\\s+|your\\s+)?(previous|prior|above|earlier|preceding|system)\\s+"
            + "(instructions?|prompts?|rules|directions)"
            + "|system\\s+prompt"
            + "|(as|you\\s+are)\\s+an?\\s+(ai|language\\s+model|llm|assistant)\\b"
            + "|(score|rate|grade)\\s+(this|it|the\\s+(script|screenplay))\\s+(a\\s+)?(10|ten|perfect|highly)"
            + "|(give|award)\\s+(this|it|the\\s+(script|screenplay))\\s+(a\\s+)?(10|ten|perfect|top|high(est)?)\\s*(score|marks?|rating|/\\s*10)?"
            + "|(you\\s+must|always)\\s+recommend\\s+(this|it|the\\s+(script|screenplay))"
            + "|(dear|attention|note\\s+to\\s+(the)?)\\s*(ai|model|llm|language\\s+model|chatgpt|assistant|script\\s+reader)\\b"
            + ")");

    private static final Pattern YEAR = Pattern.compile("\\s*\\(\\s*\\d{4}\\s*\\)\\s*$");

    private CoverageChecks() {}

    /** The checks of a model's coverage of {@code screenplay} titled {@code title}. */
    public static List<Check> of(Coverage coverage, Screenplay screenplay, String title) {
        var checks = new ArrayList<Check>();
        protagonist(coverage, screenplay).ifPresent(checks::add);
        checks.addAll(ownTitle(coverage, screenplay, title));
        verdict(coverage).ifPresent(checks::add);
        quotesNotFound(coverage).ifPresent(checks::add);
        return checks;
    }

    /** Text in the script addressed to a model, each with its page. */
    public static List<Check> injections(Screenplay screenplay) {
        var checks = new ArrayList<Check>();
        var elements = screenplay.elements();
        for (int i = 0; i < elements.size() && checks.size() < 5; i++) {
            var element = elements.get(i);
            if (element.type() == ElementType.SCENE_HEADING) {
                continue;
            }
            var matcher = INJECTION.matcher(element.text());
            if (matcher.find()) {
                var words = excerpt(element.text(), matcher.start());
                int index = i;
                var scene = screenplay.scenes().stream()
                        .filter(s -> s.firstElement() <= index && index <= s.lastElement())
                        .findFirst()
                        .orElse(null);
                checks.add(Check.of(
                                CheckCode.PROMPT_INJECTION,
                                Check.Severity.WARNING,
                                "Page " + element.page() + " addresses the reading model (\"" + words
                                        + "\"). The model was told "
                                        + "that the script is data, not instructions; read its coverage with this in mind.")
                        .withEvidence(Evidence.quoted(
                                words,
                                element.page(),
                                scene == null ? null : scene.index(),
                                scene == null ? null : scene.sceneNumber())));
            }
        }
        return checks;
    }

    private static java.util.Optional<Check> protagonist(Coverage coverage, Screenplay screenplay) {
        var name = coverage.protagonist();
        var stats = screenplay.stats();
        if (name == null
                || name.isBlank()
                || stats == null
                || stats.characters().isEmpty()) {
            return java.util.Optional.empty();
        }
        var wanted = QuoteFinder.normalise(CoveragePrompt.cueName(name));
        for (var character : stats.characters()) {
            var speaker = QuoteFinder.normalise(CoveragePrompt.cueName(character.name()));
            if (speaker.equals(wanted)
                    || (" " + speaker + " ").contains(" " + wanted + " ")
                    || (" " + wanted + " ").contains(" " + speaker + " ")) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(Check.of(
                CheckCode.PROTAGONIST_NOT_SPEAKING,
                Check.Severity.WARNING,
                "The model names " + name.strip()
                        + " as the protagonist, but no character of that name speaks in the script."));
    }

    private static List<Check> ownTitle(Coverage coverage, Screenplay screenplay, String title) {
        var titles = Stream.of(title, screenplay.title())
                .filter(t -> t != null && !t.isBlank())
                .map(QuoteFinder::normalise)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
        var out = new ArrayList<Check>();
        for (var comparable : coverage.comparables()) {
            var bare = QuoteFinder.normalise(YEAR.matcher(comparable).replaceAll(""));
            if (titles.contains(bare)) {
                out.add(Check.of(
                        CheckCode.COMPARABLE_IS_OWN_TITLE,
                        Check.Severity.WARNING,
                        "The model gave \"" + comparable
                                + "\" as a comparable film: that is this script's own title."));
            }
        }
        return out;
    }

    private static java.util.Optional<Check> verdict(Coverage coverage) {
        if (coverage.recommendation() == null || coverage.grid().isEmpty()) {
            return java.util.Optional.empty();
        }
        double mean =
                coverage.grid().stream().mapToInt(GridScore::score).average().orElse(0);
        boolean mismatch = coverage.recommendation() == Recommendation.RECOMMEND && mean < RECOMMEND_BELOW
                || coverage.recommendation() == Recommendation.PASS && mean > PASS_ABOVE;
        if (!mismatch) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Check.of(
                CheckCode.VERDICT_GRID_MISMATCH,
                Check.Severity.WARNING,
                String.format(
                        Locale.ROOT,
                        "The model recommends %s, but its own grid averages %.1f of 10.",
                        coverage.recommendation().name(),
                        mean)));
    }

    private static java.util.Optional<Check> quotesNotFound(Coverage coverage) {
        var claims = new ArrayList<List<Evidence>>();
        coverage.strengths().stream().map(Claim::evidence).forEach(claims::add);
        coverage.concerns().stream().map(Claim::evidence).forEach(claims::add);
        coverage.grid().stream().map(GridScore::evidence).forEach(claims::add);
        long unfound = claims.stream()
                .filter(e ->
                        !e.isEmpty() && e.stream().allMatch(x -> x.verification() == Evidence.Verification.NOT_FOUND))
                .count();
        if (unfound == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Check.of(
                CheckCode.QUOTES_NOT_FOUND,
                Check.Severity.WARNING,
                unfound + " of " + claims.size()
                        + " claims in the model's coverage quote words that are not in the script; "
                        + "they are shown as unverified."));
    }

    private static String excerpt(String text, int from) {
        var words = text.substring(from).strip().split("\\s+");
        var kept = String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(words.length, 12)));
        return kept.length() > 120 ? kept.substring(0, 120) + "…" : kept;
    }
}
