package ai.sorot.desktop.library;

import ai.sorot.lambda.library.ReviewSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/**
 * The session's score card, like a FilmFreeway custom judging form: one criterion a line, each
 * with its scale ("Story: 5", "Festival fit: 10"); a line without a scale is scored 1 to 5.
 */
final class RubricDialog extends Dialog<List<ReviewSession.Criterion>> {

    private static final Pattern LINE = Pattern.compile("^(.+?)\\s*(?:[:=/]\\s*|\\s+)(\\d{1,2})\\s*$");

    RubricDialog(ReviewSession session) {
        setTitle("Score card");
        setHeaderText("Score card of \"" + session.name() + "\"");
        var text = new TextArea(String.join(
                "\n",
                session.rubric().stream().map(c -> c.name() + ": " + c.scale()).toList()));
        text.setId("rubric-text");
        text.setPromptText("Story: 5\nCharacters: 5\nFestival fit: 10");
        text.setPrefRowCount(7);
        var help = new Label("One criterion a line, with its scale (2 to 10). The curator fills it in review mode.");
        help.setWrapText(true);
        getDialogPane().setContent(new VBox(8, help, text));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> button == ButtonType.OK ? parse(text.getText()) : null);
    }

    static List<ReviewSession.Criterion> parse(String text) {
        var criteria = new ArrayList<ReviewSession.Criterion>();
        var names = new HashSet<String>();
        for (var raw : text.split("\\R")) {
            var line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            var m = LINE.matcher(line);
            String name = m.matches() ? m.group(1).strip() : line;
            int scale = m.matches() ? Math.max(2, Math.min(10, Integer.parseInt(m.group(2)))) : 5;
            if (names.add(name)) {
                criteria.add(new ReviewSession.Criterion(name, scale));
            }
        }
        return criteria;
    }
}
