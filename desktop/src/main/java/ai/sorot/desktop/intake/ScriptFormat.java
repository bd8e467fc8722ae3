package ai.sorot.desktop.intake;

/**
 * How a screenplay reaches the API: PDF bytes, Fountain text, a Final Draft file or a Highland
 * file (each of the last two in its own request field, or an upload the server reads by its bytes).
 */
public enum ScriptFormat {
    PDF("PDF", "PDF"),
    FOUNTAIN("Fountain", "FTN"),
    FINAL_DRAFT("Final Draft", "FDX"),
    HIGHLAND("Highland", "HLD");

    private final String label;
    private final String badge;

    ScriptFormat(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    /** The format's name for a person: "Final Draft". */
    public String label() {
        return label;
    }

    /** Three letters for a row that has no thumbnail to show. */
    public String badge() {
        return badge;
    }

    /** The engine's detected format, as the desktop names it. */
    static ScriptFormat of(ai.sorot.lambda.screenplay.ScriptFormat detected) {
        return switch (detected) {
            case PDF -> PDF;
            case FOUNTAIN -> FOUNTAIN;
            case FINAL_DRAFT -> FINAL_DRAFT;
            case HIGHLAND -> HIGHLAND;
        };
    }
}
