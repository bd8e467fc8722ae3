package ai.sorot.lambda.pipeline;

import ai.sorot.model.report.Evidence;
import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Scene;
import ai.sorot.model.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The words of a screenplay with where they stand (page, scene), for the scans that back the
 * offline coverage and the content flags: every hit can be shown to a programmer on its page.
 */
public final class ScriptWords {

    /** Action and speech: what a reader reads. Headings, cues and transitions are furniture for a scan. */
    public static final Set<ElementType> PROSE = EnumSet.of(
            ElementType.ACTION,
            ElementType.DIALOGUE,
            ElementType.PARENTHETICAL,
            ElementType.LYRICS,
            ElementType.CENTERED);

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    /** A sentence ends at . ! ? before a capital, but not after a title's abbreviation ("Dr. Morgan"). */
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<=[.!?])(?<!\\b(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof|Lt|Sgt|Capt|Col|Gen|Rev|Mt|Ft|Det|Insp|Sen|Gov)\\.)\\s+(?=[\"'(\\p{Lu}])");

    private final Screenplay screenplay;
    private final int[] sceneOfElement;
    /** Each element's words, found once: a report scans the same text with some forty word lists. */
    private final Token[][] tokens;

    private Set<String> names;

    private record Token(String original, String lower, int start) {}

    public ScriptWords(Screenplay screenplay) {
        this.screenplay = screenplay;
        this.sceneOfElement = new int[screenplay.elements().size()];
        for (var scene : screenplay.scenes()) {
            for (int i = Math.max(0, scene.firstElement());
                    i <= scene.lastElement() && i < sceneOfElement.length;
                    i++) {
                sceneOfElement[i] = scene.index();
            }
        }
        this.tokens = new Token[screenplay.elements().size()][];
    }

    private Token[] tokens(int element) {
        var found = tokens[element];
        if (found == null) {
            var list = new ArrayList<Token>();
            var matcher = WORD.matcher(screenplay.elements().get(element).text());
            while (matcher.find()) {
                list.add(new Token(matcher.group(), matcher.group().toLowerCase(Locale.ROOT), matcher.start()));
            }
            found = list.toArray(Token[]::new);
            tokens[element] = found;
        }
        return found;
    }

    public Screenplay screenplay() {
        return screenplay;
    }

    public List<Element> elements() {
        return screenplay.elements();
    }

    /** The 1-based scene the element belongs to, 0 before the first heading. */
    public int sceneOf(int elementIndex) {
        return elementIndex >= 0 && elementIndex < sceneOfElement.length ? sceneOfElement[elementIndex] : 0;
    }

    public Scene scene(int index) {
        return index >= 1 && index <= screenplay.scenes().size()
                ? screenplay.scenes().get(index - 1)
                : null;
    }

    public Evidence evidenceAt(int elementIndex) {
        var element = screenplay.elements().get(elementIndex);
        int sceneIndex = sceneOf(elementIndex);
        var scene = scene(sceneIndex);
        return new Evidence(
                element.page(),
                sceneIndex == 0 ? null : sceneIndex,
                scene == null ? null : scene.sceneNumber(),
                null,
                Evidence.Verification.LOCATED);
    }

    public static List<String> words(String text) {
        var out = new ArrayList<String>();
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            out.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    public static int wordCount(String text) {
        int count = 0;
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    public static List<String> sentences(String text) {
        var out = new ArrayList<String>();
        for (var part : SENTENCE_END.split(text.replaceAll("\\s+", " ").strip())) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** Words in prose elements. */
    public int proseWords() {
        int total = 0;
        for (var element : screenplay.elements()) {
            if (PROSE.contains(element.type())) {
                total += wordCount(element.text());
            }
        }
        return total;
    }

    /**
     * Counts a lexicon's hits in the given element types, keeping pages and a few quoted samples.
     * A capitalised word inside a sentence is a name ("Dick Steel", "Will"), not the word, and is
     * skipped; with {@code skipCapitalsInAction}, so are words in capitals in action lines, where
     * scripts introduce characters and sounds ("DICK STEEL", "BANG"), and those names wherever
     * they come back ("Dick looks up.").
     */
    public Hits scan(Lexicon lexicon, Set<ElementType> types, int maxSamples, boolean skipCapitalsInAction) {
        var terms = new LinkedHashMap<String, Integer>();
        var pages = new TreeSet<Integer>();
        var samples = new ArrayList<Evidence>();
        int count = 0;
        var elements = screenplay.elements();
        var names = skipCapitalsInAction ? nameWords() : Set.<String>of();
        for (int i = 0; i < elements.size(); i++) {
            var element = elements.get(i);
            if (!types.contains(element.type())) {
                continue;
            }
            boolean sampled = false;
            var text = element.text();
            for (var word : tokens(i)) {
                var original = word.original();
                var token = word.lower();
                var term = lexicon.match(token);
                if (term == null
                        || isName(text, word.start(), original)
                        || (skipCapitalsInAction && element.type() == ElementType.ACTION && isCapitals(original))
                        || (names.contains(token) && Character.isUpperCase(original.charAt(0)))) {
                    continue;
                }
                count++;
                terms.merge(term, 1, Integer::sum);
                pages.add(element.page());
                if (!sampled
                        && samples.size() < maxSamples
                        && samples.stream().noneMatch(e -> e.page() == element.page())) {
                    samples.add(evidenceAt(i)
                            .withQuote(quoteAround(text, token))
                            .withVerification(Evidence.Verification.QUOTED));
                    sampled = true;
                }
            }
        }
        return new Hits(lexicon.name(), count, sortByCount(terms), List.copyOf(pages), samples);
    }

    public Hits scan(Lexicon lexicon, Set<ElementType> types, int maxSamples) {
        return scan(lexicon, types, maxSamples, false);
    }

    /** Words of character cues, and words written in capitals in action lines (introductions). */
    private Set<String> nameWords() {
        if (names == null) {
            names = findNameWords();
        }
        return names;
    }

    private Set<String> findNameWords() {
        var names = new java.util.HashSet<String>();
        for (var element : screenplay.elements()) {
            if (element.type() == ElementType.CHARACTER) {
                names.addAll(words(element.text().replaceAll("\\(.*?\\)", "")));
            } else if (element.type() == ElementType.ACTION) {
                var matcher = WORD.matcher(element.text());
                while (matcher.find()) {
                    if (isCapitals(matcher.group()) && matcher.group().length() > 1) {
                        names.add(matcher.group().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    /** Capitalised but not in capitals, and not the first word of a sentence. */
    private static boolean isName(String text, int start, String word) {
        if (word.length() < 2 || !Character.isUpperCase(word.charAt(0)) || isCapitals(word)) {
            return false;
        }
        for (int j = start - 1; j >= 0; j--) {
            char c = text.charAt(j);
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '(' || c == '“' || c == '‘') {
                continue;
            }
            return !(c == '.' || c == '!' || c == '?' || c == '—' || c == '-' || c == ':' || c == '…');
        }
        return false; // the element's first word
    }

    private static boolean isCapitals(String word) {
        return word.length() > 1
                && word.equals(word.toUpperCase(Locale.ROOT))
                && !word.equals(word.toLowerCase(Locale.ROOT));
    }

    /** The sentence holding the word, cut to a readable length. */
    public static String quoteAround(String text, String lowerToken) {
        for (var sentence : sentences(text)) {
            if (words(sentence).contains(lowerToken)) {
                return clip(sentence, 160);
            }
        }
        return clip(text.replaceAll("\\s+", " ").strip(), 160);
    }

    public static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }

    private static Map<String, Integer> sortByCount(Map<String, Integer> terms) {
        var sorted = new LinkedHashMap<String, Integer>();
        terms.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** A lexicon's hits: how many, which terms how often (most first), on which pages, with samples. */
    public record Hits(
            String lexicon, int count, Map<String, Integer> terms, List<Integer> pages, List<Evidence> samples) {

        /** "fuck ×9, shit ×3" for the most frequent terms. */
        public String topTerms(int n) {
            var parts = new ArrayList<String>();
            for (var e : terms.entrySet()) {
                if (parts.size() == n) {
                    break;
                }
                parts.add(e.getKey() + " ×" + e.getValue());
            }
            return String.join(", ", parts);
        }

        public int distinctTerms() {
            return terms.size();
        }
    }
}
