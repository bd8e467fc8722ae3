package ai.sorot.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where in the screenplay a claim can be checked: a page, a scene, and the words that show it.
 * The desktop opens the PDF at {@code page} when a programmer clicks the claim.
 *
 * <p>{@code verification} says what Sorot itself checked: {@link Verification#QUOTED} the quote
 * was found in the parsed script on {@code page}; {@link Verification#LOCATED} a scene or page
 * exists and was checked, with no quote; {@link Verification#STATISTIC} a whole-script figure,
 * with no page; {@link Verification#NOT_FOUND} the quoted words are not in the script. Reports
 * saved before the field existed have none (read as unchecked).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(Integer page, Integer scene, String sceneNumber, String quote, Verification verification) {

    /** What Sorot checked about a piece of evidence. */
    public enum Verification {
        QUOTED,
        LOCATED,
        STATISTIC,
        NOT_FOUND;

        /** Whether evidence checked this way may count as support for a claim. */
        public boolean supports() {
            return this != NOT_FOUND;
        }
    }

    public Evidence {
        if (verification == Verification.STATISTIC && page != null) {
            throw new IllegalArgumentException("a whole-script statistic cites no page");
        }
    }

    /** Evidence whose verification is not known (legacy reports, or not checked yet). */
    public Evidence(Integer page, Integer scene, String sceneNumber, String quote) {
        this(page, scene, sceneNumber, quote, null);
    }

    public static Evidence page(int page) {
        return new Evidence(page, null, null, null, Verification.LOCATED);
    }

    public static Evidence scene(int scene, String sceneNumber, int page) {
        return new Evidence(page, scene, sceneNumber, null, Verification.LOCATED);
    }

    /** A figure about the whole script: it has no page to open. */
    public static Evidence statistic() {
        return new Evidence(null, null, null, null, Verification.STATISTIC);
    }

    /** Words found in the parsed script on {@code page} (within scene {@code scene} when known). */
    public static Evidence quoted(String quote, int page, Integer scene, String sceneNumber) {
        return new Evidence(page, scene, sceneNumber, quote, Verification.QUOTED);
    }

    /** Words a model cited that are not in the script; the scene it named, if any, is kept. */
    public static Evidence notFound(String quote, Integer scene, String sceneNumber) {
        return new Evidence(null, scene, sceneNumber, quote, Verification.NOT_FOUND);
    }

    public Evidence withQuote(String text) {
        return new Evidence(page, scene, sceneNumber, text, verification);
    }

    public Evidence withVerification(Verification checked) {
        return new Evidence(page, scene, sceneNumber, quote, checked);
    }
}
