package ai.sorot.desktop.library;

import ai.sorot.desktop.library.CompareViewModel.Column;
import ai.sorot.desktop.ui.Icons;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.Indicator;
import ai.sorot.model.screenplay.ScreenplayStats;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Two or three analyses side by side: the AI's verdict and score with its rank, the coverage grid
 * criterion by criterion, the screenplay's key figures, and the curator's own review. The best
 * value of each line is marked.
 */
public final class CompareView extends BorderPane {

    private final CompareViewModel model;
    private final GridPane grid = new GridPane();

    public CompareView(CompareViewModel model, Runnable back) {
        this.model = model;
        setId("compare-view");
        getStyleClass().add("compare-view");
        var backButton = new Button("Library", Icons.of(Icons.BACK, 13));
        backButton.setId("compare-back");
        backButton.getStyleClass().add("flat");
        backButton.setOnAction(e -> back.run());
        var title = new Label("Compare");
        title.getStyleClass().add("title");
        var top = new HBox(10, backButton, title);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("review-header");
        setTop(top);
        grid.setId("compare-grid");
        grid.getStyleClass().add("compare-grid");
        grid.setHgap(18);
        grid.setVgap(7);
        var scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        model.columns().subscribe(() -> layout(List.copyOf(model.columns())));
    }

    /** Shows {@code entries} side by side once their reports are loaded. UI thread. */
    public void show(List<LibraryEntry> entries) {
        model.show(entries);
    }

    private void layout(List<Column> columns) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        var first = new ColumnConstraints(150);
        grid.getColumnConstraints().add(first);
        for (int i = 0; i < columns.size(); i++) {
            var c = new ColumnConstraints(220, 320, 440);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        int row = 0;
        for (int i = 0; i < columns.size(); i++) {
            var e = columns.get(i).entry();
            var title = new Label(e.title());
            title.getStyleClass().add("compare-title");
            title.setWrapText(true);
            var who = new Label(e.authors() == null ? "" : e.authors());
            who.getStyleClass().add("muted");
            grid.add(new VBox(2, title, who), i + 1, row);
        }
        row++;
        row = section("The model's reading", row);
        row = textRow(
                "Recommendation",
                columns,
                c -> c.entry().recommendation() == null
                        ? "Not judged"
                        : c.entry().recommendation(),
                row,
                true);
        row = numberRow("Model score", columns, c -> c.entry().aiScore(), row, true, "%.0f");
        row = textRow("Rank", columns, Column::rank, row, false);
        row = section("Coverage grid", row);
        for (var criterion : GridScore.CRITERIA) {
            row = gridRow(criterion, columns, row);
        }
        row = section("Craft indicators (measured, not judged)", row);
        for (var code : Indicator.CODES) {
            row = textRow(indicatorName(code), columns, c -> indicatorFigure(c, code), row, false);
        }
        row = section("Screenplay", row);
        row = numberRow(
                "Pages",
                columns,
                c -> c.entry().pages() == null ? null : c.entry().pages().doubleValue(),
                row,
                false,
                "%.0f");
        row = numberRow("Runtime (min)", columns, c -> c.entry().runtime(), row, false, "%.0f");
        row = numberRow(
                "Scenes",
                columns,
                c -> c.entry().scenes() == null ? null : c.entry().scenes().doubleValue(),
                row,
                false,
                "%.0f");
        row = numberRow("Speaking parts", columns, c -> stat(c, s -> (double) s.speakingRoles()), row, false, "%.0f");
        row = numberRow("Dialogue share", columns, c -> stat(c, s -> s.dialogueShare() * 100), row, false, "%.0f%%");
        row = numberRow(
                "Locations", columns, c -> stat(c, s -> (double) s.locations().size()), row, false, "%.0f");
        row = textRow("Genres", columns, c -> c.entry().genres(), row, false);
        row = section("Your review", row);
        row = textRow(
                "Rating",
                columns,
                c -> c.entry().rating() == null ? "—" : "★".repeat(c.entry().rating()),
                row,
                false);
        row = textRow(
                "Verdict",
                columns,
                c -> c.entry().verdict() == null ? "—" : c.entry().verdict().name(),
                row,
                false);
        row = textRow("Shortlisted", columns, c -> c.entry().shortlisted() ? "yes" : "no", row, false);
        textRow(
                "Notes",
                columns,
                c -> c.entry().notes().isBlank() ? "—" : c.entry().notes(),
                row,
                false);
    }

    private static String indicatorName(String code) {
        return switch (code) {
            case "pages" -> "Length";
            case "scenes" -> "Scene balance";
            case "dialogue_share" -> "Dialogue balance";
            case "lead_share" -> "Lead presence";
            case "format" -> "Format conformance";
            default -> code;
        };
    }

    private static String indicatorFigure(Column c, String code) {
        var report = c.report();
        if (report == null || report.coverage() == null) {
            return null;
        }
        return report.coverage().indicators().stream()
                .filter(i -> i.code().equals(code))
                .map(Indicator::figure)
                .findFirst()
                .orElse(null);
    }

    private static Double stat(Column c, Function<ScreenplayStats, Double> value) {
        var report = c.report();
        var stats = report == null || report.screenplay() == null
                ? null
                : report.screenplay().stats();
        return stats == null ? null : value.apply(stats);
    }

    private int section(String name, int row) {
        var label = new Label(name);
        label.getStyleClass().add("section-title");
        grid.add(label, 0, row, GridPane.REMAINING, 1);
        return row + 1;
    }

    private int textRow(String name, List<Column> columns, Function<Column, String> value, int row, boolean badge) {
        grid.add(rowName(name), 0, row);
        for (int i = 0; i < columns.size(); i++) {
            var text = value.apply(columns.get(i));
            var label = new Label(text == null || text.isBlank() ? "—" : text);
            label.setWrapText(true);
            if (badge && text != null) {
                label.getStyleClass()
                        .addAll(
                                "recommendation-badge",
                                text.toLowerCase(Locale.ROOT).replace(' ', '-'));
            }
            grid.add(label, i + 1, row);
        }
        return row + 1;
    }

    private int numberRow(
            String name,
            List<Column> columns,
            Function<Column, Double> value,
            int row,
            boolean markBest,
            String format) {
        grid.add(rowName(name), 0, row);
        var values = columns.stream().map(value).toList();
        var present = values.stream().filter(Objects::nonNull).toList();
        // a best only where the values differ: a tie marks nothing
        var best = present.stream().distinct().count() > 1
                ? present.stream().max(Double::compare).orElse(null)
                : null;
        for (int i = 0; i < columns.size(); i++) {
            var v = values.get(i);
            var label = new Label(v == null ? "—" : String.format(Locale.ROOT, format, v));
            if (markBest && v != null && v.equals(best)) {
                label.getStyleClass().add("best");
            }
            grid.add(label, i + 1, row);
        }
        return row + 1;
    }

    private int gridRow(String criterion, List<Column> columns, int row) {
        grid.add(rowName(criterion), 0, row);
        var scores = columns.stream()
                .map(c -> {
                    var coverage = c.report() == null ? null : c.report().coverage();
                    return coverage == null
                            ? null
                            : coverage.grid().stream()
                                    .filter(g -> g.criterion().equals(criterion))
                                    .map(GridScore::score)
                                    .findFirst()
                                    .orElse(null);
                })
                .toList();
        var present = scores.stream().filter(Objects::nonNull).toList();
        var best = present.stream().distinct().count() > 1
                ? present.stream().max(Integer::compare).orElse(null)
                : null;
        for (int i = 0; i < columns.size(); i++) {
            var s = scores.get(i);
            Node cell;
            if (s == null) {
                cell = new Label("—");
            } else {
                var bar = new ProgressBar(s / 10.0);
                bar.setPrefWidth(150);
                var value = new Label(s + "/10");
                if (s.equals(best)) {
                    value.getStyleClass().add("best");
                }
                var box = new HBox(8, bar, value);
                box.setAlignment(Pos.CENTER_LEFT);
                cell = box;
            }
            GridPane.setHalignment(cell, HPos.LEFT);
            grid.add(cell, i + 1, row);
        }
        return row + 1;
    }

    private static Label rowName(String name) {
        var label = new Label(name);
        label.getStyleClass().add("muted");
        return label;
    }
}
