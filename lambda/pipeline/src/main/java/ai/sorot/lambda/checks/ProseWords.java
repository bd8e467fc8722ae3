package ai.sorot.lambda.checks;

import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The words of a script's action and dialogue, lower-cased, in order: what the text checks read. */
final class ProseWords {

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)?");
    private static final EnumSet<ElementType> PROSE = EnumSet.of(ElementType.ACTION, ElementType.DIALOGUE);

    private ProseWords() {}

    /** Words of each prose paragraph, one list per paragraph (a word pair never spans two). */
    static List<List<String>> paragraphs(Screenplay screenplay) {
        var out = new ArrayList<List<String>>();
        for (var element : screenplay.elements()) {
            if (PROSE.contains(element.type())) {
                var words = words(element.text());
                if (!words.isEmpty()) {
                    out.add(words);
                }
            }
        }
        return out;
    }

    /** The action and dialogue paragraphs as written (case and punctuation kept), for the sentence tools. */
    static List<String> texts(Screenplay screenplay) {
        var out = new ArrayList<String>();
        for (var element : screenplay.elements()) {
            if (PROSE.contains(element.type())
                    && element.text() != null
                    && !element.text().isBlank()) {
                out.add(element.text());
            }
        }
        return out;
    }

    static List<String> words(String text) {
        var words = new ArrayList<String>();
        var m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT).replace('’', '\''));
        }
        return words;
    }

    static int count(List<List<String>> paragraphs) {
        return paragraphs.stream().mapToInt(List::size).sum();
    }
}
