package ai.sorot.lambda.coverage;

import ai.sorot.model.report.Evidence;
import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Scene;
import ai.sorot.model.screenplay.Screenplay;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the words a model quoted in the parsed script, and the page they stand on. Both sides are
 * normalised the same way (case, punctuation, curly quotes, dashes, spacing), and the script is
 * read as one run of text, so a quote that runs across a page break or from one paragraph into
 * the next is found. A second reading leaves out character cues and parentheticals, so that a
 * speech split by "(MORE)" and "MARA (CONT'D)" at a page break reads as one. A quote elided with
 * "..." is found when its parts stand in order, close together.
 *
 * <p>The cited scene is searched first; failing that, the whole script, so that a quote with the
 * wrong scene number is still found (and its evidence names the scene where it really is).
 */
public final class QuoteFinder {

    /** Where a quote was found: the page of its first word and the scene that holds it. */
    public record Found(int page, Scene scene) {}

    private static final Pattern ELLIPSIS = Pattern.compile("\\.{3,}|…");
    private static final int MAX_GAP = 400; // characters between the parts of an elided quote
    private static final int MIN_WORDS = 2;

    private final Screenplay screenplay;
    private final Text everything;
    private final Text spoken;

    public QuoteFinder(Screenplay screenplay) {
        this.screenplay = screenplay;
        this.everything = new Text(screenplay.elements(), false);
        this.spoken = new Text(screenplay.elements(), true);
    }

    /**
     * The evidence for a quote cited from scene {@code sceneIndex} (0 or out of range: none):
     * QUOTED with its page when found, NOT_FOUND otherwise.
     */
    public Evidence verify(String quote, int sceneIndex) {
        var cited = sceneIndex >= 1 && sceneIndex <= screenplay.scenes().size()
                ? screenplay.scenes().get(sceneIndex - 1)
                : null;
        var found = find(quote, cited);
        if (found.isPresent()) {
            var scene = found.get().scene();
            return Evidence.quoted(
                    quote,
                    found.get().page(),
                    scene == null ? null : scene.index(),
                    scene == null ? null : scene.sceneNumber());
        }
        return Evidence.notFound(
                quote, cited == null ? null : cited.index(), cited == null ? null : cited.sceneNumber());
    }

    /** Where the quote stands: within {@code cited} when it is there, else anywhere; empty when nowhere. */
    public Optional<Found> find(String quote, Scene cited) {
        var parts = new ArrayList<String>();
        for (var part : ELLIPSIS.split(quote == null ? "" : quote)) {
            var normal = normalise(part);
            if (!normal.isEmpty()) {
                parts.add(normal);
            }
        }
        int words = parts.stream().mapToInt(p -> p.split(" ").length).sum();
        if (parts.isEmpty() || words < MIN_WORDS && String.join(" ", parts).length() < 8) {
            return Optional.empty(); // one short word is found anywhere and proves nothing
        }
        for (var text : List.of(everything, spoken)) {
            if (cited != null) {
                var at = text.find(parts, text.start(cited.firstElement()), text.end(cited.lastElement()));
                if (at >= 0) {
                    return Optional.of(text.found(at, screenplay));
                }
            }
            var at = text.find(parts, 0, text.length());
            if (at >= 0) {
                return Optional.of(text.found(at, screenplay));
            }
        }
        return Optional.empty();
    }

    /**
     * Lower case, letters and digits only: curly and straight quotes and apostrophes vanish
     * ("don’t" and "don't" both read "dont"), dashes and other punctuation become spaces, runs of
     * space become one.
     */
    static String normalise(String text) {
        var decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        var sb = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue; // é reads as e
            }
            if (c == '\'' || c == '’' || c == '‘' || c == 'ʼ' || c == '`') {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** The script as one normalised run of text, with the element each character came from. */
    private static final class Text {
        private final String text;
        private final int[] elementAt;
        private final int[] elementStart;

        Text(List<Element> elements, boolean spokenOnly) {
            var sb = new StringBuilder();
            var owners = new ArrayList<Integer>();
            elementStart = new int[elements.size() + 1];
            for (int i = 0; i < elements.size(); i++) {
                elementStart[i] = sb.length();
                var element = elements.get(i);
                if (spokenOnly
                        && (element.type() == ElementType.CHARACTER || element.type() == ElementType.PARENTHETICAL)) {
                    continue;
                }
                var normal = normalise(element.text());
                if (normal.isEmpty()) {
                    continue;
                }
                if (!sb.isEmpty()) {
                    sb.append(' ');
                    owners.add(i);
                }
                sb.append(normal);
                for (int k = 0; k < normal.length(); k++) {
                    owners.add(i);
                }
            }
            elementStart[elements.size()] = sb.length();
            text = sb.toString();
            elementAt = owners.stream().mapToInt(Integer::intValue).toArray();
        }

        int length() {
            return text.length();
        }

        int start(int element) {
            return elementStart[Math.max(0, Math.min(element, elementStart.length - 1))];
        }

        int end(int lastElement) {
            return elementStart[Math.max(0, Math.min(lastElement + 1, elementStart.length - 1))];
        }

        /** The offset of the first part, the others following in order within a short gap; -1 when not there. */
        int find(List<String> parts, int from, int to) {
            int search = from;
            while (true) {
                int first = indexOfWords(parts.getFirst(), search, to);
                if (first < 0) {
                    return -1;
                }
                int end = first + parts.getFirst().length();
                boolean all = true;
                for (int p = 1; p < parts.size() && all; p++) {
                    int next = indexOfWords(
                            parts.get(p),
                            end,
                            Math.min(to, end + MAX_GAP + parts.get(p).length()));
                    all = next >= 0;
                    end = next + parts.get(p).length();
                }
                if (all) {
                    return first;
                }
                search = first + 1;
            }
        }

        /** The words at a word boundary (so "art" is not found inside "start"), within [from, to). */
        private int indexOfWords(String words, int from, int to) {
            int at = text.indexOf(words, from);
            while (at >= 0 && at + words.length() <= to) {
                boolean startsWord = at == 0 || text.charAt(at - 1) == ' ';
                boolean endsWord = at + words.length() == text.length() || text.charAt(at + words.length()) == ' ';
                if (startsWord && endsWord) {
                    return at;
                }
                at = text.indexOf(words, at + 1);
            }
            return -1;
        }

        Found found(int offset, Screenplay screenplay) {
            int element = elementAt[Math.min(offset, elementAt.length - 1)];
            var page = screenplay.elements().get(element).page();
            Scene scene = null;
            for (var s : screenplay.scenes()) {
                if (s.firstElement() <= element && element <= s.lastElement()) {
                    scene = s;
                    break;
                }
            }
            return new Found(page, scene);
        }
    }
}
