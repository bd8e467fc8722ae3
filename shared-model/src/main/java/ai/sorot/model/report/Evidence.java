package ai.sorot.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where in the screenplay a claim can be checked: a page, a scene, and the words that show it.
 * The desktop opens the PDF at {@code page} when a programmer clicks the claim.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(Integer page, Integer scene, String sceneNumber, String quote) {

    public static Evidence page(int page) {
        return new Evidence(page, null, null, null);
    }

    public static Evidence scene(int scene, String sceneNumber, int page) {
        return new Evidence(page, scene, sceneNumber, null);
    }

    public Evidence withQuote(String text) {
        return new Evidence(page, scene, sceneNumber, text);
    }
}
