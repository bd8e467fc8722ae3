package ai.sorot.desktop.report;

import ai.sorot.model.report.Check;
import ai.sorot.model.report.Verdicts;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What Sorot noticed before anyone reads the script (random words, a duplicate, a short over 40
 * pages, no scene headings), shown at the top of a report; and the "Not judged" notice that
 * stands where a verdict would when no model read the script. Shared by the report, queue and
 * library views so that they say it in the same words.
 */
public final class CheckList {

    private CheckList() {}

    /** The checks as a list of lines, warnings first; null when there are none. */
    public static Node panel(List<Check> checks) {
        if (checks.isEmpty()) {
            return null;
        }
        var box = new VBox(6);
        box.setId("report-checks");
        box.getStyleClass().add("report-checks");
        checks.stream().sorted((a, b) -> b.severity().compareTo(a.severity())).forEach(check -> {
            var severity = new Label(check.severity() == Check.Severity.WARNING ? "Warning" : "Note");
            severity.getStyleClass().addAll("badge", check.severity() == Check.Severity.WARNING ? "warning" : "info");
            var message = new Label(check.message());
            message.setWrapText(true);
            message.getStyleClass().add("body-text");
            var code = new Label(check.code());
            code.getStyleClass().add("muted");
            // the badge and the code keep their width; the message takes the rest and wraps
            severity.setMinWidth(Region.USE_PREF_SIZE);
            code.setMinWidth(Region.USE_PREF_SIZE);
            message.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(message, javafx.scene.layout.Priority.ALWAYS);
            var line = new HBox(8, severity, message, code);
            line.setAlignment(Pos.BASELINE_LEFT);
            line.getStyleClass().addAll("report-check", "check-" + check.code().toLowerCase(Locale.ROOT));
            box.getChildren().add(line);
        });
        return box;
    }

    /** A short flag for a row: "⚑ Incoherent text" or "⚑ 2 checks", with every message in its tooltip. */
    public static String flag(List<Check> checks) {
        if (checks.isEmpty()) {
            return "";
        }
        if (checks.size() == 1) {
            var code = checks.getFirst().code().replace('_', ' ').toLowerCase(Locale.ROOT);
            return "⚑ " + Character.toUpperCase(code.charAt(0)) + code.substring(1);
        }
        return "⚑ " + checks.size() + " checks";
    }

    public static Tooltip tooltip(List<Check> checks) {
        var text = new StringBuilder();
        for (var check : checks) {
            text.append(text.isEmpty() ? "" : "\n")
                    .append(check.code())
                    .append(": ")
                    .append(check.message());
        }
        return new Tooltip(text.toString());
    }

    /** What stands where the verdict and score would: "Not judged", and how to get a verdict. */
    public static Node notJudged() {
        var label = new Label("Not judged");
        label.setId("not-judged");
        label.getStyleClass().addAll("verdict", "large", "not-judged");
        var why = new Label("No model read this script");
        why.getStyleClass().add("muted");
        label.setTooltip(new Tooltip(Verdicts.NOT_JUDGED + ".\n" + Verdicts.HOW_TO_JUDGE));
        why.setTooltip(label.getTooltip());
        var box = new VBox(2, label, why);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }
}
