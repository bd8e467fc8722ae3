package ai.sorot.model.screenplay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One paragraph of the screenplay: a heading, an action block, a cue, a whole speech.
 * A speech split across a page break is one element, on the page where it starts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Element(ElementType type, String text, int page, String sceneNumber, Dual dual) {

    public Element {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }

    public static Element of(ElementType type, String text, int page) {
        return new Element(type, text, page, null, null);
    }

    public Element withText(String newText) {
        return new Element(type, newText, page, sceneNumber, dual);
    }

    public Element withDual(Dual side) {
        return new Element(type, text, page, sceneNumber, side);
    }

    public Element withSceneNumber(String number) {
        return new Element(type, text, page, number, dual);
    }
}
