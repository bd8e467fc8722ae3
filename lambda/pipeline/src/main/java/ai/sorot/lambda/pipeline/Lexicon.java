package ai.sorot.lambda.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A named word list for scanning a script: whole words, or stems written with a trailing
 * {@code *} ("kill*" matches kill, killed, killer). Matching is on lower-case word tokens.
 */
public final class Lexicon {

    private final String name;
    private final Set<String> words = new HashSet<>();
    private final List<String> stems;

    private Lexicon(String name, List<String> terms) {
        this.name = name;
        var stemList = new java.util.ArrayList<String>();
        for (var term : terms) {
            var lower = term.toLowerCase(Locale.ROOT);
            if (lower.endsWith("*")) {
                stemList.add(lower.substring(0, lower.length() - 1));
            } else {
                words.add(lower);
            }
        }
        this.stems = List.copyOf(stemList);
    }

    public static Lexicon of(String name, String terms) {
        return new Lexicon(name, List.of(terms.trim().split("\\s+")));
    }

    public String name() {
        return name;
    }

    /** The term a lower-case token matches ("kill*" reported as "kill"), or null. */
    public String match(String token) {
        if (words.contains(token)) {
            return token;
        }
        for (var stem : stems) {
            if (token.startsWith(stem)) {
                return stem;
            }
        }
        return null;
    }
}
