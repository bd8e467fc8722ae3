package ai.sorot.desktop.report;

import static ai.sorot.desktop.report.ReportBlocks.addLabelled;
import static ai.sorot.desktop.report.ReportBlocks.capitalise;
import static ai.sorot.desktop.report.ReportBlocks.muted;
import static ai.sorot.desktop.report.ReportBlocks.noteTile;
import static ai.sorot.desktop.report.ReportBlocks.section;
import static ai.sorot.desktop.report.ReportBlocks.subheading;
import static ai.sorot.desktop.report.ReportBlocks.text;
import static ai.sorot.desktop.report.ReportBlocks.tile;
import static ai.sorot.desktop.report.ReportBlocks.titled;

import ai.sorot.desktop.pdf.PageViewer;
import ai.sorot.desktop.ui.Format;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.StepRecord;
import ai.sorot.model.report.TrailerAnalysis;
import ai.sorot.model.screenplay.Eighths;
import ai.sorot.model.screenplay.ScreenplayStats;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The report's sections after its header: coverage, curation, trailer, the script's figures, and how it was made. */
final class ReportSections {

    private final ReportViewModel model;
    private final PageViewer pages;
    private final ClaimList claims;

    ReportSections(ReportViewModel model, PageViewer pages) {
        this.model = model;
        this.pages = pages;
        this.claims = new ClaimList(model, pages);
    }

    // ---------------------------------------------------------------- coverage

    List<Node> coverage(AnalysisReport report, Coverage coverage) {
        var nodes = new ArrayList<Node>();
        var summary = new VBox(10);
        if (coverage.logline() != null) {
            var logline = new Label(coverage.logline());
            logline.setId("logline");
            logline.getStyleClass().add("logline");
            logline.setWrapText(true);
            summary.getChildren().add(logline);
        }
        var tags = new ArrayList<String>();
        if (!coverage.genres().isEmpty()) {
            tags.add("Genre: " + String.join(", ", coverage.genres()));
        }
        if (coverage.tone() != null) {
            tags.add("Tone: " + coverage.tone());
        }
        if (coverage.protagonist() != null) {
            tags.add("Protagonist: " + coverage.protagonist());
        }
        if (!coverage.themes().isEmpty()) {
            tags.add("Themes: " + String.join(", ", coverage.themes()));
        }
        if (!coverage.comparables().isEmpty()) {
            tags.add("Comparable: " + String.join(", ", coverage.comparables()));
        }
        if (!tags.isEmpty()) {
            var line = new Label(String.join("   ·   ", tags));
            line.getStyleClass().add("muted");
            line.setWrapText(true);
            summary.getChildren().add(line);
        }
        if (coverage.synopsis() != null) {
            summary.getChildren().addAll(subheading("Synopsis"), text(coverage.synopsis()));
        }
        nodes.add(section("Coverage", summary));

        if (!coverage.grid().isEmpty()) {
            nodes.add(section("Coverage grid", grid(report, coverage.grid())));
        }
        if (!coverage.indicators().isEmpty()) {
            var indicators = new VBox(6);
            indicators.setId("craft-indicators");
            for (var indicator : coverage.indicators()) {
                indicators
                        .getChildren()
                        .add(claims.row(
                                report,
                                new Claim(
                                        indicator.name() + ": " + indicator.figure() + ". " + indicator.meaning(),
                                        indicator.evidence()),
                                true));
            }
            nodes.add(section("Craft indicators (measured, not judged)", indicators));
        }
        var strengths = claims.list(report, coverage.strengths(), "strengths");
        var concerns = claims.list(report, coverage.concerns(), "concerns");
        var columns = new HBox(18, titled("Strengths", strengths), titled("Concerns", concerns));
        columns.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        var verdict = new VBox(10, columns);
        if (coverage.rationale() != null) {
            verdict.getChildren()
                    .addAll(
                            subheading(
                                    coverage.recommendation() == null
                                            ? "Why there is no verdict"
                                            : "Why " + coverage.recommendation().name()),
                            text(coverage.rationale()));
        }
        nodes.add(section("Strengths and concerns", verdict));
        return nodes;
    }

    private Node grid(AnalysisReport report, List<GridScore> scores) {
        var grid = new GridPane();
        grid.setId("coverage-grid");
        grid.getStyleClass().add("grid-table");
        grid.setHgap(14);
        grid.setVgap(10);
        var c0 = new ColumnConstraints();
        c0.setMinWidth(110);
        var c1 = new ColumnConstraints();
        c1.setMinWidth(30);
        c1.setHalignment(HPos.RIGHT);
        var c2 = new ColumnConstraints();
        c2.setMinWidth(110);
        var c3 = new ColumnConstraints();
        c3.setHgrow(Priority.ALWAYS);
        c3.setMinWidth(200);
        grid.getColumnConstraints().addAll(c0, c1, c2, c3);
        int row = 0;
        for (var score : scores) {
            var criterion = new Label(capitalise(score.criterion()));
            criterion.getStyleClass().add("grid-criterion");
            var value = new Label(Integer.toString(score.score()));
            value.getStyleClass().add("grid-score");
            var bar = new ProgressBar(score.score() / 10.0);
            bar.getStyleClass().add("score-bar");
            bar.getStyleClass().add(score.score() >= 7 ? "success" : score.score() <= 4 ? "danger" : "warning");
            var reason = claims.row(
                    report, new Claim(score.reason() == null ? "" : score.reason(), score.evidence()), false);
            grid.addRow(row++, criterion, value, bar, reason);
            GridPane.setValignment(criterion, javafx.geometry.VPos.TOP);
            GridPane.setValignment(value, javafx.geometry.VPos.TOP);
            GridPane.setValignment(bar, javafx.geometry.VPos.TOP);
            GridPane.setMargin(bar, new Insets(6, 0, 0, 0));
        }
        return grid;
    }

    // ---------------------------------------------------------------- curation

    Node curation(AnalysisReport report) {
        var curation = report.curation();
        var box = new VBox(10);
        if (curation.summary() != null) {
            box.getChildren().add(text(curation.summary()));
        }
        var notes = curation.notes();
        if (notes != null) {
            var facts = new HBox(12);
            if (notes.runtimeSlot() != null) {
                facts.getChildren().add(noteTile(notes.runtimeSlot(), "runtime slot"));
            }
            if (notes.audience() != null) {
                facts.getChildren().add(noteTile(notes.audience(), "audience"));
            }
            if (!facts.getChildren().isEmpty()) {
                box.getChildren().add(facts);
            }
            box.getChildren().add(titled("Content flags", claims.list(report, notes.contentFlags(), "content-flags")));
        }
        if (!curation.claims().isEmpty()) {
            box.getChildren()
                    .add(titled(
                            curation.isJudged() ? "Evidence behind the score" : "Evidence",
                            claims.list(report, curation.claims(), "curation-claims")));
        }
        return section("Programming notes", box);
    }

    // ---------------------------------------------------------------- trailer

    Node trailer(AnalysisReport report, TrailerAnalysis trailer) {
        var box = new VBox(8);
        box.setId("trailer-panel");
        if (trailer == null && report.trailerUrl() == null) {
            box.getChildren()
                    .add(
                            muted(
                                    "No trailer link was given. Drop a YouTube or Vimeo link on the row to analyse it with one."));
            return section("Trailer", box);
        }
        var url = trailer != null && trailer.url() != null ? trailer.url() : report.trailerUrl();
        var link = new Hyperlink(url);
        link.setId("trailer-link");
        link.setOnAction(e -> ai.sorot.desktop.ui.Desktop.openLink(url));
        var first = new HBox(8, link);
        first.setAlignment(Pos.CENTER_LEFT);
        if (trailer != null && trailer.platform() != null) {
            var platform = new Label(trailer.platform());
            platform.getStyleClass().add("badge");
            first.getChildren().add(platform);
        }
        box.getChildren().add(first);
        if (trailer == null) {
            box.getChildren().add(muted("The trailer was not analysed."));
        } else if (!trailer.analysed()) {
            box.getChildren()
                    .add(muted(trailer.note() == null ? "Not analysed: only the link is known." : trailer.note()));
        } else {
            var facts = new HBox(12);
            if (trailer.score() != null) {
                facts.getChildren().add(tile(trailer.score() + "/10", "trailer score"));
            }
            if (trailer.durationSeconds() != null) {
                facts.getChildren()
                        .add(tile(
                                Format.elapsed(java.time.Duration.ofSeconds(Math.round(trailer.durationSeconds()))),
                                "length"));
            }
            if (!facts.getChildren().isEmpty()) {
                box.getChildren().add(facts);
            }
            addLabelled(box, "Pacing", trailer.pacing());
            addLabelled(box, "Tone", trailer.tone());
            addLabelled(box, "Hook", trailer.hook());
            addLabelled(box, "Promise vs script", trailer.promiseVsScript());
            if (!trailer.observations().isEmpty()) {
                box.getChildren().add(claims.list(report, trailer.observations(), "trailer-observations"));
            }
            if (trailer.note() != null) {
                box.getChildren().add(muted(trailer.note()));
            }
        }
        return section("Trailer", box);
    }

    // ---------------------------------------------------------------- statistics

    Node statistics(ScreenplayStats stats) {
        var tiles = new FlowPane(
                10,
                10,
                tile(Integer.toString(stats.pageCount()), "pages"),
                tile("~" + Math.round(stats.runtimeMinutes()) + " min", "runtime"),
                tile(Integer.toString(stats.sceneCount()), "scenes"),
                tile(Integer.toString(stats.speakingRoles()), "speaking roles"),
                tile(Format.percent(stats.dialogueShare()), "dialogue"),
                tile(Integer.toString(stats.locations().size()), "locations"));
        var pies = new HBox(
                12,
                StatsCharts.split("chart-int-ext", "Interior / exterior", stats.settings()),
                StatsCharts.split("chart-day-night", "Day / night", stats.timesOfDay()));
        pies.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        var bars = new HBox(12, StatsCharts.dialogueShare(stats), StatsCharts.sceneLengths(stats));
        bars.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        var box = new VBox(12, tiles, pies, bars, StatsCharts.dialogueDensity(stats));
        if (!stats.longestScenes().isEmpty()) {
            var longest = new VBox(4);
            for (var scene : stats.longestScenes().stream().limit(5).toList()) {
                var link = new Hyperlink(
                        scene.heading() + " — " + Eighths.format(scene.eighths()) + " pages (p. " + scene.page() + ")");
                link.getStyleClass().add("evidence-link");
                link.setOnAction(e -> pages.open(
                        model.pdfProperty().get(), stats.pageCount(), scene.page(), "Scene " + scene.scene(), null));
                longest.getChildren().add(link);
            }
            box.getChildren().add(titled("Longest scenes", longest));
        }
        var section = section("Screenplay statistics", box);
        section.setId("statistics");
        return section;
    }

    // ---------------------------------------------------------------- steps

    Node steps(List<StepRecord> steps) {
        var grid = new GridPane();
        grid.setId("step-records");
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        for (var step : steps) {
            var name = new Label(step.number() + ". " + step.name());
            var status = new Label(step.status() == null ? "" : step.status().json());
            status.getStyleClass().add("muted");
            var by =
                    new Label(step.provenance() == null ? "" : step.provenance().label());
            var took = new Label(
                    step.durationMillis() == null
                            ? ""
                            : step.durationMillis() < 1000
                                    ? step.durationMillis() + " ms"
                                    : "%.1f s".formatted(step.durationMillis() / 1000.0));
            took.getStyleClass().add("muted");
            grid.addRow(row++, name, status, by, took);
        }
        return section("How this report was made", grid);
    }
}
