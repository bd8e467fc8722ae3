package ai.sorot.model.screenplay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A scene from its heading to the next. Lengths are in eighths of a page, the unit a
 * production schedule (and a programmer reading a breakdown) uses.
 *
 * @param index        1-based position in the script
 * @param sceneNumber  the number printed beside the heading, if any
 * @param setting      INT, EXT, INT/EXT or OTHER
 * @param timeOfDay    DAY, NIGHT, or what the heading says (DUSK, CONTINUOUS...), OTHER when none
 * @param firstElement index of the heading in the element list
 * @param lastElement  index of the scene's last element (inclusive)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scene(
        int index,
        String sceneNumber,
        String heading,
        String setting,
        String location,
        String timeOfDay,
        int startPage,
        int endPage,
        int eighths,
        List<String> characters,
        int firstElement,
        int lastElement) {

    public Scene {
        characters = characters == null ? List.of() : List.copyOf(characters);
    }
}
