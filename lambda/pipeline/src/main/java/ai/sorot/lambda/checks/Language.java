package ai.sorot.lambda.checks;

import ai.sorot.lambda.language.DetectedLanguage;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which language a script's prose is in: OpenNLP's language detector (103 languages) when it is
 * confident, checked against the share of that language's commonest function words (articles,
 * pronouns, prepositions: a third or more of any prose) where Sorot knows them; otherwise the
 * function words and, for other alphabets, the letters themselves. English-only measures are
 * skipped for any other language.
 */
public record Language(String code, String name, double functionShare) {

    public static final String ENGLISH = "en";
    /** A language is recognised when its function words make up at least this share of the words. */
    static final double RECOGNISED = 0.12;

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("en", "English"),
            Map.entry("fr", "French"),
            Map.entry("es", "Spanish"),
            Map.entry("de", "German"),
            Map.entry("it", "Italian"),
            Map.entry("pt", "Portuguese"),
            Map.entry("nl", "Dutch"),
            Map.entry("sv", "Swedish"),
            Map.entry("da", "Danish"),
            Map.entry("no", "Norwegian"),
            Map.entry("pl", "Polish"),
            Map.entry("tr", "Turkish"),
            Map.entry("id", "Indonesian"),
            Map.entry("ru", "a Cyrillic-script language (Russian, Ukrainian...)"),
            Map.entry("el", "Greek"),
            Map.entry("ar", "Arabic"),
            Map.entry("he", "Hebrew"),
            Map.entry("ja", "Japanese"),
            Map.entry("zh", "Chinese"),
            Map.entry("ko", "Korean"),
            Map.entry("hi", "Hindi"),
            Map.entry("th", "Thai"));

    static final Map<String, Set<String>> FUNCTION_WORDS = Map.ofEntries(
            Map.entry("en", EnglishWords.FUNCTION),
            Map.entry(
                    "fr",
                    Set.of(
                            "le", "la", "les", "un", "une", "des", "de", "du", "et", "est", "je", "tu", "il", "elle",
                            "nous", "vous", "ils", "que", "qui", "ne", "pas", "dans", "pour", "sur", "avec", "au",
                            "aux", "ce", "cette", "mais", "ou", "son", "sa", "ses", "mon", "ma", "c'est", "j'ai", "moi",
                            "toi", "se", "en")),
            Map.entry(
                    "es",
                    Set.of(
                            "el",
                            "la",
                            "los",
                            "las",
                            "un",
                            "una",
                            "unos",
                            "de",
                            "del",
                            "y",
                            "es",
                            "yo",
                            "tú",
                            "él",
                            "ella",
                            "nosotros",
                            "que",
                            "qué",
                            "no",
                            "en",
                            "con",
                            "por",
                            "para",
                            "se",
                            "lo",
                            "le",
                            "su",
                            "sus",
                            "mi",
                            "pero",
                            "como",
                            "está",
                            "al",
                            "muy",
                            "me",
                            "te")),
            Map.entry(
                    "de",
                    Set.of(
                            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "und", "ist", "ich", "du",
                            "er", "sie", "es", "wir", "ihr", "nicht", "mit", "auf", "zu", "im", "in", "von", "für",
                            "was", "wie", "aber", "sich", "mir", "dich", "mich", "noch", "auch", "ja", "nein")),
            Map.entry(
                    "it",
                    Set.of(
                            "il", "lo", "la", "gli", "le", "un", "una", "di", "del", "della", "e", "è", "io", "tu",
                            "lui", "lei", "noi", "che", "non", "per", "con", "su", "ma", "mi", "ti", "si", "sono",
                            "come", "questo", "nel", "al")),
            Map.entry(
                    "pt",
                    Set.of(
                            "o", "a", "os", "as", "um", "uma", "de", "do", "da", "dos", "e", "é", "eu", "você", "ele",
                            "ela", "nós", "que", "não", "em", "no", "na", "com", "por", "para", "se", "mas", "meu",
                            "minha", "está")),
            Map.entry(
                    "nl",
                    Set.of(
                            "de", "het", "een", "en", "is", "ik", "jij", "je", "hij", "zij", "ze", "wij", "we", "niet",
                            "met", "op", "van", "voor", "in", "dat", "die", "maar", "wat", "er", "zijn", "mijn",
                            "naar")),
            Map.entry(
                    "sv",
                    Set.of(
                            "och", "att", "det", "en", "ett", "är", "jag", "du", "han", "hon", "vi", "de", "inte",
                            "med", "på", "av", "för", "som", "den", "men", "vad", "till", "har", "mig", "dig")),
            Map.entry(
                    "da",
                    Set.of(
                            "og", "at", "det", "en", "et", "er", "jeg", "du", "han", "hun", "vi", "de", "ikke", "med",
                            "på", "af", "for", "som", "den", "men", "hvad", "til", "har", "mig", "dig")),
            Map.entry(
                    "pl",
                    Set.of(
                            "i", "w", "na", "z", "nie", "się", "to", "jest", "że", "do", "ja", "ty", "on", "ona", "my",
                            "co", "jak", "ale", "po", "tak", "mnie", "mi")),
            Map.entry(
                    "tr",
                    Set.of(
                            "ve", "bir", "bu", "da", "de", "ne", "ben", "sen", "o", "biz", "değil", "için", "ile", "mi",
                            "ama", "çok", "var", "yok")),
            Map.entry(
                    "id",
                    Set.of(
                            "dan", "yang", "di", "ke", "dari", "ini", "itu", "aku", "saya", "kamu", "dia", "kita",
                            "tidak", "dengan", "untuk", "ada", "apa", "akan")));

    /** Each function word and the languages it belongs to: one look-up per word. */
    private static final Map<String, List<String>> LANGUAGES_OF = byWord();

    private static Map<String, List<String>> byWord() {
        var out = new java.util.HashMap<String, List<String>>();
        FUNCTION_WORDS.forEach((language, words) -> words.forEach(
                w -> out.computeIfAbsent(w, k -> new java.util.ArrayList<>()).add(language)));
        return Map.copyOf(out);
    }

    /** Alphabets that name their language (or its family) outright. */
    private static final List<Map.Entry<Character.UnicodeScript, String>> SCRIPTS = List.of(
            Map.entry(Character.UnicodeScript.CYRILLIC, "ru"), Map.entry(Character.UnicodeScript.GREEK, "el"),
            Map.entry(Character.UnicodeScript.ARABIC, "ar"), Map.entry(Character.UnicodeScript.HEBREW, "he"),
            Map.entry(Character.UnicodeScript.HIRAGANA, "ja"), Map.entry(Character.UnicodeScript.KATAKANA, "ja"),
            Map.entry(Character.UnicodeScript.HAN, "zh"), Map.entry(Character.UnicodeScript.HANGUL, "ko"),
            Map.entry(Character.UnicodeScript.DEVANAGARI, "hi"), Map.entry(Character.UnicodeScript.THAI, "th"));

    public boolean isEnglish() {
        return ENGLISH.equals(code);
    }

    static Language of(String code, double share) {
        return new Language(code, NAMES.getOrDefault(code, code), share);
    }

    /**
     * The language of these words, or null when they form no sentences in a language Sorot can tell:
     * OpenNLP's detector ({@code detected}) names it when it is confident; where Sorot knows that
     * language's function words, they must still make up {@link #RECOGNISED} of the words (a bag of
     * dictionary words is "English" to a character model, but not sentences). With no confident
     * detection, the alphabet or the function words name it, as before OpenNLP.
     */
    static Language detect(List<List<String>> paragraphs, DetectedLanguage detected) {
        int letters = 0;
        var byScript = new java.util.HashMap<String, Integer>();
        var counts = new java.util.HashMap<String, Integer>();
        int words = 0;
        for (var paragraph : paragraphs) {
            for (var word : paragraph) {
                words++;
                for (int i = 0; i < word.length(); i++) {
                    char c = word.charAt(i);
                    letters++;
                    if (c < 0x0370) {
                        continue; // Latin letters name no language
                    }
                    var script = Character.UnicodeScript.of(c);
                    for (var entry : SCRIPTS) {
                        if (entry.getKey() == script) {
                            byScript.merge(entry.getValue(), 1, Integer::sum);
                        }
                    }
                }
                var languages = LANGUAGES_OF.get(word);
                if (languages != null) {
                    for (var language : languages) {
                        counts.merge(language, 1, Integer::sum);
                    }
                }
            }
        }
        if (words == 0) {
            return null;
        }
        if (detected != null && detected.isClear()) {
            var code = detected.shortCode();
            if (FUNCTION_WORDS.containsKey(code)) {
                double share = counts.getOrDefault(code, 0) / (double) words;
                return share < RECOGNISED ? null : new Language(code, NAMES.get(code), share);
            }
            return new Language(code, detected.name(), 0);
        }
        for (var entry : byScript.entrySet()) {
            if (entry.getValue() > letters / 2) {
                return of(entry.getKey(), 0);
            }
        }
        String best = null;
        int bestCount = 0;
        for (var entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        double share = bestCount / (double) words;
        return best == null || share < RECOGNISED ? null : of(best, share);
    }
}
