package ai.sorot.desktop.ui;

import ai.sorot.lambda.screenplay.ScriptFormat;

/** Three letters for a queue row that has no thumbnail to show: the script's format. */
public final class FormatBadge {

    private FormatBadge() {}

    public static String of(ScriptFormat format) {
        return switch (format) {
            case PDF -> "PDF";
            case FOUNTAIN -> "FTN";
            case FINAL_DRAFT -> "FDX";
            case HIGHLAND -> "HLD";
        };
    }
}
