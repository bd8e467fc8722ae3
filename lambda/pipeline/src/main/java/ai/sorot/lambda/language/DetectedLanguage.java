package ai.sorot.lambda.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * A language OpenNLP's detector names for a text: its ISO 639-3 code ("eng", "fra"), its English
 * name, the detector's confidence (its probability, spread over the 103 languages it knows: a few
 * paragraphs of plain French get 0.09, a whole English script 1.00) and {@code lead}, how many
 * times likelier it is than the runner-up (plain prose: 2-6; a few words of small talk: 1.1).
 */
public record DetectedLanguage(String code, String name, double confidence, double lead) {

    public static final String ENGLISH = "eng";
    /** The detection is taken when the language is this many times likelier than the next one, or likely outright. */
    static final double CLEAR_LEAD = 1.5;

    static final double LIKELY = 0.5;

    /** Whether the detector tells this language clearly from the others. */
    public boolean isClear() {
        return confidence >= LIKELY || lead >= CLEAR_LEAD;
    }

    public boolean isEnglish() {
        return ENGLISH.equals(code);
    }

    /** The two-letter code where there is one ("en"), else the three-letter one. */
    public String shortCode() {
        return TWO_LETTER.getOrDefault(code, code);
    }

    /** ISO 639-3 to 639-1, from the JDK's own list of languages. */
    private static final Map<String, String> TWO_LETTER = twoLetter();

    private static Map<String, String> twoLetter() {
        var out = new HashMap<String, String>();
        for (var two : Locale.getISOLanguages()) {
            try {
                out.put(Locale.of(two).getISO3Language(), two);
            } catch (MissingResourceException noThreeLetterCode) {
                // a language with no three-letter code cannot be named by the detector either
            }
        }
        return Map.copyOf(out);
    }

    static DetectedLanguage of(String code, double confidence, double runnerUp) {
        var two = TWO_LETTER.get(code);
        var name = (two != null ? Locale.of(two) : Locale.forLanguageTag(code)).getDisplayLanguage(Locale.ENGLISH);
        return new DetectedLanguage(
                code,
                name == null || name.isBlank() ? code : name,
                confidence,
                runnerUp <= 0 ? Double.POSITIVE_INFINITY : confidence / runnerUp);
    }
}
