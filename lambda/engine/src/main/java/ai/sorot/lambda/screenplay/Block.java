package ai.sorot.lambda.screenplay;

import ai.sorot.model.screenplay.Dual;
import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.ElementType;

/**
 * An element while the engine still knows where it sits: {@code start} and {@code end} are page
 * positions (page 3, a quarter down the body = 3.25), from which scene lengths in eighths come.
 */
record Block(ElementType type, String text, int page, double start, double end, String sceneNumber, Dual dual) {

    Element toElement() {
        return new Element(type, text, page, sceneNumber, dual);
    }

    Block withText(String newText, double newEnd) {
        return new Block(type, newText, page, start, newEnd, sceneNumber, dual);
    }
}
