package ai.sorot.model.screenplay;

/** The paragraph kinds of a screenplay, as a script reader names them. */
public enum ElementType {
    SCENE_HEADING,
    ACTION,
    CHARACTER,
    PARENTHETICAL,
    DIALOGUE,
    TRANSITION,
    CENTERED,
    LYRICS;

    /** Spoken by a character: parentheticals and dialogue follow a cue. */
    public boolean isSpoken() {
        return this == DIALOGUE || this == PARENTHETICAL || this == LYRICS;
    }
}
