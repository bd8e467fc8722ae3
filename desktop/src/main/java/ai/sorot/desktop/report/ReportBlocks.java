package ai.sorot.desktop.report;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The small builders every section of the report is made of: cards, headings, text, figure tiles. */
final class ReportBlocks {

    private ReportBlocks() {}

    static VBox section(String title, Node body) {
        var heading = new Label(title);
        heading.getStyleClass().add("section-title");
        var box = new VBox(10, heading, body);
        box.getStyleClass().add("card-box");
        return box;
    }

    static VBox titled(String title, Node body) {
        var box = new VBox(6, subheading(title), body);
        box.setMinWidth(0);
        return box;
    }

    static Label subheading(String text) {
        var label = new Label(text);
        label.getStyleClass().add("text-bold");
        return label;
    }

    static Label text(String text) {
        var label = new Label(text);
        label.getStyleClass().add("body-text");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    static Label muted(String text) {
        var label = text(text);
        label.getStyleClass().add("muted");
        return label;
    }

    static void addLabelled(VBox box, String name, String value) {
        if (value != null && !value.isBlank()) {
            box.getChildren().add(new VBox(2, subheading(name), text(value)));
        }
    }

    static VBox tile(String value, String label) {
        var v = new Label(value);
        v.getStyleClass().add("stat-value");
        var l = new Label(label);
        l.getStyleClass().add("stat-label");
        var tile = new VBox(2, v, l);
        tile.getStyleClass().add("stat-tile");
        return tile;
    }

    /** A programming note is a sentence, not a figure: it shares the row with the others and wraps. */
    static VBox noteTile(String value, String label) {
        var tile = tile(value, label);
        tile.getStyleClass().add("note-tile");
        ((Label) tile.getChildren().getFirst()).setWrapText(true);
        tile.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(tile, Priority.ALWAYS);
        return tile;
    }

    static String capitalise(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
