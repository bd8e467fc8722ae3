package ai.sorot.model.report;

/**
 * The stable codes of {@link Check}s. Clients match on the name: add new ones, never rename. A
 * client that meets a code it does not know shows the check's message as it is.
 */
public enum CheckCode {
    /** The script is not in English; English-only measures were skipped. */
    LANGUAGE,
    /** The PDF's text layer does not decode to what the page shows. */
    TEXT_LAYER_GARBLED,
    /** The text has a screenplay's shape but its words do not make sense together. */
    INCOHERENT_TEXT,
    /** The same script (another file, format, title or a light revision) was analysed before. */
    POSSIBLE_DUPLICATE,
    /** The length does not fit the declared form (a short over 40 pages, a feature under 70). */
    FORM_LENGTH,
    NO_SCENE_HEADINGS,
    NO_TITLE_PAGE,
    /** A model was configured but could not be reached; the report is Sorot's own analysis. */
    MODEL_UNAVAILABLE,
    /** The model answered, but not in a form Sorot could use even after one repair. */
    MODEL_ANSWER_UNUSABLE,
    /** The model's recommendation disagrees with its own grid. */
    VERDICT_GRID_MISMATCH,
    /** Text inside the script addresses the reading model. */
    PROMPT_INJECTION,
    /** The protagonist the model named never speaks in the script. */
    PROTAGONIST_NOT_SPEAKING,
    /** A comparable title the model gave is the script's own title. */
    COMPARABLE_IS_OWN_TITLE,
    /** Claims the model made whose quotes are not in the script. */
    QUOTES_NOT_FOUND
}
